"""The article's span on a page given as text: the run of lines that holds its prose.

Body Text Extraction (Finn, Kushmerick and Smyth 2001) on lines instead of tags: every line
scores its words, a line that is not a sentence pays LINE_COST_WORDS, a line the rules removed
pays it whole, and the span is the contiguous run of lines with the largest sum (one linear
pass). The span starts no earlier than the headline the page's title names: a sidebar above
it whose blurbs read as prose may score into the span, but is no part of the article.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..document import Document
from ..slices import word_count
from .duplicates import line_key
from .headlines import is_label_line
from .page_slots import Slot, page_slots
from .prose import is_prose, wrapped_positions

# What a line that is not a sentence costs, in words: a menu label (1-3 words) or a teaser
# headline (5-8) weighs against the span, a long list item (10+) for it. 8 took the most
# `without` snippets for the `with` it cost on trafilatura-eval's dev hosts (4 and 12 tried).
# A line of labels (headlines.is_label_line) longer than that is a menu on one line, not a
# list item: it costs as much as a removed line, so that a block of menus above the headline
# does not join the span (dragnet full page +0.0006 / +0.0025 over words less the cost;
# scoring it 0, +0.0003 / +0.0007).
LINE_COST_WORDS = 8


def slot_score(slot: Slot, wrapped: frozenset[int]) -> int:
    """A sentence's words, a kept line's words less LINE_COST_WORDS, a removed line's cost,
    and as much for a menu printed on one line (a line of labels longer than the cost)."""
    if slot.line is None:
        return -LINE_COST_WORDS
    words = word_count(slot.line.text)
    if slot.position in wrapped or is_prose(slot.line.text):
        return words
    if words > LINE_COST_WORDS and is_label_line(slot.line.text):
        return -LINE_COST_WORDS
    return words - LINE_COST_WORDS


def best_span(scores: Sequence[int]) -> tuple[int, int, int] | None:
    """(first, last, sum) of the contiguous run with the largest positive sum (Kadane), or
    None when every score is negative or zero."""
    best: tuple[int, int, int] | None = None
    running, start = 0, 0
    for index, score in enumerate(scores):
        if running <= 0:
            running, start = 0, index
        running += score
        if best is None or running > best[2]:
            best = (start, index, running)
    return best if best is not None and best[2] > 0 else None


@dataclass(frozen=True)
class Span:
    """The page's slots and the article's span among them: slots[first..last], scoring total."""

    slots: list[Slot]
    scores: list[int]
    wrapped: frozenset[int]
    first: int
    last: int
    total: int

    def note(self) -> str:
        first, last = self.slots[self.first], self.slots[self.last]
        return f"article lines {first.line_number()}-{last.line_number()} (score {self.total})"

    def opens_with(self, key: str | None) -> bool:
        """Whether the span's first line is the line whose key is `key`."""
        line = self.slots[self.first].line
        return key is not None and line is not None and line_key(line.text) == key


def find_span(doc: Document) -> Span | None:
    """The article's span on the page, or None when no run of lines scores above zero."""
    slots = page_slots(doc)
    wrapped = wrapped_positions(doc.lines)
    scores = [slot_score(slot, wrapped) for slot in slots]
    found = best_span(scores)
    return Span(slots, scores, wrapped, *found) if found is not None else None


def from_titled_headline(span: Span, titled: frozenset[str]) -> Span:
    """`span` starting at the headline the page's title names (headline_keys), when that
    headline lies inside it: the lines above it are then outside, and go if they meet the
    tests of the lines outside (chrome near, far headlines, runs of headlines)."""
    if not titled:
        return span
    slots = span.slots
    start = next(
        (
            index
            for index in range(span.first + 1, span.last + 1)
            if (line := slots[index].line) is not None and line_key(line.text) in titled
        ),
        None,
    )
    if start is None:
        return span
    return replace(span, first=start, total=sum(span.scores[start : span.last + 1]))
