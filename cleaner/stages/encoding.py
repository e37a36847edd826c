"""Repair mojibake and control characters with ftfy, keeping curly quotes as written."""

from difflib import SequenceMatcher

import ftfy

from ..document import Document, Edit

RULE = "repair.encoding"
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
    """The minimal spans that turn `before` into `after`, as edits."""
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return [Edit(number, i1, before[i1:i2], after[j1:j2], rule)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
