"""Readers' comments, for the sections stage: a thread known by its posts' headers.

heuristic.comment-thread: after the article's first paragraph, a run of comment headers, short
lines that sign a post with a date or time ("Anna — July 18th, 2012, 4:09 pm", "Posted by:
liz at May 29, 2005 10:19 PM", "by swalve (1980968) writes:", "Kevin said,"), all of one
shape (comment_headers.py), each followed by its post, and signed by different people; where
a post is headed by two lines ("August 9th, 2012 at 8:38 am" over "Kevin said,"), either
line's shape may show it. Everything from the first of them to the end of the document is the
thread and the page's footer after it.

Under a removed comments heading after the article's first paragraph ("Comments", "Leave a
Reply"), the headers are looked for among the lines a rule took as well ("Posted by: Bob
James | October 30, 2012 at 08:58 AM" goes as a meta line). Under a heading that counts the
comments ("27 comments", "40 Responses to ..."), the headers may also carry no name: a date
on a line of its own ("September 27th, 2012 at 11:01 pm") under the name ("Barry Joseph"),
their signers then the names above them, and no more of them than the heading counts; or
they may be names alone, each over its post ("Gibbo", "Chris Pearson"), close together. The
thread starts right under the heading when its first header is no further from it than one
post from the next (a platform may sign a post below it); else at its first header, or at the
name above it, for what stands between is the article's (a comment link under its lead).

What is not a thread: the attributions of quotes or embedded tweets; a list of dated items
with no sentence between them (a timeline, a race's results, sources, teasers); the same
signature again and again (a blog's posts by its one author, a live blog's "Updated 4:30
pm"); a blog's posts under bylines that count their comments ("Jimmy M. | November 6, 2012 |
0 Comments"); bare stamps with no name; dated posts under a count they exceed, or under headings
that count differently (a blog's front page, each post with its "5 comments").
Cleaner(comment_threads=False) keeps threads (a forum's posts are its content).
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise
from operator import itemgetter

import regex

from ..document import Document, Line, Removal
from ..slices import word_count
from .comment_headers import header_shape, is_header, signer
from .prose import first_paragraph, is_prose

RULE_COMMENT_THREAD = "heuristic.comment-thread"
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
# ... and its first post is no more than this share of the words from its first header on: a
# dated kicker over an article, then dated teasers under it, is no thread (a press release
# over "Pressemitteilung Äthiopien 16.02.2022", "Aktuell USA 15.02.2022", ...).
THREAD_MAX_FIRST_POST_SHARE = 0.5
# A post may be headed by two lines one under the other, its date and "Name said,": the shape
# that shows the thread is either, whichever reads as signed by several people. A shape seen
# less than this share of the most common one's times, or not next to it, is no twin (a list of
# dated titles and its questions, "What Now? (Apr. 2, 2007)"; reviews amid a listing's prices).
TWIN_SHAPE_MIN_SHARE = 0.5
# A removed comments heading that counts the comments under it anchors a thread whose dated
# headers carry no name ("Barry Joseph" above "September 27th, 2012 at 11:01 pm"): no more
# headers than the count, and the names above them must differ.
COUNT = regex.compile(r"\d+(?:[,.]\d{3})*")
# A commenter's name above a header is a few words ("Paul H. Byerly", "gregorylent").
NAME_MAX_WORDS = 5
# Under a counted heading, a thread may sign its posts with a name alone ("Gibbo" over the
# post): one word ("mtmjr90") or capitalised words ("Chris Pearson"), perhaps with "wrote:"
# ("Bonnie Powers wrote:"; under a count no quote of a forum's post), nothing else (a teaser's
# "Fighting spreads in Aleppo", "Follow @NBCNewsWorld" and "Advertise | AdChoices" are none),
# over a sentence, ...
SIGNATURE = regex.compile(r"^[\w.'’-]+(?: \p{Lu}[\w.'’-]*){0,3}(?: (?:wrote|says|said)\W{0,3})?$")
# ... each at most this many lines from the next (a post is a few paragraphs; a blog's post
# titles over their teasers stand further apart, or are no fewer than the count). 8 took half
# the threads 12 took on the read dragnet half, 20 took articles' own short headings.
SIGNATURE_MAX_GAP = 12
# ... with its post between: sentences, and at most this many other kept lines (a sign-off);
# an article's sections under short headings hold lists and labels.
SIGNATURE_MAX_OTHER = 2
# Where a thread starts (a position), how the evidence names that place, and its headers.
Thread = tuple[int, str, Sequence[Line | Removal]]


def drop_comment_threads(doc: Document) -> None:
    """Drop a readers' comment thread and what follows it (see the module docstring)."""
    first = first_paragraph(doc.lines)
    if first is None:
        return
    found = [
        thread
        for thread in (
            signed_thread(doc.lines[first + 1 :]),
            headed_thread(doc, doc.lines[first].position),
        )
        if thread
    ]
    if found:  # the earlier: a rule may have taken the first headers of a thread, not all
        start, where, headers = min(found, key=itemgetter(0))
        thread = [line for line in doc.lines if line.position >= start]
        doc.drop(thread, RULE_COMMENT_THREAD, "comments", thread_evidence(thread, headers, where))


