"""Repair mojibake and control characters with ftfy, keeping curly quotes as written."""

import re
import unicodedata
from difflib import SequenceMatcher
from os.path import commonprefix

import ftfy
import regex
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad
from ftfy.chardata import CONTROL_CHARS, LIGATURES

from ..document import Document, Edit, RuleInfo

RULE = "repair.encoding"
# What ftfy changes wherever it stands (with FTFY_CONFIG): its control characters (which
# include the printable U+FFFC and the terminal escape's ESC), C1 controls and surrogates.
FTFY_ALWAYS = re.compile(
    "["
    + "".join(re.escape(chr(code)) for code in sorted(CONTROL_CHARS))
    + "\x80-\x9f\ud800-\udfff]"
)
LIGATURE = regex.compile("[" + "".join(regex.escape(chr(code)) for code in LIGATURES) + "]")
# ftfy's mojibake test (BADNESS_RE) only matches where two of its characters (its categories
# and the literals in its pattern) stand side by side, or at one of the few it judges alone:
# C1 controls, "Œ", "œ", "Ã" and "Â". A line with neither, and no ligature, cannot need it.
# This screen costs a fifteenth of is_bad; a test holds it to is_bad's answers.
MOJIBAKE_CHARS = "".join(MOJIBAKE_CATEGORIES.values()) + "".join(
    re.escape(char) for char in sorted(set(BADNESS_RE.pattern)) if not char.isascii()
)
LONE_SUSPECTS = MOJIBAKE_CATEGORIES["c1"] + "ŒœÃÂ" + "".join(chr(code) for code in LIGATURES)
SUSPECT = re.compile(f"[{LONE_SUSPECTS}]|[{MOJIBAKE_CHARS}][{MOJIBAKE_CHARS}]")
# A character diff costs up to the product of the lengths (10 ms for a 700-character line
# with repairs far apart): changed middles longer than this are compared a word at a time
# first, and only the changed words character by character.
CHAR_DIFF_MAX_CHARS = 200
# Longer than this, a character diff uses difflib's junk heuristic.
DIFF_MAX_CHARS = 2_000
WORD = re.compile(r"\S+\s*|\s+")  # a word and the white space after it
# ftfy's defaults, except: curly quotes stay curly (they are correct text), and full-width
# characters stay full-width (they are correct in Chinese and Japanese).
FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False, explain=False
)


def repair_encoding(doc: Document) -> Document:
    """Run ftfy on each line that may need it and record every changed span as an edit."""
    for line in doc.lines:
        if cannot_need_ftfy(line.text):
            continue
        fixed = ftfy.fix_text(line.text, FTFY_CONFIG)
        if fixed != line.text:
            doc.rewrite(line, diff_edits(line.number, line.text, fixed, RULE))
    return doc


def cannot_need_ftfy(text: str) -> bool:
    """True where ftfy with FTFY_CONFIG would return `text` unchanged, decided by ftfy's own
    mojibake test (`is_bad`) without the rest of its steps, which cost more than the test:
    nothing in FTFY_ALWAYS, no "&" (HTML entities), and for non-ASCII text no Latin
    ligature, already NFC and no mojibake by ftfy's measure (screened by SUSPECT first).
    Most lines qualify; a test holds this to ftfy's own answers."""
    if "&" in text or FTFY_ALWAYS.search(text):
        return False
    if text.isascii():
        return True
    return unicodedata.is_normalized("NFC", text) and (
        not SUSPECT.search(text) or (not LIGATURE.search(text) and not is_bad(text))
    )


def diff_edits(number: int, before: str, after: str, rule: str) -> list[Edit]:
    """The minimal spans that turn `before` into `after`, as edits. The common start and end
    are set aside first: ftfy's repairs are local. A middle longer than CHAR_DIFF_MAX_CHARS
    is compared word by word, and each run of changed words character by character."""
    # commonprefix compares character by character: what is wanted here, these are not paths.
    head = len(commonprefix([before, after]))  # noqa: RUF071
    tail = len(commonprefix([before[head:][::-1], after[head:][::-1]]))  # noqa: RUF071
    old, new = before[head : len(before) - tail], after[head : len(after) - tail]
    spans = (
        char_spans(old, new)
        if max(len(old), len(new)) <= CHAR_DIFF_MAX_CHARS
        else word_spans(old, new)
    )
    return [Edit(number, head + at, removed, added, rule) for at, removed, added in spans]


def word_spans(old: str, new: str) -> list[tuple[int, str, str]]:
    """(offset in `old`, removed, added) per change, where ftfy kept the words apart (the
    usual case: it repairs characters inside words): word i of `old` became word i of `new`,
    so each run of changed words is diffed alone. Otherwise a character diff of the whole."""
    old_words, new_words = WORD.findall(old), WORD.findall(new)
    if len(old_words) != len(new_words):
        return char_spans(old, new)
    spans, old_at, new_at, run = [], 0, 0, None  # run: where the changed words began
    for old_word, new_word in zip(old_words + [""], new_words + [""], strict=True):
        if old_word != new_word and run is None:
            run = (old_at, new_at)
        elif old_word == new_word and run is not None:
            spans += [
                (run[0] + at, removed, added)
                for at, removed, added in char_spans(old[run[0] : old_at], new[run[1] : new_at])
            ]
            run = None
        old_at, new_at = old_at + len(old_word), new_at + len(new_word)
    return spans


def char_spans(old: str, new: str) -> list[tuple[int, str, str]]:
    """(offset in `old`, removed, added) per change, found a character at a time; over
    DIFF_MAX_CHARS with difflib's fast heuristic (common characters as junk), whose spans
    are still exact, if sometimes a few characters wider."""
    matcher = SequenceMatcher(None, old, new, autojunk=max(len(old), len(new)) > DIFF_MAX_CHARS)
    return [
        (i1, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


class EncodingRepair:
    """Stage: mojibake and control characters repaired line by line."""

    name = "encoding"
    rule_ids = (
        RuleInfo(
            RULE,
            "repair",
            "mojibake and control characters repaired by ftfy "
            "(curly quotes and full-width characters kept)",
        ),
    )

    def __call__(self, doc: Document) -> None:
        repair_encoding(doc)
