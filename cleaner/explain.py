"""Render a Result as the input with each removal and edit marked by its rule id."""

from dataclasses import dataclass

from .document import Edit
from .errors import CONTROL
from .pipeline import Result

RED, GREEN, DIM, STRIKE, RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[9m", "\x1b[0m"


def shown(text: str) -> str:
    """`text` with its control characters escaped as \\xNN (\\uNNNN past \\xff): written
    raw they would drive the terminal (clear it, retitle it) or break the one line per input
    line of the view."""
    return CONTROL.sub(lambda m: ascii(m.group())[1:-1], text)


@dataclass
class Piece:
    """A run of a line's text: plain, or the result of edits (with what it replaced)."""

    text: str
    before: str | None = None
    rules: tuple[str, ...] = ()


def explain(result: Result, color: bool = False) -> str:
    """Every input line: removed lines prefixed '-' with rule and category, kept lines with
    their edits shown in place as {before -> after | rule}."""
    removed = {r.line: r for r in result.removed}
    edits_by_line: dict[int, list[Edit]] = {}
    for edit in result.edits:
        edits_by_line.setdefault(edit.line, []).append(edit)
    out = []
    for number, text in enumerate(result.source, 1):
        if number in removed:
            r = removed[number]
            label = f"[{r.rule} · {r.category}" + (f" · {r.evidence}]" if r.evidence else "]")
            gone = shown(r.text)
            out.append(f"{RED}- {label} {STRIKE}{gone}{RESET}" if color else f"- {label} {gone}")
        elif number in edits_by_line:
            out.append("  " + render_edits(text, edits_by_line[number], color))
        else:
            out.append(f"  {shown(text)}".rstrip())
    return "\n".join(out) + "\n"


def render_edits(text: str, edits, color: bool) -> str:
    """Replay `edits` (offsets into the text as it stood before each) and mark them."""
    cells = [Piece(char) for char in text]
    for edit in edits:
        cells = splice(cells, edit)
    return "".join(mark(cell, color) for cell in cells)


def splice(cells: list[Piece], edit) -> list[Piece]:
    """Replace the cells covering [offset, offset + len(before)) by one edited piece; an
    earlier edit that the span touches is merged into it, so nothing is lost."""
    start, end = edit.offset, edit.offset + len(edit.before)
    spans, position = [], 0
    for cell in cells:
        spans.append((position, position + len(cell.text)))
        position += len(cell.text)
    hit = [
        i
        for i, (low, high) in enumerate(spans)
        if (low < end and high > start) or (low == high and start < low < end)
    ]
    if not hit:
        at = next((i for i, (low, _) in enumerate(spans) if low >= start), len(cells))
        return cells[:at] + [Piece(edit.after, edit.before, (edit.rule,))] + cells[at:]
    first, last = hit[0], hit[-1]
    head = cells[first].text[: max(0, start - spans[first][0])]
    tail = cells[last].text[max(0, end - spans[last][0]) :]
    covered = cells[first : last + 1]
    before = "".join(c.text if c.before is None else c.before for c in covered)
    rules = tuple(r for c in covered for r in c.rules) + (edit.rule,)
    return cells[:first] + [Piece(head + edit.after + tail, before, rules)] + cells[last + 1 :]


def mark(piece: Piece, color: bool) -> str:
    after = shown(piece.text)
    if piece.before is None:
        return after
    before, rules = shown(piece.before), ", ".join(dict.fromkeys(piece.rules))
    if color:
        return f"{RED}{STRIKE}{before}{RESET}{GREEN}{after}{RESET}{DIM}‹{rules}›{RESET}"
    return f"{{{before} -> {after} | {rules}}}"