def signed_thread(lines: list[Line]) -> Thread | None:
    """The thread among `lines` whose headers sign and date their posts."""
    headers = [lines[index] for index in thread_headers(lines)]
    return (headers[0].position, f"from line {headers[0].number}", headers) if headers else None


def headed_thread(doc: Document, first: int) -> Thread | None:
    """The thread under a removed comments heading after position `first` (see
    comment_heading)."""
    anchor = comment_heading(doc, first)
    if anchor is None:
        return None
    heading, count = anchor
    positions, lines = placed_from(doc, doc.position_of(heading) + 1)
    names_above = count is not None
    found = thread_headers(lines, names_above)
    if not found and count is not None:
        found, names_above = signature_headers(lines, count), False
    if not found or (count is not None and len(found) > count):
        return None
    start = positions[thread_start(lines, found, names_above)]
    where = f"under line {heading.line} ({heading.text[:40]!r})"
    return start, where, [lines[index] for index in found]


def thread_start(lines: list[Line | Removal], headers: list[int], names_above: bool) -> int:
    """The index in `lines` (the lines under a heading) where its thread starts, given its
    headers' indices: right under the heading when the first header is no further from it than
    one post from the next (a platform may sign a post below it), else at the first header, or
    the name above it (what stands between is the article's)."""
    if headers[0] <= max(later - earlier for earlier, later in pairwise(headers)):
        return 0
    return headers[0] - 1 if names_above and name_above(lines, headers[0]) else headers[0]


def thread_evidence(thread: list[Line], headers: Sequence[Line | Removal], where: str) -> list[str]:
    """Why each line of `thread` goes: a header's place among the headers, or `where` the
    thread starts."""
    place = {id(header): index for index, header in enumerate(headers, 1)}
    return [
        f"comment header {place[id(line)]} of {len(headers)}"
        if id(line) in place
        else f"in the comment thread {where}"
        for line in thread
    ]


def placed_from(doc: Document, start: int) -> tuple[list[int], list[Line | Removal]]:
    """The lines at and after position `start`, removed ones among them in their places (a rule
    may have taken a thread's date lines, "Posted 10/18/2012 at 12:18 pm | Permalink", and the
    names above them), and the position of each."""
    kept: list[tuple[int, Line | Removal]] = [(line.position, line) for line in doc.lines]
    removed = [(doc.position_of(removal), removal) for removal in doc.removed]
    placed = sorted((pair for pair in kept + removed if pair[0] >= start), key=lambda pair: pair[0])
    return [position for position, _ in placed], [line for _, line in placed]


def comment_heading(doc: Document, first: int) -> tuple[Removal, int | None] | None:
    """The first removed comments heading after position `first`, with the count it gives
    ("99 comments", "40 Responses to ...", "Comments (186)") or None ("Comments", "Leave a
    Reply"). None if there is none, or if the headings that count disagree or count none (a
    blog's front page counts each post's comments)."""
    headings = sorted(
        (
            removal
            for removal in doc.removed
            if removal.category == "comments" and doc.position_of(removal) > first
        ),
        key=doc.position_of,
    )
    counted = [(heading, COUNT.search(heading.text)) for heading in headings]
    counts = {int(regex.sub(r"\D", "", found.group())) for _, found in counted if found}
    if not counts:
        return (headings[0], None) if headings else None
    if len(counts) > 1 or not min(counts):
        return None
    return next((heading, counts.pop()) for heading, found in counted if found)


