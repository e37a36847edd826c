"""The glue stage: split tokens a scraper glued together (cleaner.glue decides each split)."""

from ..dictionary import load_dictionary
from ..document import Document, RuleInfo
from ..glue import (
    DEFAULT_OPTIONS,
    RULE_CASE,
    RULE_PUNCT,
    RULE_WORD,
    GlueLexicon,
    GlueOptions,
    clear_memos,
    glue_lexicon,
    repair_pass,
)

# Names the benchmarks and callers import from here.
__all__ = [
    "RULE_CASE",
    "RULE_PUNCT",
    "RULE_WORD",
    "GlueRepair",
    "clear_memos",
    "glue_lexicon",
    "load_dictionary",
    "repair_glue",
]


def repair_glue(
    doc: Document, lexicon: GlueLexicon, options: GlueOptions = DEFAULT_OPTIONS
) -> Document:
    """Split glued tokens on every line, recording one edit per repair. A split adds words
    that are evidence for others ("theminister ministerminister"), so passes repeat until
    none splits: cleaning the output again changes nothing."""
    while repair_pass(doc, lexicon, options):
        pass
    return doc


class GlueRepair:
    """Stage: glued tokens split, with the word lists of the generic rule sets and of the
    document's outlet (one lexicon per outlet). Text extracted from HTML is left as it is
    unless `html` (Options.repair_glue_html): its extractor made no glue."""

    name = "glue"
    rule_ids = (
        RuleInfo(RULE_WORD, "repair", "two words glued together split apart"),
        RuleInfo(RULE_CASE, "repair", "words glued at a change of case split apart"),
        RuleInfo(RULE_PUNCT, "repair", "a space put back after glued punctuation"),
    )

    def __init__(self, catalog, options: GlueOptions = DEFAULT_OPTIONS, html: bool = False):
        self.options, self.html = options, html
        self.lexicons = catalog.per_outlet(
            lambda outlet: glue_lexicon(
                *(
                    catalog.word_list(name, outlet)
                    for name in (
                        "names",
                        "protected_words",
                        "glue_prefixes",
                        "glue_suffixes",
                        "corpus_names",
                    )
                )
            )
        )

    def __call__(self, doc: Document) -> None:
        if self.html or not doc.extracted:
            repair_glue(doc, self.lexicons[doc.outlet], self.options)
