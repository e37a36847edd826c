"""Repair tokens glued together when a scraper dropped the space at a link or tag boundary.

Three kinds, each its own rule id: word+word ("Putinin" -> "Putin in"), a lower->upper case
change ("chulProfessor" -> "chul Professor") and punctuation ("Ukraine.The" -> "Ukraine. The").
A word or case split needs evidence for both halves, strongest first: the document itself
(the half appears unglued elsewhere in it), the YAML name lists, the word-frequency dictionary
of the document's language, then names a batch run saw unglued elsewhere in the corpus (the
YAML `corpus_names` that `cleaner learn` writes; off unless a rule file lists them). The edit
records the evidence for the rarer half by the dictionary, the one that decided: "Putin" in
"Putinin", not "in". Guards leave alone what only looks glued: brand and name casing,
particles, handles, hashtags, URLs, e-mails, numbers, abbreviations, code, protected words and
tokens that occur more than once.

Modules: `lexicon` (the YAML word lists), `options` (the thresholds), `tokens` (chunks and
dictionary look-ups), `punctuation`, `candidates` (where a word may split), `context` (one
document's evidence), `scoring` (the Split the evidence supports), `repair` (one pass).
The memos (`word_core`, `viable_splits`, `inert_chunk`, `unsplittable_chunks`) are of pure
functions of their arguments, so no result depends on the documents cleaned before.
"""

from .lexicon import GlueLexicon, glue_lexicon
from .options import DEFAULT_OPTIONS, GlueOptions
from .repair import clear_memos, repair_pass
from .split import RULE_CASE, RULE_PUNCT, RULE_WORD, Repair, Split

__all__ = [
    "DEFAULT_OPTIONS",
    "RULE_CASE",
    "RULE_PUNCT",
    "RULE_WORD",
    "GlueLexicon",
    "GlueOptions",
    "Repair",
    "Split",
    "clear_memos",
    "glue_lexicon",
    "repair_pass",
]
