"""Duplicated lines: exact (after normalising case, punctuation and space) and near
(word-set Jaccard); the first occurrence stays."""

import regex

from ..document import Document

RULE_EXACT = "duplicate.exact"
RULE_NEAR = "duplicate.near"
WORD = regex.compile(r"[\p{L}\p{N}]+")
# Near-duplicate search compares every pair of long lines; past this many long lines
# (far beyond any article) only exact duplicates are removed, keeping the cost linear.
NEAR_DUPLICATE_MAX_LINES = 3_000


def drop_duplicates(doc: Document, min_chars: int, min_words: int, jaccard: float) -> Document:
    """Drop lines that repeat an earlier kept line exactly or nearly."""
    seen_exact, seen_sets, exact, near = set(), [], [], []
    long_lines = sum(1 for line in doc.lines if len(line.text.split()) >= min_words)
    compare_near = long_lines <= NEAR_DUPLICATE_MAX_LINES
    for line in doc.lines:
        words = WORD.findall(line.text.casefold())
        key = " ".join(words)
        if line.protected_by or not key:
            continue
        if key in seen_exact and len(line.text) >= min_chars:
            exact.append(line)
            continue
        seen_exact.add(key)
        if compare_near and len(words) >= min_words:
            word_set = frozenset(words)
            if any(similarity(word_set, earlier) >= jaccard for earlier in seen_sets
                   if min(len(word_set), len(earlier)) >= jaccard * max(len(word_set), len(earlier))):
                near.append(line)
                continue
            seen_sets.append(word_set)
    if exact:
        doc.drop(exact, RULE_EXACT, "duplicate")
    if near:
        doc.drop(near, RULE_NEAR, "duplicate")
    return doc


def similarity(a: frozenset, b: frozenset) -> float:
    """Jaccard similarity of two word sets. It is at most min(|a|, |b|) / max(|a|, |b|), so
    drop_duplicates skips pairs whose sizes alone rule out the threshold."""
    return len(a & b) / len(a | b)
