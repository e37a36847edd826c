"""The document view: every input line in order, removed lines with their rule, kept lines
with their edits as (before, after, rules) in place. `cleaner report` and
`cleaner explain --format html` both show documents this way.

Entries are compact JSON-ready lists, as the page embeds thousands of them:
    [number, text]                         a kept line, unedited
    [number, [part, ...]]                  a kept line with edits; a part is a str, or
                                           [before, after, [rule, ...]]
    [number, text, rule]                   a removed line
"""

from collections.abc import Sequence
from typing import Any

from ..document import Edit, Removal
from ..explain import Piece, splice

Entry = list[Any]


def document_view(
    kept: Sequence[str],
    kept_lines: Sequence[int] | None,
    removed: Sequence[Removal],
    edits: Sequence[Edit],
) -> tuple[list[Entry], bool]:
    """The entries in input order, and whether the kept lines were placed exactly (their
    input numbers known) or approximately (assumed to fill the lines no removal took)."""
    exact = kept_lines is not None and len(kept_lines) == len(kept)
    numbers = list(kept_lines) if exact and kept_lines is not None else fill(len(kept), removed)
    edits_by_line: dict[int, list[Edit]] = {}
    for item in edits:
        edits_by_line.setdefault(item.line, []).append(item)
    entries: list[tuple[int, int, Entry]] = [(r.line, 0, [r.line, r.text, r.rule]) for r in removed]
    for number, text in zip(numbers, kept, strict=True):
        entries.append((number, 1, kept_entry(number, text, edits_by_line.get(number, []))))
    entries.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in entries], exact


def fill(count: int, removed: Sequence[Removal]) -> list[int]:
    """`count` input numbers for the kept lines: the lowest ones no removal took (exact
    when the input had no blank lines)."""
    taken = {r.line for r in removed}
    numbers: list[int] = []
    number = 0
    while len(numbers) < count:
        number += 1
        if number not in taken:
            numbers.append(number)
    return numbers


def kept_entry(number: int, text: str, edits: list[Edit]) -> Entry:
    """[number, text], or [number, parts] with the edits marked where they replay cleanly."""
    if not edits:
        return [number, text]
    parts = edited_parts(text, edits)
    return [number, parts] if parts is not None else [number, text]


def edited_parts(final: str, edits: list[Edit]) -> list[Any] | None:
    """The line as plain runs and [before, after, rules] pieces; None if the edits do not
    lead from an original to `final` (a record edited by hand, say)."""
    original = final
    for item in reversed(edits):
        at = item.offset
        if original[at : at + len(item.after)] != item.after:
            return None
        original = original[:at] + item.before + original[at + len(item.after) :]
    cells = [Piece(char) for char in original]
    for item in edits:
        cells = splice(cells, item)
    if "".join(cell.text for cell in cells) != final:
        return None
    return merge(cells)


def merge(cells: list[Piece]) -> list[Any]:
    """Adjacent plain cells as one string; edited pieces as [before, after, rules]."""
    parts: list[Any] = []
    for cell in cells:
        if cell.before is not None:
            parts.append([cell.before, cell.text, list(dict.fromkeys(cell.rules))])
        elif parts and isinstance(parts[-1], str):
            parts[-1] += cell.text
        else:
            parts.append(cell.text)
    return parts
