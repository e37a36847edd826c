"""A blog's archive or tag widget printed as one line ("Select Month August 2012 (4) July
2012 (4) ...", "Blog Archive 10/28/12 - 11/04/12 (11) ..."), for the menus of the sections
stage (`heuristic.archive-line`)."""

import re

import regex

from ..slices import word_count

# An archive or tag widget on one line: at least ARCHIVE_MIN_ENTRIES entries, each a label of
# at most ARCHIVE_ITEM_MAX_WORDS words with its post count ("July 2012 (4)", "Landscape
# architecture (177)") or a date ("November 2012", "10/28/12 - 11/04/12"), and a label of at
# most ARCHIVE_LABEL_MAX_WORDS words around them ("Select Month", "Blog Archive"). On the
# full-page, scrape and extracted text of dragnet's and cleaneval's pages, lines so made held
# 33,968 tokens outside the article and none inside it; no line of the three sets' gold text
# is one.
ARCHIVE_MIN_ENTRIES = 5
ARCHIVE_ITEM_MAX_WORDS = 4
ARCHIVE_LABEL_MAX_WORDS = 4
# A few labels have punctuation ("Behind the…", "30 Days of Giveaways!"); a list whose counts
# stand in a sentence or between commas has it in every piece.
ARCHIVE_MAX_PUNCTUATED_SHARE = 0.2
# Years of weekly archives run to ~20,000 characters; the patterns below are linear.
ARCHIVE_LINE_MAX_CHARS = 50_000
POST_COUNT = regex.compile(r"\s*\(\d{1,6}\)\s*")
# A counted label is a name, not a phrase of a sentence or of a list with commas.
NOT_A_COUNTED_LABEL = regex.compile(r"[,;:!?]|\.\s")
ARCHIVE_DATE = regex.compile(
    r"(?<!\S)(?:\p{L}{3,10}\.?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:19|20)\d\d)(?!\S)"
)
ARCHIVE_FILLER = regex.compile(r"(?<!\S)(?:[-–—]|\(\d{1,6}\))(?!\S)")
# Every entry has a figure (a post count, a date): fewer runs of digits than entries rule a
# line out, found by the standard library's engine at a tenth of the patterns' cost.
DIGIT_RUN = re.compile(r"\d+")


def is_archive_line(text: str) -> bool:
    """Dates or short labels with their post counts, ARCHIVE_MIN_ENTRIES or more, and a short
    label around them; nothing else."""
    return (
        len(text) <= ARCHIVE_LINE_MAX_CHARS
        and len(DIGIT_RUN.findall(text)) >= ARCHIVE_MIN_ENTRIES
        and (is_counted_list(text) or is_date_list(text))
    )


def is_counted_list(text: str) -> bool:
    """ "Label (12) Other label (3) ...": every piece between two counts a short name,
    nearly every one without punctuation."""
    pieces = POST_COUNT.split(text)
    if len(pieces) <= ARCHIVE_MIN_ENTRIES:
        return False
    first, *middle, last = pieces
    return (
        word_count(first) <= ARCHIVE_LABEL_MAX_WORDS + ARCHIVE_ITEM_MAX_WORDS
        and word_count(last) <= ARCHIVE_LABEL_MAX_WORDS
        and all(0 < word_count(piece) <= ARCHIVE_ITEM_MAX_WORDS for piece in middle)
        and sum(1 for piece in middle if NOT_A_COUNTED_LABEL.search(piece))
        <= ARCHIVE_MAX_PUNCTUATED_SHARE * len(middle)
    )


def is_date_list(text: str) -> bool:
    """ "Select Month November 2012 October 2012 ...": dates, and a short label."""
    if len(ARCHIVE_DATE.findall(text)) < ARCHIVE_MIN_ENTRIES:
        return False
    rest = ARCHIVE_FILLER.sub(" ", ARCHIVE_DATE.sub(" ", text))
    return word_count(rest) <= ARCHIVE_LABEL_MAX_WORDS
