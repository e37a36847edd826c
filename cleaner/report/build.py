"""The report's data, from a results file: one pass counts everything (and picks the
documents to carry), a second builds the views of the documents carried. The result is a
JSON-ready dict that the page embeds and its script shows; nothing on the page is computed
anywhere else."""

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UsageError
from .candidates import CandidateCounts
from .model import (
    HIGH_REMOVED_SHARE,
    LONG_LINE_CHARS,
    NEARLY_EMPTY_WORDS,
    TALLY_COLUMNS,
    CorpusFigures,
    DocumentFigures,
    Tally,
    figures_of,
)
from .results import DocumentResult, Skips, read_results
from .sample import DOCS_BUDGET_BYTES, choose, cut, fit
from .view import document_view

# Rows listed per table, the largest first; the page says how many more there are.
MAX_RULE_ROWS = 1000
MAX_GROUP_ROWS = 300


def build_report(path: Path, budget: int = DOCS_BUDGET_BYTES) -> tuple[dict[str, Any], Skips]:
    """The page data for the results at `path`, and the lines skipped; a usage error if no
    line of the file is a usable document."""
    skips = Skips()
    figures, candidates = CorpusFigures(), CandidateCounts()
    for doc in read_results(path, skips):
        figures.add(doc)
        candidates.add(doc)
    if not figures.documents:
        why = skips.summary() or "the file is empty"
        raise UsageError(f"{path}: no document to report on: {why}")
    ranked = choose(figures, budget)
    index_of = {figures.documents[index].line: index for index in ranked}
    built = {
        index_of[doc.line]: carried_document(figures.documents[index_of[doc.line]], doc)
        for doc in read_results(path, Skips(), only=index_of)
        if doc.line in index_of
    }
    carried = sorted(fit([i for i in ranked if i in built], built, budget))
    data = corpus_data(figures, skips)
    data["source"] = path.name
    data["docs"] = [built[index] for index in carried]
    data["candidates"] = candidates.candidates()
    return data, skips


def carried_document(figures: DocumentFigures, doc: DocumentResult) -> dict[str, Any]:
    """A document as the page carries it: its figures, flags and view."""
    entries, exact = document_view(doc.kept, doc.kept_lines, doc.removed, doc.edits)
    entries, left_out = cut(entries)
    data: dict[str, Any] = {
        "n": figures.index,
        "id": doc.id,
        "url": doc.url,
        "o": figures.outlet,
        "l": figures.lang,
        "t": figures.tally.row(),
        "s": round(figures.removed_share, 4),
        "f": figures.flags(),
        "v": entries,
    }
    if left_out:
        data["x"] = left_out
    if not exact:
        data["a"] = 1
    return data


def corpus_data(figures: CorpusFigures, skips: Skips) -> dict[str, Any]:
    """Every count of the overview, rules, outlets and languages tables."""
    flagged = [doc.flags() for doc in figures.documents]
    by_flag: dict[str, int] = {}
    for flags in flagged:
        for flag in flags:
            by_flag[flag] = by_flag.get(flag, 0) + 1
    rules = sorted(
        figures.by_rule.items(), key=lambda item: (-(item[1].lines + item[1].edits), item[0])
    )
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "columns": TALLY_COLUMNS,
        "total": figures.total.row(),
        "outlets": group_rows(figures.by_outlet.items()),
        "outlets_more": max(0, len(figures.by_outlet) - MAX_GROUP_ROWS),
        "langs": group_rows(figures.by_lang.items()),
        "langs_more": max(0, len(figures.by_lang) - MAX_GROUP_ROWS),
        "categories": group_rows(figures.by_category.items()),
        "rules": [
            [rule_id, r.category, r.lines, r.words, r.edits, r.docs]
            for rule_id, r in rules[:MAX_RULE_ROWS]
        ],
        "rules_more": max(0, len(rules) - MAX_RULE_ROWS),
        "flagged": sum(map(bool, flagged)),
        "by_flag": by_flag,
        "skipped": dict(sorted(skips.counts.items())),
        "approximate": len(figures.documents) - figures.exact_placement,
        "thresholds": {
            "long_line_chars": LONG_LINE_CHARS,
            "high_removed_share": HIGH_REMOVED_SHARE,
            "nearly_empty_words": NEARLY_EMPTY_WORDS,
        },
    }


def group_rows(groups: Iterable[tuple[str, Tally]]) -> list[list[Any]]:
    """[name, *tally] rows, the most lines removed first, at most MAX_GROUP_ROWS."""
    rows = sorted(groups, key=lambda item: (-item[1].lines_removed, -item[1].docs, item[0]))
    return [[name, *tally.row()] for name, tally in rows[:MAX_GROUP_ROWS]]


def document_data(doc: DocumentResult, source: str) -> dict[str, Any]:
    """The page data of one document alone (`cleaner explain --format html`): the same
    document view, without the corpus around it."""
    figures = figures_of(0, doc, [len(r.text.split()) for r in doc.removed])
    categories = {r.rule: r.category for r in doc.removed}
    categories.update((e.rule, "repair") for e in doc.edits if e.rule not in categories)
    return {
        "mode": "document",
        "source": source,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "rules": [[rule, category] for rule, category in sorted(categories.items())],
        "docs": [carried_document(figures, doc)],
    }
