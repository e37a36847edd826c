"""Repair tokens glued together when a scraper dropped the space at a link or tag boundary.

Three kinds, each its own rule id: word+word ("Putinin" -> "Putin in"), a lower->upper case
change ("chulProfessor" -> "chul Professor") and punctuation ("Ukraine.The" -> "Ukraine. The").
A word or case split needs evidence for both halves, strongest first: the document itself
(the half appears unglued elsewhere in it), the YAML name lists, the word-frequency dictionary
of the document's language, then names a batch run saw unglued elsewhere in the corpus (off
unless the caller fills `GlueLexicon.corpus_names`). The edit records the weaker half's
evidence: the split is only as sure as that. Guards leave alone what only looks glued: brand
and name casing, particles, handles, hashtags, URLs, e-mails, numbers, abbreviations, code,
protected words and tokens that occur more than once.
"""

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

import regex

from ..document import Document, Edit

RULE_WORD = "glue.word"
RULE_CASE = "glue.case-change"
RULE_PUNCT = "glue.punctuation"
# Evidence for a half, strongest first; an edit records the weaker of its two halves'.
EVIDENCE = ("document", "names", "dictionary", "corpus")
EVIDENCE_PUNCT = "punctuation"  # the shape word-mark-word is itself the evidence

CHUNK = regex.compile(r"\S+")
TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*")
CORE = regex.compile(r"^([\"'(“‘„«]*)(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)"
                     r"([.,;:!?\"'”’»)]*)$")
# Part of a URL, e-mail, domain, handle, hashtag, number (decimals, times, versions) or code:
# never touched.
UNTOUCHABLE = regex.compile(
    r"://|www\.|@|#|\d|[_=<>{}\[\]\\|/`*~^$%&+]|\(\)"
    r"|\p{L}\.(?:com|org|net|gov|edu|io|co|de|uk|fr|es|ru|info|html?|php|aspx?|js|py)\b",
    regex.IGNORECASE)
CASE_CHANGE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
# Sentence punctuation glued to a capitalised word: "Ukraine.The", "wait!The", "war;The".
# The left word has two letters and a lower-case one, so initials ("J.R.R.Tolkien"),
# abbreviations ("U.S.", "e.g.") and ellipses ("so...The") never match.
PUNCT_SENTENCE = regex.compile(r"(?<=\p{L}\p{Ll})[.!?;](?=\p{Lu}\p{Ll})")
# A comma between words: "said,adding", "Seoul,Tokyo".
PUNCT_COMMA = regex.compile(r"(?<=\p{L}{2}),(?=\p{L}{2})")
# A colon before a capitalised word: "said:The". A colon before lower case is left alone
# (German gender colon "Lehrer:innen", "mailto:", "Re:").
PUNCT_COLON = regex.compile(r"(?<=\p{Ll}{2}):(?=\p{Lu}\p{Ll})")
# A closing quote after sentence punctuation, glued to the next word: 'end."Next'.
PUNCT_QUOTE = regex.compile(r"(?<=\p{Ll}[.!?,][\"”’»])(?=\p{L}{2})")

# Zipf frequencies: log10 of occurrences per billion words ("the" 7.7, "Putin" 4.1; wordfreq's
# largest lists stop at 1.0, so 0 means unknown).
LEFT_MIN_ZIPF = 3.0     # the left half of a word split, when only the dictionary vouches
RIGHT_MIN_ZIPF = 3.5    # the right half of a word split: glue is mostly before a common word
CASE_MIN_ZIPF = 2.0     # halves of a case-change split ("chul" + "Professor")
# A token the dictionary knows is split only when its halves side by side are this many
# zipf units (powers of ten) more likely than the token: "inthe" (2.6) splits, "inset" and
# "herein" (margin < 2.1) stay.
KNOWN_MARGIN_ZIPF = 2.5
ZIPF_PER_BILLION = 9.0  # zipf(a) + zipf(b) - 9 is the zipf of "a b" if they were independent
# No split of a token this frequent can clear KNOWN_MARGIN_ZIPF: two halves as common as
# "the" (7.7) give at most 7.7 + 7.7 - 9 = 6.4. Checked first, it skips most tokens cheaply.
UNSPLITTABLE_ZIPF = 2 * 7.7 - ZIPF_PER_BILLION - KNOWN_MARGIN_ZIPF
# A token this many times in a document is a word the writer meant, not glue.
REPEATED_TOKEN = 2
MIN_RIGHT_LETTERS = 2   # "Putinin" -> "Putin in"; one-letter halves are too ambiguous
# In languages that write compounds as one word, an unknown token that splits into two
# known words is usually a compound, not glue: only a very common right half counts, and
# never one that is also an inflection or derivation suffix ("Lehrerin", "Bundeslandes").
COMPOUNDING_LANGS = frozenset({"de", "nl", "sv", "da", "no", "nb", "fi", "is", "af"})
COMPOUNDING_RIGHT_MIN_ZIPF = 5.5
SUFFIX_WORDS = {"de": frozenset({"in", "innen", "er", "es", "en", "ern", "em", "ende"}),
                "nl": frozenset({"en", "er"})}
