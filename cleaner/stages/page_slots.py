"""A page's lines as slots (kept or removed, in page order) and what the article span stage
reads of its chrome around them: the lines chrome rules removed, near a line or on a side of
the page, and the runs of headline-shaped lines."""

from dataclasses import dataclass

from ..document import CHROME_CATEGORIES, Document, Line, Removal
from .headlines import is_headline_shaped, is_label_line

# A line outside the article's span goes when article_span.CHROME_MIN_REMOVED of the lines
# within this many on either side of it were removed by chrome rules.
CHROME_WINDOW_LINES = 3

# A run of at least this many headline-shaped lines in a row outside the span (lines removed
# between them skipped) is a teaser list or a sidebar of links, near the span or far, on a
# side whose lines chrome rules removed at least HEADLINE_RUN_SIDE_CHROME of: a blog's "My
# Writing" list of 30 article titles under a heading no rule knows. Chosen on dragnet's read
# half (full page F1 +0.007; 6 lines +0.009 and 12 +0.004, for 1,377 and 610 tokens of
# cleaneval's gold text against 1,085 at 8); clean text's own title-case lists (names,
# places, links) stand on sides with no chrome, which the gate keeps (without it cleaneval's
# gold text lost 6,100 tokens more, not 1,085). Lines of labels (headlines.is_label_line:
# "NL EAST", "Mar 2008 (3)", a menu on one line) count as headlines in a run: dragnet full
# page +0.002 / +0.004 (two halves), cleaneval +0.0007, for 186 tokens of cleaneval's gold.
HEADLINE_RUN_MIN_LINES = 8
HEADLINE_RUN_SIDE_CHROME = 0.05
# The side of the page after the span whose lines chrome rules removed at least this share of
# is the page's closing chrome from its first chrome line on: every kept line past that line
# goes, chrome near it or not (a blog's sidebar of sponsors, an author box, a blogroll). On
# dragnet's read half full page F1 +0.0069 (other half +0.0089), trafilatura-eval's held-out
# `without` +0.5 points, cleaneval +0.0003; 0.4 and 0.3 took more on dragnet but cost
# cleaneval 0.0006 and 0.0015 (tables of data its rules read as menus); lines past the first
# chrome line only, because an article's list may run on past the span (a tracklist, a
# book's contents); above the span, where leads and standfirsts stand, nothing is taken.
CLOSING_SIDE_CHROME = 0.5
# On a side with at least this share of chrome, the lines past its first chrome line go when
# they are article_span.HEADLINE_FAR_LINES or more from the span: dragnet full page +0.0020 /
# +0.0027 (read / other half), scrape +0.0004 / +0.0050, held-out `without` +0.18 points (full
# page and scrape), cleaneval +0.0000 / +0.0001; every line past it at this share (no
# distance) cost cleaneval 0.0006 (full page) and 0.0005 (scrape).
CLOSING_FAR_SIDE_CHROME = 0.3
# What may stand between an article's headline and its first paragraph, removed: its byline
# and stamp (one of them at least), a share bar, a photo's caption and credit.
HEADLINE_TO_BODY = frozenset({"byline", "timestamp", "share", "navigation", "caption", "credit"})
BYLINE_CATEGORIES = frozenset({"byline", "timestamp"})


@dataclass(frozen=True)
class Slot:
    """A non-blank input line in page order: kept (`line`) or removed by a rule (`removal`)."""

    position: int
    line: Line | None
    removal: Removal | None

    def line_number(self) -> int:
        """The input line number (what `cleaner explain` shows)."""
        return self.line.number if self.line is not None else self.removal.line  # type: ignore[union-attr]


def page_slots(doc: Document) -> list[Slot]:
    """Every line of the page in order: the kept ones and those the stages before removed."""
    slots = {line.position: Slot(line.position, line, None) for line in doc.lines}
    for removal in doc.removed:
        position = doc.removed_positions.get(removal.line)
        if position is not None and position not in slots:
            slots[position] = Slot(position, None, removal)
    return [slots[position] for position in sorted(slots)]


def is_chrome(slot: Slot) -> bool:
    return slot.removal is not None and slot.removal.category in CHROME_CATEGORIES


def chrome_near(slots: list[Slot], index: int) -> int:
    """How many of the lines within CHROME_WINDOW_LINES of slots[index] chrome rules removed."""
    window = slots[max(0, index - CHROME_WINDOW_LINES) : index + CHROME_WINDOW_LINES + 1]
    return sum(1 for slot in window if is_chrome(slot))


def headline_runs(slots: list[Slot], side: range) -> dict[int, int]:
    """The index of each kept line of `side` in a run of HEADLINE_RUN_MIN_LINES or more
    headline-shaped lines or lines of labels (removed lines between them skipped), with its
    run's length."""
    runs: list[list[int]] = [[]]
    for index in side:
        line = slots[index].line
        if line is not None and (is_headline_shaped(line.text) or is_label_line(line.text)):
            runs[-1].append(index)
        elif line is not None and runs[-1]:
            runs.append([])
    return {index: len(run) for run in runs if len(run) >= HEADLINE_RUN_MIN_LINES for index in run}


def chrome_share(slots: list[Slot], side: range) -> float:
    """The share of a side's lines that chrome rules removed."""
    return sum(1 for index in side if is_chrome(slots[index])) / len(side)


def closing_chrome(slots: list[Slot], side: range, share: float) -> tuple[int, bool] | None:
    """Where the page's closing chrome starts on `side` (after the span), whose chrome_share
    is `share`: the index of its first chrome line, and whether every line past it goes (at
    least CLOSING_SIDE_CHROME of the side's lines are chrome) or only those far from the span
    (CLOSING_FAR_SIDE_CHROME)."""
    if share < CLOSING_FAR_SIDE_CHROME:
        return None
    start = next((index for index in side if is_chrome(slots[index])), None)
    return (start, share >= CLOSING_SIDE_CHROME) if start is not None else None


def headline_above_byline(slots: list[Slot], first: int) -> Line | None:
    """The article's headline above slots[first]: the nearest kept line before it, shaped as a
    headline, when only removed lines of HEADLINE_TO_BODY stand between them, a byline or a
    stamp among them ("North Korea sends troops to Russia" / "By Jane Smith" / "Updated 2
    hours ago" / the first paragraph). A teaser headline has no byline under it."""
    bylined = False
    for slot in reversed(slots[:first]):
        if slot.line is not None:
            return slot.line if bylined and is_headline_shaped(slot.line.text) else None
        if slot.removal is None or slot.removal.category not in HEADLINE_TO_BODY:
            return None
        bylined = bylined or slot.removal.category in BYLINE_CATEGORIES
    return None
