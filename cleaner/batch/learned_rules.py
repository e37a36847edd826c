"""Learned lines as a rule file a person would keep: a readable id from the line's words, a
category guessed from its shape, a drop example from the corpus, and a keep example taken
from the group's own article text.

Categories are guessed from the line alone, never from an outlet's words: a short label
without a sentence end ("Home Delivery", "Facebook Twitter Instagram") or a row of labels
between separators ("News | Sport | Weather") is `navigation`, which lets heuristic.menu take
the rest of its menu; anything else is `boilerplate`, which sets off no heuristic.
"""

import unicodedata

import regex
import yaml

from ..stages.prose import SENTENCE_END

TOKEN = regex.compile(r"\d+|\s+|[^\d\s]+")
# A label of a menu has at most this many words ("Best of NY Shopping"); longer lines without
# a sentence end are as often a notice or a teaser headline.
LABEL_MAX_WORDS = 4
# A row of at least this many labels between separators is a menu row ("Home | News | Sport").
ROW_MIN_ITEMS = 3
SEPARATOR = regex.compile(r"\s+[|•·/»›]\s+")
# Words of a readable id: enough to tell lines apart in a summary, short enough to read.
ID_MAX_WORDS = 5
ID_WORD = regex.compile(r"[a-z0-9]+")


def guess_category(text: str) -> str:
    """`navigation` for a menu label or a row of them, else `boilerplate` (see module)."""
    words = text.split()
    if len(words) <= LABEL_MAX_WORDS and not SENTENCE_END.search(text):
        return "navigation"
    items = SEPARATOR.split(text)
    if len(items) >= ROW_MIN_ITEMS and all(len(i.split()) <= LABEL_MAX_WORDS for i in items):
        return "navigation"
    return "boilerplate"


def readable_id(text: str, taken: set[str]) -> str:
    """An id from the line's first words, ASCII-folded ("About this capture" ->
    `about-this-capture`), made unique against `taken` with -2, -3...; `line` if the line has
    no Latin letters. Adds the id to `taken`."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    words = [w for w in ID_WORD.findall(folded) if not w.isdigit()]
    base = "-".join(words[:ID_MAX_WORDS]) or "line"
    chosen, n = base, 1
    while chosen in taken:
        n += 1
        chosen = f"{base}-{n}"
    taken.add(chosen)
    return chosen


def line_pattern(line: str) -> str:
    """An anchored, case-insensitive pattern for the line: any digits, any spacing. Spaces
    may be missing: rules see the text before glue repair, which learned lines come after
    ("ForbesLife" becomes "Forbes Life")."""
    parts = [
        r"\d+" if tok[0].isdigit() else r"\s*" if tok[0].isspace() else regex.escape(tok)
        for tok in TOKEN.findall(line.strip())
    ]
    return "(?i)^" + "".join(parts) + "$"


def keep_example(text: str, pattern: str, article_lines: list[str]) -> str | None:
    """The article line sharing most words with the learned line (the first on a tie) that the
    pattern does not take: a check that the rule leaves the group's own text alone."""
    words = set(text.casefold().split())
    best, shared = None, -1
    for line in article_lines:
        overlap = len(words & set(line.casefold().split()))
        if overlap > shared and not regex.search(pattern, line):
            best, shared = line, overlap
    return best


Rule = dict[str, object]


def learned_rule(text: str, docs: int, group_docs: int, taken: set[str], article_lines) -> Rule:
    """One suggested `drop` rule for a line found in `docs` of the group's `group_docs`."""
    pattern = line_pattern(text)
    examples = {"drop": [text]}
    keep = keep_example(text, pattern, article_lines)
    if keep is not None:
        examples["keep"] = [keep]
    return {
        "id": readable_id(text, taken),
        "category": guess_category(text),
        "description": f"in {docs} of {group_docs} documents ({docs / group_docs:.0%})",
        "drop": pattern,
        "examples": examples,
    }


def rule_file_text(header: str, head: dict[str, object], rules: list[Rule]) -> str:
    """The YAML text of a learned rule file: comment header, file keys, rules."""
    data = {**head, "rules": rules}
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
