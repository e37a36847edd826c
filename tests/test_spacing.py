"""Blank lines are layout: the same article single- and double-spaced gives the same result.

Cases: every seed, and 50 pages of the trafilatura-eval set (Apache-2.0) given as the text
cleaner meets: trafilatura's extraction and the page's full visible text (html-text), stored in
tests/data/spacing.jsonl.gz by bench/spacing_cases.py.
"""

import gzip
import json
from pathlib import Path

import pytest

from conftest import SEEDS

CASES = Path(__file__).parent / "data" / "spacing.jsonl.gz"


def benchmark_pages() -> list[tuple[str, str]]:
    with gzip.open(CASES, "rt", encoding="utf-8") as lines:
        return [(case["id"], case["text"]) for case in map(json.loads, lines)]


def spacing_cases() -> list[tuple[str, str]]:
    seeds = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    return seeds + benchmark_pages()


def single_spaced(text: str) -> str:
    return "".join(line + "\n" for line in text.splitlines() if line.strip())


def double_spaced(text: str) -> str:
    return "\n\n".join(single_spaced(text).splitlines()) + "\n"


def outcome(cleaner, text: str):
    """Text, language and every removal and edit, with line numbers counted over the
    non-blank input lines only (what single and double spacing share)."""
    nonblank = [number for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    place = {number: index for index, number in enumerate(nonblank)}
    result = cleaner.clean(text, fmt="text")
    removed = [(place[r.line], r.text, r.rule, r.category) for r in result.removed]
    edits = [(place[e.line], e.offset, e.before, e.after, e.rule) for e in result.edits]
    return result.text, result.lang, removed, edits


@pytest.mark.parametrize("name,text", spacing_cases(), ids=[name for name, _ in spacing_cases()])
def test_single_and_double_spacing_give_the_same_result(cleaner, name, text):
    assert outcome(cleaner, double_spaced(text)) == outcome(cleaner, single_spaced(text))


def test_every_benchmark_page_sets_off_a_neighbour_heuristic(cleaner):
    for name, text in benchmark_pages():
        rules = {r.rule for r in cleaner.clean(single_spaced(text), fmt="text").removed}
        assert any(rule.startswith("heuristic.") for rule in rules), name
