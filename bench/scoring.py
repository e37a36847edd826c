"""Scores of a system's output against a page's gold: small pure functions, shared by
bench/quality.py and any training script that must report the same figures.

- bag of words: the lower-cased, whitespace-separated tokens of output and truth, overlap
  counted as multisets; precision, recall and F1 per page, then the macro mean over pages.
  An empty truth scores 1 (P, R and F1) when the output is empty too, else 0; an empty
  output against a non-empty truth scores 0.
- snippets (trafilatura-eval): how many `with` snippets the output keeps and how many
  `without` snippets it leaves out, after normalising both (see normalize).
- gold loss: the tokens of a clean text that a cleaner removes when given it as input.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from ftfy.chardata import LIGATURES as FTFY_LIGATURES

SPACE = regex.compile(r"\s+")
# Soft hyphens and zero-width characters are invisible: a snippet matches with or without them.
INVISIBLE = regex.compile(r"[\u00ad\u200b\u2060\ufeff]")
# A Latin ligature ("ﬂ") is one way to write its letters, which cleaner's encoding repair
# (ftfy) spells out: both sides are compared spelled out.
LIGATURES = str.maketrans(FTFY_LIGATURES)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1, each in [0, 1]."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Snippets:
    """Snippet counts of one page or many: `with` kept of total, `without` absent of total."""

    with_kept: int = 0
    with_total: int = 0
    without_absent: int = 0
    without_total: int = 0

    def __add__(self, other: "Snippets") -> "Snippets":
        return Snippets(
            self.with_kept + other.with_kept,
            self.with_total + other.with_total,
            self.without_absent + other.without_absent,
            self.without_total + other.without_total,
        )


def tokens(text: str) -> Counter:
    """The bag of words of `text`: lower-cased whitespace tokens and their counts."""
    return Counter(text.lower().split())


def bag_of_words(output: str, truth: str) -> PRF:
    """Precision, recall and F1 of `output`'s tokens against `truth`'s, as multisets."""
    found, wanted = tokens(output), tokens(truth)
    if not wanted:
        return PRF(1.0, 1.0, 1.0) if not found else PRF(0.0, 0.0, 0.0)
    overlap = sum((found & wanted).values())
    if not overlap:
        return PRF(0.0, 0.0, 0.0)
    precision, recall = overlap / sum(found.values()), overlap / sum(wanted.values())
    return PRF(precision, recall, 2 * precision * recall / (precision + recall))


def macro_mean(scores: Iterable[PRF]) -> PRF | None:
    """The mean of each figure over pages (every page weighs the same); None for no pages."""
    scores = list(scores)
    if not scores:
        return None
    return PRF(
        *(
            sum(getattr(s, name) for s in scores) / len(scores)
            for name in ("precision", "recall", "f1")
        )
    )


def normalize(text: str) -> str:
    """Text as snippets are matched: ligatures spelled out, invisibles dropped, white space
    collapsed to single spaces."""
    return SPACE.sub(" ", INVISIBLE.sub("", text.translate(LIGATURES))).strip()


def snippets(
    output: str, with_snippets: Iterable[str], without_snippets: Iterable[str]
) -> Snippets:
    """How many `with` snippets `output` contains and how many `without` snippets it lacks."""
    text = normalize(output)
    wanted, unwanted = list(with_snippets), list(without_snippets)
    return Snippets(
        sum(normalize(s) in text for s in wanted),
        len(wanted),
        sum(normalize(s) not in text for s in unwanted),
        len(unwanted),
    )


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide."""
    return part / whole if whole else None


def gold_loss(gold: str, output: str) -> tuple[int, int]:
    """(tokens of `gold` missing from `output`, tokens of `gold`): what a cleaner given
    clean text removed, counted as a multiset so an edited token counts as lost."""
    wanted = tokens(gold)
    total = sum(wanted.values())
    return total - sum((tokens(output) & wanted).values()), total