# German binnen-I ("LehrerInnen") is one word, not a case change.
BINNEN_I = frozenset({"In", "Innen"})
# Name particles written before a capital ("McDonald", "DeSantis", "LeBron", "MacArthur").
NAME_PARTICLES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von",
                            "Del", "Della", "Des", "Fitz", "Al", "El", "Ibn", "Bin", "Abu", "St"})


@dataclass(frozen=True)
class GlueLexicon:
    """The word lists the glue stage consults: names vouch for a half, protected words
    (casefolded) are never split. `corpus_names`, empty by default, is for batch runs that
    collect names seen unglued elsewhere in the corpus: the weakest evidence."""

    names: frozenset[str] = frozenset()
    protected: frozenset[str] = frozenset()
    corpus_names: frozenset[str] = frozenset()


def glue_lexicon(names, protected_words) -> GlueLexicon:
    """Build the lexicon from YAML `names` (full names; each part counts) and `protected_words`."""
    parts = {part for name in names for part in name.split()}
    return GlueLexicon(frozenset(parts) | frozenset(names),
                       frozenset(word.casefold() for word in protected_words))


@lru_cache(maxsize=None)
def load_dictionary(lang: str | None) -> Mapping[str, float] | None:
    """Zipf frequency by casefolded word from wordfreq's largest list for `lang`, loaded
    lazily and once per process (~26 MB for English); None if wordfreq has no list."""
    if not lang:
        return None
    import wordfreq

    path = (wordfreq.available_languages("large").get(lang)
            or wordfreq.available_languages("small").get(lang))
    if path is None:
        return None
    words = {}
    for index, bucket in enumerate(wordfreq.read_cBpack(path)):
        zipf = wordfreq.cB_to_zipf(-index)
        for word in bucket:
            if word.isalpha():
                words[word] = zipf
    return MappingProxyType(words)


@dataclass(frozen=True)
class Context:
    """What a split consults: the document's token counts, the lexicon, the dictionary."""

    counts: Counter
    lexicon: GlueLexicon
    words: Mapping[str, float] | None
    lang: str | None

    def zipf(self, word: str) -> float:
        """The dictionary frequency of `word` (of its rarest part if hyphenated); 0 if unknown."""
        if self.words is None:
            return 0.0
        return min(self.words.get(part.casefold(), 0.0) for part in word.split("-"))

    def evidence(self, word: str, min_zipf: float) -> str | None:
        """The strongest evidence that `word` stands alone, or None."""
        if self.counts[word] > 0:
            return "document"
        if word in self.lexicon.names:
            return "names"
        if self.zipf(word) >= min_zipf:
            return "dictionary"
        if word in self.lexicon.corpus_names:
            return "corpus"
        return None


def repair_glue(doc: Document, lexicon: GlueLexicon) -> Document:
    """Split glued tokens on every line, recording one edit per repair."""
    context = Context(document_tokens(doc), lexicon, load_dictionary(doc.lang), doc.lang)
    for line in doc.lines:
        edits = [edit for chunk in CHUNK.finditer(line.text)
                 for edit in chunk_edits(line.number, chunk, context)]
        if edits:
            doc.rewrite(line, edits)
    return doc


def document_tokens(doc: Document) -> Counter:
    """Token counts of the whole document, possessives also counted without "'s"."""
    counts = Counter()
    for line in doc.lines:
        for token in TOKEN.findall(line.text):
            counts[token] += 1
            stem = possessive_stem(token)
            if stem != token:
                counts[stem] += 1
    return counts


