"""Readers' comments, for the sections stage: a thread no removed heading announces.

heuristic.comment-thread: after the article's first paragraph, a run of comment headers, short
lines that sign a post with a date or time ("Anna — July 18th, 2012, 4:09 pm", "Posted by:
liz at May 29, 2005 10:19 PM", "by swalve (1980968) writes:"), all of one shape, each
followed by its post, and signed by different people. Everything from the first of them to
the end of the document is the thread and the page's footer after it.

What is not a thread: the attributions of quotes or embedded tweets; a list of dated items
with no sentence between them (a timeline, a race's results, sources, teasers); the same
signature again and again (a blog's posts by its one author, a live blog's "Updated 4:30
pm"); bare stamps with no name. Cleaner(comment_threads=False) keeps threads (a forum's posts
are its content).
"""

from collections import Counter
from itertools import pairwise

import regex

from ..document import Document, Line
from ..slices import word_count
from .prose import first_paragraph, is_prose

RULE_COMMENT_THREAD = "heuristic.comment-thread"
# A header is short: a name, a date, a time, a reply link.
HEADER_MAX_WORDS = 20
# A thread has at least this many headers of one shape...
THREAD_MIN_HEADERS = 3
# ... with a post between two of them: at least this share of the spans between headers hold
# a sentence (a timeline, a list of sources or of teasers has its dated items one under the
# other or between headlines).
THREAD_MIN_POSTS_SHARE = 0.5
# ... and signed by several people, none of whom signs more than this share of its headers (a
# blog's posts are all "Posted by Kathy on ..."; in a lively thread a few readers post often).
THREAD_MIN_SIGNERS = 3
THREAD_MAX_ONE_SIGNER_SHARE = 0.5
# Month names and their short forms in English, German, Spanish, French, Italian, Portuguese
# and Dutch.
MONTH = (
    r"(?:jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|ruari|braio)?|février|fevereiro"
    r"|mar(?:ch|s|zo|ço)?|märz|maart|apr(?:il|ile)?|avril|abril|ma[iy]|mayo|maggio|maio|mei"
    r"|june?|juni|juin|junio|junho|giugno|july?|juli|juillet|julio|julho|luglio"
    r"|aug(?:ust|ustus)?|août|agosto|sep(?:t(?:ember)?)?|septiembre|septembre|settembre"
    r"|setembro|o[ck]t(?:ober)?|octubre|octobre|ottobre|outubro|nov(?:ember)?|noviembre"
    r"|novembre|novembro|de[cz](?:ember)?|diciembre|décembre|dicembre|dezembro|enero|gennaio"
    r"|febrero)\.?"
)
# A post's stamp: a date with its year (written out or in figures), a clock time with am/pm
# (a bare "52:10" is a duration as often), or an age ("3 hours ago").
DATE = (
    MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    + r"|\d{1,2}(?:st|nd|rd|th)?\.?\s+"
    + MONTH
    + r",?\s+\d{4}"
    + r"|\d{1,2}\s+de\s+"  # "15 de mayo de 2019", "3 de março de 2020"
    + MONTH
    + r"\s+(?:de\s+)?\d{4}"
    + r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
)
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\b\.?"
AGE = r"(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
STAMP = regex.compile(rf"(?i)\b(?:{DATE}|{CLOCK}|{AGE})\b")
# A header is dated: a clock time alone heads a live blog's entries ("Jane Smith, 10:32 a.m."),
# the article's own text, as often as a comment.
DATED = regex.compile(rf"(?i)\b(?:{DATE}|{AGE})\b")
# What every stamp holds, found much faster than DATED: a figure, or "ago" ("an hour ago").
MAY_BE_STAMPED = regex.compile(r"\d|\bago\b", regex.IGNORECASE)
# A header with no stamp names its writer so ("by mcgrew (92797) writes:"); "X said:" and
# "X wrote:" open a quote of an earlier post inside a forum's post, which is the content.
SIGNED = regex.compile(r"(?i)\b(?:says|writes)\s*:\s*$")
# A line opening with a dash attributes the quote above it: an embedded tweet's "— Carline
# Mohr (@Mohrenpost) 27. August 2018", a blockquote's source. Such quotes are the article's.
ATTRIBUTION = regex.compile(r"^\s*[-–—―]")
# A run of words, a word being letters with figures, dots, apostrophes or hyphens perhaps among
# them ("cayenne8", "K. Orr", "O'Neill"): names differ in these, a header's shape does not.
WORDS = regex.compile(r"\w*\p{L}[\w.'’-]*(?:\s+\w*\p{L}[\w.'’-]*)*")
FIGURES = regex.compile(r"\d+")
SPACE = regex.compile(r"\s+")


def drop_comment_threads(doc: Document) -> None:
    """Drop a readers' comment thread and what follows it (see the module docstring)."""
    headers = thread_headers(doc.lines)
    if headers:
        thread = [line for line in doc.lines if line.position >= headers[0].position]
        doc.drop(thread, RULE_COMMENT_THREAD, "comments", thread_evidence(thread, headers))


def thread_evidence(thread: list[Line], headers: list[Line]) -> list[str]:
    """Why each line of `thread` goes: a header's place among the headers, or the line where
    the thread starts."""
    place = {id(header): index for index, header in enumerate(headers, 1)}
    return [
        f"comment header {place[id(line)]} of {len(headers)}"
        if id(line) in place
        else f"in the comment thread from line {headers[0].number}"
        for line in thread
    ]


def thread_headers(lines: list[Line]) -> list[Line]:
    """The headers of the comment thread among `lines`, or [] if there is none. Headers
    before the article's first paragraph are its own byline and date."""
    first = first_paragraph(lines)
    if first is None:
        return []
    candidates = [
        (index, line, header_shape(line.text))
        for index, line in enumerate(lines[first + 1 :], first + 1)
        if is_header(line)
    ]
    shapes = Counter(shape for _, _, shape in candidates)
    if not shapes:
        return []
    shape, count = shapes.most_common(1)[0]
    if count < THREAD_MIN_HEADERS:
        return []
    headers = [(index, line) for index, line, found in candidates if found == shape]
    posts = sum(
        any(is_prose(line.text) for line in lines[earlier + 1 : later])
        for (earlier, _), (later, _) in pairwise(headers)
    )
    signers = Counter(signer(line.text) for _, line in headers)
    if (
        posts < THREAD_MIN_POSTS_SHARE * (len(headers) - 1)
        or len(signers) < THREAD_MIN_SIGNERS
        or signers.most_common(1)[0][1] > THREAD_MAX_ONE_SIGNER_SHARE * len(headers)
    ):
        return []
    return [line for _, line in headers]


def is_header(line: Line) -> bool:
    """A short line that signs a post: a date or age in it, or "... writes:" at its end; not
    a quote's attribution."""
    text = line.text
    return (
        word_count(text) <= HEADER_MAX_WORDS
        and not ATTRIBUTION.match(text)
        and bool((MAY_BE_STAMPED.search(text) and DATED.search(text)) or SIGNED.search(text))
    )


def header_shape(text: str) -> str:
    """The header's punctuation around its stamps: a run of words becomes "a", a stamp or
    figure "0" ("Anna — July 18th, 2012, 4:09 pm" and "Tristan King — July 10th, 2012,
    10:54 pm" are both "a—0,0")."""
    shape = FIGURES.sub("0", WORDS.sub("a", STAMP.sub("0", text)))
    return SPACE.sub("", shape)


def signer(text: str) -> str:
    """The header without its stamp and figures: the writer's name and the fixed words."""
    return " ".join(FIGURES.sub(" ", STAMP.sub(" ", text)).casefold().split())
