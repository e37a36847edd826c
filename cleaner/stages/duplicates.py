"""Duplicated lines: exact (after normalising case, punctuation and space) and near
(word-set Jaccard); the first occurrence stays.

A scrape repeats whole blocks (a headline, a caption, a share bar, a paragraph printed
twice), and a block is one line. A line of a hard-wrapped paragraph is a fragment of one:
when it repeats, a writer quoted the paragraph (mail, forum replies), so it stays.
"""

import bisect
import re

from ..document import Document, RuleInfo
from .prose import wrapped_positions

RULE_EXACT = "duplicate.exact"
RULE_NEAR = "duplicate.near"
# Runs of letters and digits as Python's str.isalnum() knows them: `regex`'s [\p{L}\p{N}]
# differs only on characters newer than Python's Unicode tables, and costs twice the time.
WORD = re.compile(r"[^\W_]+")
# Near-duplicate search compares every pair of long lines; past this many long lines
# (far beyond any article) only exact duplicates are removed, keeping the cost linear.
NEAR_DUPLICATE_MAX_LINES = 3_000


def drop_duplicates(doc: Document, min_chars: int, min_words: int, jaccard: float) -> Document:
    """Drop lines that repeat an earlier kept line exactly or nearly; the lines of hard-wrapped
    paragraphs are neither dropped nor compared."""
    seen_exact, seen_sets, exact, near = set(), WordSets(), [], []
    long_lines = sum(1 for line in doc.lines if len(line.text.split()) >= min_words)
    compare_near = long_lines <= NEAR_DUPLICATE_MAX_LINES
    wrapped = wrapped_positions(doc.lines)
    for line in doc.lines:
        words = WORD.findall(line.text.casefold())
        key = " ".join(words)
        if line.protected_by or not key or line.position in wrapped:
            continue
        if key in seen_exact and len(line.text) >= min_chars:
            exact.append(line)
            continue
        seen_exact.add(key)
        if compare_near and len(words) >= min_words:
            word_set = frozenset(words)
            if any(
                similarity(word_set, earlier) >= jaccard
                for earlier in seen_sets.sized_near(len(word_set), jaccard)
                if min(len(word_set), len(earlier)) >= jaccard * max(len(word_set), len(earlier))
            ):
                near.append(line)
                continue
            seen_sets.add(word_set)
    if exact:
        doc.drop(exact, RULE_EXACT, "duplicate")
    if near:
        doc.drop(near, RULE_NEAR, "duplicate")
    return doc


class WordSets:
    """Word sets kept in order of size, so that those whose size alone rules out a near
    duplicate (see similarity) are never looked at."""

    def __init__(self):
        self.sizes, self.sets = [], []

    def add(self, word_set: frozenset[str]) -> None:
        at = bisect.bisect_right(self.sizes, len(word_set))
        self.sizes.insert(at, len(word_set))
        self.sets.insert(at, word_set)

    def sized_near(self, size: int, jaccard: float) -> list[frozenset[str]]:
        """The sets of sizes from jaccard * size to size / jaccard (one more each way, so
        float rounding never drops a candidate; the caller applies the exact bound)."""
        low = bisect.bisect_left(self.sizes, jaccard * size - 1)
        high = bisect.bisect_right(self.sizes, size / jaccard + 1)
        return self.sets[low:high]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets. It is at most min(|a|, |b|) / max(|a|, |b|), so
    drop_duplicates skips pairs whose sizes alone rule out the threshold."""
    return len(a & b) / len(a | b)


class DuplicateDropper:
    """Stage: lines repeating an earlier kept line, exactly or nearly."""

    name = "duplicates"
    rule_ids = (
        RuleInfo(
            RULE_EXACT,
            "duplicate",
            "a line repeating an earlier one (case, punctuation and space aside)",
        ),
        RuleInfo(RULE_NEAR, "duplicate", "a long line whose words nearly repeat an earlier line's"),
    )

    def __init__(self, min_chars: int, min_words: int, jaccard: float):
        self.min_chars, self.min_words, self.jaccard = min_chars, min_words, jaccard

    def __call__(self, doc: Document) -> None:
        drop_duplicates(doc, self.min_chars, self.min_words, self.jaccard)
