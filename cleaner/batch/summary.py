"""What a batch run did: documents in/out/failed, removals per category and rule, edits, speed.

Counts are added in input order, so they are the same whatever the engine or worker count;
they are saved with each checkpoint so a resumed run reports the whole run.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .records import Outcome

TOP_RULES = 10  # rules listed in the printed summary; the JSON has all of them


@dataclass
class Summary:
    docs_in: int = 0
    docs_out: int = 0
    docs_failed: int = 0
    removed_by_category: Counter[str] = field(default_factory=Counter)
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    edits_by_rule: Counter[str] = field(default_factory=Counter)
    values_nulled: int = 0  # NaN/Infinity in pass-through fields, written as null

    def add(self, outcome: Outcome) -> None:
        self.docs_in += 1
        if outcome.error is not None:
            self.docs_failed += 1
            return
        self.docs_out += 1
        for rule, category in outcome.removed:
            self.removed_by_category[category] += 1
            self.removed_by_rule[rule] += 1
        self.edits_by_rule.update(outcome.edits)

    def counts(self) -> dict[str, Any]:
        """The counters as a JSON-ready dict (what a checkpoint saves)."""
        return {
            "docs_in": self.docs_in,
            "docs_out": self.docs_out,
            "docs_failed": self.docs_failed,
            "lines_removed": sum(self.removed_by_category.values()),
            "removed_by_category": dict(ranked(self.removed_by_category)),
            "removed_by_rule": dict(ranked(self.removed_by_rule)),
            "edits": sum(self.edits_by_rule.values()),
            "edits_by_rule": dict(ranked(self.edits_by_rule)),
            **({"values_nulled": self.values_nulled} if self.values_nulled else {}),
        }

    @classmethod
    def from_counts(cls, data: dict[str, Any]) -> "Summary":
        return cls(
            data["docs_in"],
            data["docs_out"],
            data["docs_failed"],
            Counter(data["removed_by_category"]),
            Counter(data["removed_by_rule"]),
            Counter(data["edits_by_rule"]),
            data.get("values_nulled", 0),
        )

    def to_dict(self, seconds: float, jobs: int) -> dict[str, Any]:
        """Counts plus this run's time, throughput and worker count."""
        rate = self.docs_in / seconds if seconds > 0 else 0.0
        return {
            **self.counts(),
            "seconds": round(seconds, 3),
            "docs_per_second": round(rate, 1),
            "jobs": jobs,
        }

    def format(self, seconds: float, jobs: int) -> str:
        """A few human-readable lines for stderr."""
        data = self.to_dict(seconds, jobs)
        lines = [
            f"documents: {self.docs_in} in, {self.docs_out} out, {self.docs_failed} failed",
            f"lines removed: {data['lines_removed']}"
            + "".join(
                f"{', ' if i else ' ('}{cat} {n}"
                for i, (cat, n) in enumerate(ranked(self.removed_by_category))
            )
            + (")" if self.removed_by_category else ""),
            f"edits: {data['edits']}",
        ]
        if self.values_nulled:
            lines.append(f"NaN/Infinity values written as null (not JSON): {self.values_nulled}")
        if self.removed_by_rule:
            lines.append(
                "top rules: "
                + ", ".join(f"{rule} {n}" for rule, n in ranked(self.removed_by_rule)[:TOP_RULES])
            )
        lines.append(f"time: {seconds:.1f} s, {data['docs_per_second']} docs/s with {jobs} jobs")
        return "".join(f"cleaner: {line}\n" for line in lines)


def ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    """Most frequent first, ties by name: the same order however the counts were built."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
