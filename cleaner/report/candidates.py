"""Rule candidates: clean lines that recur across many documents of one outlet (or URL
domain) yet were kept. They are counted, thresholded and written as YAML by `cleaner
learn`'s own code, so the report suggests exactly the rule `cleaner learn` would."""

from dataclasses import dataclass, field
from typing import Any

from ..batch.learn import MIN_DOCS, MIN_SHARE, GroupCounts, domain, rule_file
from .results import DocumentResult

# Groups shown, the largest first: a crawl of many domains would otherwise list thousands.
MAX_GROUPS = 50
# Candidate lines shown (and put in the YAML) per group, the most frequent first.
MAX_LINES_PER_GROUP = 25


@dataclass
class CandidateCounts:
    """Kept lines counted per outlet, or per domain for documents without an outlet."""

    groups: dict[tuple[str, str], GroupCounts] = field(default_factory=dict)

    def add(self, doc: DocumentResult) -> None:
        key = ("outlet", doc.outlet) if doc.outlet else ("domain", domain(doc.url) or "")
        if key[1]:
            group = self.groups.setdefault(key, GroupCounts(outlet=doc.outlet))
            group.add(list(doc.kept))

    def candidates(self) -> list[dict[str, Any]]:
        """Per group with recurring kept lines: its lines with document counts, and the
        ready-to-paste rule file."""
        found: list[dict[str, Any]] = []
        for (by, key), group in self.groups.items():
            lines = group.recurring(MIN_DOCS, MIN_SHARE)[:MAX_LINES_PER_GROUP]
            if lines:
                found.append(
                    {
                        "group": key,
                        "by": by,
                        "docs": group.docs,
                        "lines": [[text, docs] for text, docs in lines],
                        "yaml": rule_file(key, group, lines, by, MIN_DOCS, MIN_SHARE),
                    }
                )
        found.sort(key=lambda item: (-int(item["docs"]), str(item["group"])))
        return found[:MAX_GROUPS]
