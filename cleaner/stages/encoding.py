"""Repair mojibake and control characters with ftfy, keeping curly quotes as written."""

from difflib import SequenceMatcher
from os.path import commonprefix

import ftfy

from ..document import Document, Edit

RULE = "repair.encoding"
# Changed middles longer than this (characters) are diffed with difflib's junk heuristic:
# two repairs far apart on one long line would otherwise cost a quadratic diff.
DIFF_MAX_CHARS = 2_000
# ftfy's defaults, except: curly quotes stay curly (they are correct text), and full-width
# characters stay full-width (they are correct in Chinese and Japanese).
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                                   fix_line_breaks=False, explain=False)


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
    """True for printable ASCII without "&": no mojibake (that needs non-ASCII), no control
    characters or terminal escapes (unprintable) and no HTML entities, which is all ftfy
    could change with FTFY_CONFIG. About half the lines of English news; skipping ftfy on
    them halves this stage's time."""
    return text.isascii() and text.isprintable() and "&" not in text


def diff_edits(number: int, before: str, after: str, rule: str) -> list[Edit]:
    """The minimal spans that turn `before` into `after`, as edits. The common start and end
    are set aside first: ftfy's repairs are local, and an exact character diff of a whole
    long line costs up to the product of the lengths. A middle still longer than
    DIFF_MAX_CHARS gets difflib's fast heuristic (common characters as junk): its spans are
    still exact, if sometimes a few characters wider."""
    head = len(commonprefix([before, after]))
    tail = len(commonprefix([before[head:][::-1], after[head:][::-1]]))
    old, new = before[head:len(before) - tail], after[head:len(after) - tail]
    matcher = SequenceMatcher(None, old, new, autojunk=max(len(old), len(new)) > DIFF_MAX_CHARS)
    return [Edit(number, head + i1, old[i1:i2], new[j1:j2], rule)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