def thread_headers(lines: Sequence[Line | Removal], names_above: bool = False) -> list[int]:
    """The indices in `lines` of the comment thread's headers (`lines` follow the article's
    first paragraph: headers before it are its own byline and date), or [] if there is none. With
    `names_above`, a header's signer includes the short line above it: a thread under a
    counted heading may date its posts on a line of their own, under the name."""
    by_shape: dict[str, list[tuple[int, Line | Removal]]] = defaultdict(list)
    for index, line in enumerate(lines):
        if is_header(line):
            by_shape[header_shape(line.text)].append((index, line))
    # most common first; among as common, the first seen (as Counter.most_common)
    ranked = sorted(by_shape.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < THREAD_MIN_HEADERS:
        return []
    most_common = ranked[0]
    beside = {index + step for index, _ in most_common for step in (-1, 1)}
    twins = [headers for headers in ranked[1:] if are_twins(headers, beside, len(most_common))]
    for headers in [most_common, *twins]:
        if is_a_thread(lines, headers, names_above):
            return [index for index, _ in headers]
    return []


def are_twins(headers: list[tuple[int, Line | Removal]], beside: set[int], count: int) -> bool:
    """Whether `headers` are the other line of the posts whose most common shape has `count`
    headers, at the indices next to them `beside`: as many (within TWIN_SHAPE_MIN_SHARE), each
    next to one of those."""
    return len(headers) >= TWIN_SHAPE_MIN_SHARE * count and all(
        index in beside for index, _ in headers
    )


def is_a_thread(
    lines: Sequence[Line | Removal], headers: list[tuple[int, Line | Removal]], names_above: bool
) -> bool:
    """Whether `headers` (indices in `lines` and lines, of one shape) head a thread's posts."""
    posts = sum(
        any(is_prose(line.text) for line in lines[earlier + 1 : later])
        for (earlier, _), (later, _) in pairwise(headers)
    )
    signers = Counter(
        signer(line.text) + (name_above(lines, index) if names_above else "")
        for index, line in headers
    )
    return (
        posts >= THREAD_MIN_POSTS_SHARE * (len(headers) - 1)
        and signed_by_several(signers, len(headers))
        and not is_an_article_over_teasers(lines, [index for index, _ in headers])
    )


def is_an_article_over_teasers(lines: Sequence[Line | Removal], headers: list[int]) -> bool:
    """Whether the first "post" holds over THREAD_MAX_FIRST_POST_SHARE of the words from the
    first header on: an article under its dated kicker, the dated lines below it teasers."""
    first_post = sum(word_count(line.text) for line in lines[headers[0] + 1 : headers[1]])
    return first_post > THREAD_MAX_FIRST_POST_SHARE * sum(
        word_count(line.text) for line in lines[headers[0] + 1 :]
    )


def signature_headers(lines: Sequence[Line | Removal], count: int) -> list[int]:
    """The indices in `lines` (under a heading that counts `count` comments) of posts' names
    alone, from the first: kept lines shaped as names, each over a sentence, each close to the
    one before, by several people, no more than the count; or []."""
    found = [
        index
        for index, (line, below) in enumerate(pairwise(lines))
        if isinstance(line, Line) and SIGNATURE.match(line.text) and is_prose(below.text)
    ]
    run = found[:1]
    for index in found[1:]:
        between = lines[run[-1] + 1 : index]
        other = sum(isinstance(line, Line) and not is_prose(line.text) for line in between)
        if index - run[-1] > SIGNATURE_MAX_GAP or other > SIGNATURE_MAX_OTHER:
            break
        run.append(index)
    signers = Counter(lines[index].text.casefold() for index in run)
    if not THREAD_MIN_HEADERS <= len(run) <= count or not signed_by_several(signers, len(run)):
        return []
    return run


def signed_by_several(signers: Counter[str], headers: int) -> bool:
    """THREAD_MIN_SIGNERS or more people sign the `headers`, none more than its share."""
    return (
        len(signers) >= THREAD_MIN_SIGNERS
        and signers.most_common(1)[0][1] <= THREAD_MAX_ONE_SIGNER_SHARE * headers
    )


def name_above(lines: Sequence[Line | Removal], index: int) -> str:
    """The line above `lines[index]` if it is short enough to be a name, else ""."""
    if index == 0 or word_count(lines[index - 1].text) > NAME_MAX_WORDS:
        return ""
    return " " + lines[index - 1].text.casefold()
