"""Which documents the page carries in full. Every count on the page is over all documents;
the documents themselves (for the removed-line samples, the document view and the filters)
are a sample when the corpus is too large for one page: the suspicious ones first, then a
few per rule, then a random (but deterministic) share of the rest, up to a size budget."""

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..batch.shard import stable_hash
from .model import CorpusFigures

# Bytes of embedded documents (their JSON): with the counts, code and style around them the
# page of any corpus stays under 10 MB, which a browser opens in about a second.
DOCS_BUDGET_BYTES = 7_000_000
# The most suspicious documents always carried (if the budget allows).
SUSPICIOUS_CARRIED = 300
# A document's view is cut after this many characters of text (a 1 MB scrape would
# otherwise take a seventh of the page); the page says how many lines were cut.
MAX_DOC_CHARS = 40_000
# Rough bytes of JSON per character and per line of a document, to choose before building.
BYTES_PER_CHAR = 1.3
BYTES_PER_LINE = 12


def priority(figures: CorpusFigures) -> list[int]:
    """Document indices, most wanted first, each once."""
    suspicious = [doc.index for doc in figures.suspicious()[:SUSPICIOUS_CARRIED]]
    rules = sorted(figures.by_rule.values(), key=lambda r: -(r.lines + r.edits))
    per_rule = [index for rule in rules for index in rule.sample]
    rest = sorted(
        range(len(figures.documents)),
        key=lambda i: stable_hash(f"{i}:{figures.documents[i].id}"),
    )
    return list(dict.fromkeys(suspicious + per_rule + rest))


def estimate(figures: CorpusFigures, index: int) -> int:
    doc = figures.documents[index]
    return int(min(doc.chars, MAX_DOC_CHARS) * BYTES_PER_CHAR + doc.tally.lines * BYTES_PER_LINE)


def choose(figures: CorpusFigures, budget: int = DOCS_BUDGET_BYTES) -> list[int]:
    """Indices to carry, by priority, while their estimated size fits the budget."""
    chosen, used = [], 0
    for index in priority(figures):
        cost = estimate(figures, index)
        if used + cost <= budget:
            chosen.append(index)
            used += cost
    return chosen


def fit(ranked: Sequence[int], documents: dict[int, dict[str, Any]], budget: int) -> list[int]:
    """The ranked indices whose built documents fit the budget as JSON, in rank order."""
    kept, used = [], 0
    for index in ranked:
        size = len(json.dumps(documents[index], ensure_ascii=False).encode("utf-8", "replace"))
        if used + size <= budget:
            kept.append(index)
            used += size
    return kept


def cut(entries: list[Any], max_chars: int = MAX_DOC_CHARS) -> tuple[list[Any], int]:
    """The first entries of a document view up to `max_chars` of text, and how many were
    left out."""
    used = 0
    for at, entry in enumerate(entries):
        used += entry_chars(entry)
        if used > max_chars and at:
            return entries[:at], len(entries) - at
    return entries, 0


def entry_chars(entry: list[Any]) -> int:
    text = entry[1]
    return len(text) if isinstance(text, str) else sum(map(len, flat(text)))


def flat(parts: Iterable[Any]) -> Iterable[str]:
    for part in parts:
        if isinstance(part, str):
            yield part
        else:
            yield part[0]
            yield part[1]