def chunk_edits(number: int, chunk, context: Context) -> list[Edit]:
    """At most one edit for a whitespace-delimited chunk."""
    text = chunk.group()
    if UNTOUCHABLE.search(text) or is_protected(text, context):
        return []
    core = CORE.match(text)
    if core is None:
        punct = punctuation_split(text)
        return [Edit(number, chunk.start(), text, punct, RULE_PUNCT, EVIDENCE_PUNCT)] if punct else []
    token, start = core.group(2), chunk.start() + core.start(2)
    if context.counts[token] >= REPEATED_TOKEN or context.zipf(token) >= UNSPLITTABLE_ZIPF:
        return []
    for rule, split in ((RULE_CASE, case_split), (RULE_WORD, word_split)):
        found = split(token, context)
        if found:
            left, right, evidence = found
            return [Edit(number, start, token, f"{left} {right}", rule, evidence)]
    return []


def is_protected(text: str, context: Context) -> bool:
    """A protected word (brand casing, a word the dictionary cannot know), bare or with
    surrounding punctuation or a possessive."""
    core = text.strip("\"'()“”‘’„«».,;:!?").casefold()
    return core in context.lexicon.protected or possessive_stem(core) in context.lexicon.protected


def possessive_stem(token: str) -> str:
    return token[:-2] if token.endswith(("'s", "’s")) else token


def punctuation_split(text: str) -> str | None:
    """"Ukraine.The" -> "Ukraine. The"; "said,adding" -> "said, adding"; else None."""
    fixed = PUNCT_QUOTE.sub(" ", text)
    for pattern in (PUNCT_SENTENCE, PUNCT_COMMA, PUNCT_COLON):
        fixed = pattern.sub(r"\g<0> ", fixed)
    return fixed if fixed != text else None


def weaker(*evidence: str) -> str:
    return max(evidence, key=EVIDENCE.index)


def known_token_wins(token: str, left: str, right: str, context: Context) -> bool:
    """True if the dictionary knows `token` and it is likelier than `left right`."""
    whole = context.zipf(token)
    if whole == 0.0:
        return False
    pair = context.zipf(left) + context.zipf(right) - ZIPF_PER_BILLION
    return pair - whole < KNOWN_MARGIN_ZIPF


def case_split(token: str, context: Context):
    """"Eul-chulProfessor" -> ("Eul-chul", "Professor", evidence) when both halves are
    vouched for; one case change only (two is code or a brand: "GlaxoSmithKline")."""
    cuts = [m.start() for m in CASE_CHANGE.finditer(token)]
    if len(cuts) != 1 or len(INNER_CAPITAL.findall(token)) != 1:
        return None
    left, right = token[:cuts[0]], token[cuts[0]:]
    if (right in BINNEN_I or left in NAME_PARTICLES or len(left.rsplit("-", 1)[-1]) < 2
            or known_token_wins(token, left, right, context)):
        return None  # "LehrerInnen", "McDonald", "iPhone", "YouTube"
    left_evidence = context.evidence(left, CASE_MIN_ZIPF)
    right_evidence = context.evidence(right, CASE_MIN_ZIPF)
    if left_evidence and right_evidence:
        return left, right, weaker(left_evidence, right_evidence)
    return None


def word_split(token: str, context: Context):
    """"Ukraineaccording" -> ("Ukraine", "according", evidence): the best-evidenced split
    whose right half is a common lower-case word. Only the last segment of a hyphenated token
    splits, and only with evidence beyond the dictionary for the whole left ("Jong-un")."""
    head, _, last = token.rpartition("-")
    if not (last.islower() or (last[:1].isupper() and last[1:].islower())):
        return None
    compounding = context.lang in COMPOUNDING_LANGS
    right_min = COMPOUNDING_RIGHT_MIN_ZIPF if compounding else RIGHT_MIN_ZIPF
    suffixes = SUFFIX_WORDS.get(context.lang, frozenset())
    offset, best = len(token) - len(last), None
    for cut in range(2, len(last) - MIN_RIGHT_LETTERS + 1):
        left, right = token[:offset + cut], last[cut:]
        if right in suffixes or not right_is_common(right, right_min, context):
            continue
        if not head and known_token_wins(token, left, right, context):
            continue
        evidence = context.evidence(left, LEFT_MIN_ZIPF)
        if not evidence or (head and evidence == "dictionary"):
            continue
        evidence = weaker(evidence, context.evidence(right, 0.0) or "dictionary")
        score = (-EVIDENCE.index(evidence), context.zipf(left) + context.zipf(right))
        if best is None or score > best[0]:
            best = (score, left, right, evidence)
    return best[1:] if best else None


def right_is_common(right: str, min_zipf: float, context: Context) -> bool:
    """The right half of a word split is a common word: by the dictionary, or, for a
    language without one, seen alone in the document."""
    if context.words is None:
        return context.counts[right] > 0
    return context.zipf(right) >= min_zipf
