"""Normalise white space: one space between words, no invisible characters, no blank lines."""

import regex

from ..document import Document, Edit, RuleInfo

# Zero-width space, word joiner, stray BOM, soft hyphen. ZWJ and ZWNJ stay: they carry
# meaning in emoji and in Persian and Indic scripts.
INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad]+")
# A line of nothing but white space and format characters (Unicode Cf: bidi marks and
# isolates, zero-width characters, BOMs, soft hyphens) shows nothing: it is blank. Joiners
# inside words are never touched by it: a line with anything else does not match.
FORMAT_ONLY = regex.compile(r"^[\s\p{Cf}]++$")
TRIM = regex.compile(r"^\s+|\s+$")
SPACE_RUN = regex.compile(r"\s{2,}|[^\S ]")
PASSES = (
    ("whitespace.format-only", FORMAT_ONLY, ""),
    ("whitespace.invisible", INVISIBLE, ""),
    ("whitespace.trim", TRIM, ""),
    ("whitespace.collapse", SPACE_RUN, " "),
)
# Whatever one of the passes would change: most lines have none of it and skip them all.
UNTIDY = regex.compile("|".join(pattern.pattern for _, pattern, _ in PASSES))


def normalize_whitespace(doc: Document) -> Document:
    """Remove invisible characters, trim line ends, collapse runs of space; blank lines go
    (they are layout, not content, so they are not recorded as removals; one of format
    characters is emptied by an edit first) and the lines left are placed one after the
    other, so that single and double spacing have the same neighbours."""
    doc.lines = [line for line in doc.lines if line.text.strip()]
    for line in (line for line in doc.lines if not is_tidy(line.text) and UNTIDY.search(line.text)):
        for rule, pattern, replacement in PASSES:
            edits = [
                Edit(line.number, m.start(), m.group(), replacement, rule)
                for m in pattern.finditer(line.text)
            ]
            if edits:
                doc.rewrite(line, edits)
    doc.lines = [line for line in doc.lines if line.text]
    doc.reposition()
    return doc


def is_tidy(text: str) -> bool:
    """True where UNTIDY cannot match, decided by string methods: every white-space
    character but the space, and every invisible one, is unprintable, so a printable line
    with no double space and no space at either end has nothing to normalise."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


class WhitespaceNormalizer:
    """Stage: tidy white space, drop blank lines and place the lines left."""

    name = "whitespace"
    rule_ids = (
        RuleInfo(
            "whitespace.invisible",
            "repair",
            "zero-width spaces, word joiners, stray BOMs and soft hyphens removed",
        ),
        RuleInfo(
            "whitespace.format-only",
            "repair",
            "a line of nothing but invisible format characters (bidi marks, zero-width "
            "characters, soft hyphens) emptied, so that it goes as a blank line",
        ),
        RuleInfo("whitespace.trim", "repair", "white space at a line's ends removed"),
        RuleInfo("whitespace.collapse", "repair", "a run of white space made one space"),
    )

    def __call__(self, doc: Document) -> None:
        normalize_whitespace(doc)
