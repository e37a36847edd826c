"""The document that flows through the stages, and the records of what changed."""

from collections.abc import Sequence
from dataclasses import dataclass, field

# Removal categories that mark page chrome; duplicates, stamps, captions and notes occur
# inside articles (and in clean article text given as input).
CHROME_CATEGORIES = frozenset(
    {
        "navigation",
        "share",
        "related",
        "comments",
        "tags",
        "promo",
        "advertisement",
        "newsletter",
        "donation",
        "paywall",
        "byline",
    }
)


@dataclass(slots=True)  # one a line: no __dict__ each (a 50,000-line text holds 50,000)
class Line:
    """One paragraph of the document. `number` is its 1-based line in the input (what
    removals and edits refer to); `position` is its 0-based place among the input's
    non-blank lines (what neighbours are), so blank lines between paragraphs change nothing."""

    number: int
    text: str
    position: int
    protected_by: str | None = None


@dataclass(frozen=True)
class RuleInfo:
    """A rule id a stage can emit, with its category and what it removes or repairs."""

    id: str
    category: str
    description: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A line a rule removed: its input line number, text, rule id and category; `evidence`
    says what decided it where a rule id alone does not (a model's score and features)."""

    line: int
    text: str
    rule: str
    category: str
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Edit:
    """An in-line repair. `offset` indexes the line's text as it stood just before
    this edit; edits are listed in the order they were applied."""

    line: int
    offset: int
    before: str
    after: str
    rule: str
    evidence: str | None = None


@dataclass
class Document:
    """Kept lines plus everything removed or edited so far."""

    lines: list[Line]
    url: str | None = None
    lang: str | None = None
    outlet: str | None = None
    removed: list[Removal] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    # Input line number -> position (see Line) of each removed line, for neighbours.
    removed_positions: dict[int, int] = field(default_factory=dict)
    # The lines are an HTML page's article text, as the extractor chose it.
    extracted: bool = False

    @classmethod
    def from_lines(cls, texts: list[str], **fields) -> "Document":
        """A document of the input lines `texts`, numbered from 1 and placed in order."""
        return cls(
            [Line(number, text, number - 1) for number, text in enumerate(texts, 1)], **fields
        )

    def reposition(self) -> None:
        """Place the kept lines anew, one after the other: for when blank lines have gone."""
        for position, line in enumerate(self.lines):
            line.position = position

    def position_of(self, removal: Removal) -> int:
        """The position the removed line had among the document's lines."""
        return self.removed_positions[removal.line]

    def shows_chrome(self) -> bool:
        """Whether a rule removed a line of page chrome (CHROME_CATEGORIES) so far."""
        return any(removal.category in CHROME_CATEGORIES for removal in self.removed)

    def drop(self, lines, rule: str, category: str, evidence=None) -> None:
        """Remove `lines` (Line objects still in the document), recording why; `evidence`,
        if given, holds one text per line."""
        gone = {id(line) for line in lines}
        for line, why in zip(lines, evidence or [None] * len(lines), strict=True):
            self.removed.append(Removal(line.number, line.text, rule, category, why))
            self.removed_positions[line.number] = line.position
        self.lines = [line for line in self.lines if id(line) not in gone]

    def drop_each(self, dropped: Sequence[tuple[Line, str]], rule: str, category: str) -> None:
        """Remove the line of each (line, evidence) pair of `dropped`, recording its evidence."""
        if dropped:
            self.drop([line for line, _ in dropped], rule, category, [why for _, why in dropped])

    def rewrite(self, line: Line, edits: list[Edit]) -> None:
        """Apply non-overlapping `edits` (offsets into line.text) to `line`, in order."""
        text, shift, applied = line.text, 0, []
        for edit in sorted(edits, key=lambda e: e.offset):
            at = edit.offset + shift
            text = text[:at] + edit.after + text[at + len(edit.before) :]
            applied.append(Edit(line.number, at, edit.before, edit.after, edit.rule, edit.evidence))
            shift += len(edit.after) - len(edit.before)
        line.text = text
        self.edits.extend(applied)
