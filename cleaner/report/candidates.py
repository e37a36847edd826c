"""Rule candidates: clean lines that recur across many documents of one outlet (or URL
domain) yet were kept. They are counted, thresholded and written as YAML by `cleaner
learn`'s own code, so the report suggests exactly the rule `cleaner learn` would."""

from dataclasses import dataclass, field
from typing import Any

from ..batch.learn import domain, rule_file, selection, unique_slugs
from ..batch.line_counts import MIN_DOCS, MIN_SHARE, GroupCounts, is_headline
from .results import DocumentResult

# Groups shown, the largest first: a crawl of many domains would otherwise list thousands.
MAX_GROUPS = 50
# Documents of a group whose lines are counted: enough to find lines on 20% of its pages
# (a 2,000-document sample puts a 20% share within about 2 points), and it bounds the cost,
# the larger part of a report's time, to what a few groups of 2,000 take.
MAX_DOCS_PER_GROUP = 2000
# Candidate lines shown (and put in the YAML) per group, the most frequent first.
MAX_LINES_PER_GROUP = 25


@dataclass
class CandidateCounts:
    """Kept lines counted per outlet, or per domain for documents without an outlet."""

    groups: dict[tuple[str, str], GroupCounts] = field(default_factory=dict)
    docs: dict[tuple[str, str], int] = field(default_factory=dict)  # all, counted or not

    def add(self, doc: DocumentResult) -> None:
        """Count the document's kept lines in its group, up to MAX_DOCS_PER_GROUP."""
        key = ("outlet", doc.outlet) if doc.outlet else ("domain", domain(doc.url) or "")
        if key[1]:
            self.docs[key] = self.docs.get(key, 0) + 1
            host = key[1] if key[0] == "domain" else None
            group = self.groups.setdefault(key, GroupCounts(domain=host))
            if group.docs < MAX_DOCS_PER_GROUP:
                group.add(list(doc.kept), doc.outlet)

    def candidates(self) -> list[dict[str, Any]]:
        """Per group with recurring kept lines: its lines with document counts, and the
        ready-to-paste rule file."""
        found: list[dict[str, Any]] = []
        names = unique_slugs(sorted({key for _, key in self.groups}))
        for (by, key), group in self.groups.items():
            recurring = group.recurring(MIN_DOCS, MIN_SHARE)
            lines = [line for line in recurring if not is_headline(line)][:MAX_LINES_PER_GROUP]
            if lines:
                found.append(
                    {
                        "group": key,
                        "by": by,
                        "docs": group.docs,  # counted
                        "of": self.docs[(by, key)],
                        "lines": [[line.text, line.docs] for line in lines],
                        "yaml": rule_file(
                            key, names[key], group, lines, selection(MIN_DOCS, MIN_SHARE)
                        ),
                    }
                )
        found.sort(key=lambda item: (-int(item["docs"]), str(item["group"])))
        return found[:MAX_GROUPS]
