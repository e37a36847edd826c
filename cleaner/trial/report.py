"""The report of `cleaner rules try`: per tried rule, the lines it takes (itself, and through
the heuristics it sets off), gives back, finds already removed, edits and protects, with line
and document counts and examples; as text or as JSON."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..rule_model import Rule
from ..stages.sections import heuristics_started
from .compare import ALREADY, EDITED, FILES, GIVEN_BACK, PROTECTED, TAKEN, Change

# Examples shown per count: enough to recognise what a rule takes, few enough to read.
MAX_EXAMPLES = 3
# Characters of an example line shown in the text report (JSON has them whole).
EXAMPLE_CHARS = 80
KIND_ORDER = (TAKEN, GIVEN_BACK, ALREADY, EDITED, PROTECTED)


@dataclass
class Tally:
    """Lines, the documents they are in, and a few examples (document id, text)."""

    lines: int = 0
    docs: set[str] = field(default_factory=set)
    examples: list[tuple[str, str]] = field(default_factory=list)

    def add(self, change: Change) -> None:
        self.lines += 1
        self.docs.add(str(change.doc))
        texts = {text for _, text in self.examples}
        if len(self.examples) < MAX_EXAMPLES and change.text not in texts:
            self.examples.append((str(change.doc), change.text))

    def describe(self) -> str:
        shown = "; ".join(f"{short(text)!r} ({doc})" for doc, text in self.examples)
        return f"{self.lines} lines in {len(self.docs)} documents, e.g. {shown}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "documents": len(self.docs),
            "examples": [{"id": doc, "text": text} for doc, text in self.examples],
        }


def short(text: str) -> str:
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


@dataclass
class RuleReport:
    """What one tried rule (or FILES, or rules together) does on the corpus, by (kind of
    change, rule that removed the line)."""

    owner: str
    where: str = ""
    kind: str = ""
    category: str = ""
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    gold: Tally = field(default_factory=Tally)

    @classmethod
    def of(cls, owner: str, rule: Rule | None) -> "RuleReport":
        if rule is None:
            return cls(owner)
        return cls(owner, rule.where, rule.kind, rule.category or "")

    def category_note(self, heuristic: str) -> str:
        """'its category ... ' if the rule's category is what starts `heuristic`."""
        started = heuristics_started(self.category) if self.category else ()
        return f"its category {self.category!r} " if heuristic in started else ""

    def add(self, change: Change) -> None:
        self.tallies.setdefault((change.kind, change.by), Tally()).add(change)
        if change.gold:
            self.gold.add(change)

    def total(self, kind: str) -> Tally:
        """Every line of `kind`, whoever removed it."""
        tally = Tally()
        for (each, _), part in self.tallies.items():
            if each == kind:
                tally.lines += part.lines
                tally.docs |= part.docs
        return tally

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.owner,
            "where": self.where,
            "kind": self.kind,
            "category": self.category,
            "changes": [
                {"change": kind, "by": by, **tally.to_dict()}
                for (kind, by), tally in sorted(self.tallies.items(), key=order)
            ],
            "gold": self.gold.to_dict(),
        }


def order(item) -> tuple[int, int]:
    (kind, _), tally = item
    return KIND_ORDER.index(kind), -tally.lines


def rule_reports(changes: Iterable[Change], rules: Sequence[Rule]) -> list[RuleReport]:
    """One report per tried rule, in file order (with nothing for a rule that changed
    nothing), then one per other owner (FILES, rules together)."""
    by_id = {rule.id: rule for rule in rules}
    reports = {rule.id: RuleReport.of(rule.id, rule) for rule in rules}
    for change in changes:
        if change.owner not in reports:
            reports[change.owner] = RuleReport.of(change.owner, by_id.get(change.owner))
        reports[change.owner].add(change)
    return list(reports.values())


def format_report(report: RuleReport) -> list[str]:
    """The text lines of one rule's report."""
    what = ", ".join(part for part in (report.kind, report.category) if part)
    head = f"{report.owner}" + (f"  ({report.where}; {what})" if report.where else "")
    if not report.tallies:
        return [head, "  changes nothing on this corpus"]
    lines = [head]
    for kind in KIND_ORDER:
        total = report.total(kind)
        if not total.lines:
            continue
        lines.append(f"  {kind}: {total.lines} lines in {len(total.docs)} documents")
        for (each, by), tally in sorted(report.tallies.items(), key=order):
            if each == kind:
                who = "itself" if by == report.owner else by
                lines.append(f"    {who}: {tally.describe()}")
    if report.gold.lines:
        lines.append(f"  GOLD lines taken: {report.gold.describe()}")
    return lines


def headline(counts: dict[str, Any], tried: int) -> str:
    """The first line: what was tried on what, and how long it took."""
    failed = counts["failed"]
    which = "; `cleaner batch` names them in its errors file" if failed else ""
    return (
        f"# {tried} tried rules on {counts['documents']} documents ({failed} failed "
        f"to read or clean{which}): {counts['changed']} documents change; "
        f"{counts['seconds']:.1f} s"
    )


__all__ = ["FILES", "RuleReport", "Tally", "format_report", "headline", "rule_reports"]
