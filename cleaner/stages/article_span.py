"""The article's span in text that is a whole page (span_search.py) and the page chrome
(menus, teaser lists, footers) that lies outside it.

Outside the span a line goes (heuristic.outside-article) only where the page shows its chrome:
the side outside the span is at least MIN_OUTSIDE_LINES lines long, and at least
CHROME_MIN_REMOVED of the line's CHROME_WINDOW_LINES neighbours on each side were removed by
chrome rules (navigation, share, related...); a line shaped as a headline far from the span
goes on a side of the page with enough chrome, and so does a run of HEADLINE_RUN_MIN_LINES
headlines in a row on a side with some (neither in German, which capitalises nouns); after the
span, on a side mostly chrome, every line past its first chrome line goes, and on a side with
less, every such line far from the span (the page's closing chrome, page_slots.closing_chrome).
Protected lines, hard-wrapped paragraphs, an article's own data items (prose.py), a sentence
before the span (the article's lead, unless the span opens with the headline the page's title
names: a lead follows its headline), that headline and the headline over the article's byline
stay. An article given alone has no such side, so the stage leaves it as it is; nor does it
look at the HTML path's text, whose extractor chose the article.

Readers' comments often score as prose and join the span. When the span holds exactly one run
of removed chrome that includes a comments rule's line ("12 Comments", "Leave a Reply") and the
part before it outscores the part after, what follows is the thread (heuristic.after-comments;
Cleaner(comment_threads=False) keeps it).
"""

from ..document import Document, Line, RuleInfo
from ..slices import word_count
from .duplicates import line_key
from .headlines import (
    headline_keys,
    headlines_have_a_shape,
    is_headline_shaped,
    title_headline,
)
from .page_slots import (
    HEADLINE_RUN_SIDE_CHROME,
    chrome_near,
    chrome_share,
    closing_chrome,
    headline_above_byline,
    headline_runs,
    is_chrome,
)
from .prose import is_data_item, is_prose
from .span_search import Span, find_span, from_titled_headline

RULE = "heuristic.outside-article"
RULE_COMMENTS = "heuristic.after-comments"
# A side of the page outside the span is chrome only when it has at least this many lines
# (kept and removed): a page's header menu or footer is long, an article's title and byline
# above its first paragraph are two or three lines.
MIN_OUTSIDE_LINES = 10
# A line outside the span goes when at least this many of the lines within
# page_slots.CHROME_WINDOW_LINES of it were removed by a chrome rule: menus and teaser lists
# are where the rules find their labels; an article's own list (a recipe, a spec sheet) has
# none around it.
CHROME_MIN_REMOVED = 2
# A line shaped as a headline ("Why the mayor wants a bridge", headlines.is_headline_shaped)
# at least this many lines from the span goes without chrome near it: teaser lists far from
# the article, which the rules find no label in (headlines.headlines_have_a_shape). On the read
# dragnet half title-case lines 20 or more lines away were 29,900 tokens of noise against 1,300
# of the article's; 15 takes both dragnet halves' full-page F1 0.001-0.002 above 20, for 49
# tokens of cleaneval's gold text and no snippet of trafilatura-eval's dev hosts (12 cost
# 0.09 points of their `with`).
HEADLINE_FAR_LINES = 15
# ... and only on a side of the page whose lines chrome rules removed at least this share of:
# clean text's own short lists (references, people, reading lists) have little chrome around
# them (cleaneval's gold text lost 5,000 tokens of title-case lines without this gate, 520 with it).
HEADLINE_SIDE_CHROME = 0.2
# A sentence of at least this many words before the span is the article's lead, which a
# table of contents, a byline block or a share bar parts from its body: it stays. After the
# span such sentences are teaser blurbs, author notes and readers' comments, and go.
LEAD_MIN_WORDS = 10
# A thread's head is at least this many lines removed in a row, one by a comments rule: the
# count, the form's labels and notices. A comments line alone is as often an article's footer
# ("12 Comments" under a post on a blog's front page, its prose going on after it).
COMMENTS_HEAD_LINES = 3


def comment_heads(span: Span) -> list[tuple[int, int]]:
    """(start, stop) of the runs inside the span of COMMENTS_HEAD_LINES or more removed lines
    that begin with chrome and hold a comments rule's line."""
    slots, heads, index = span.slots, [], span.first
    while index <= span.last:
        stop = index
        while is_chrome(slots[index]) and stop < span.last and slots[stop + 1].line is None:
            stop += 1
        categories = {slot.removal.category for slot in slots[index : stop + 1] if slot.removal}
        if stop + 1 - index >= COMMENTS_HEAD_LINES and "comments" in categories:
            heads.append((index, stop))
        index = stop + 1
    return heads


def thread_lines(span: Span, headline: frozenset[str]) -> tuple[list[Line], list[str]]:
    """The kept lines of the span after its one comment thread's head, when the part before
    it outscores them: readers' comments, the article's `headline` (headline_keys) spared.
    None when the span holds no head or several (a blog's front page, one per post)."""
    heads = comment_heads(span)
    if len(heads) != 1:
        return [], []
    start, stop = heads[0]
    if sum(span.scores[span.first : start]) <= sum(span.scores[stop + 1 : span.last + 1]):
        return [], []
    head = f"lines {span.slots[start].line_number()}-{span.slots[stop].line_number()}"
    lines = [
        line
        for slot in span.slots[stop + 1 : span.last + 1]
        if (line := slot.line) is not None
        and is_free(line, span.wrapped)
        and not is_spared(line.text, False, headline)
    ]
    return lines, [f"{span.note()}; after the comments' head at {head}"] * len(lines)


def outside_lines(
    span: Span, headline: frozenset[str], lang: str | None, lead_above: bool
) -> tuple[list[Line], list[str]]:
    """The kept lines outside the article's span that sit among page chrome, or that are
    headlines far from it, with the evidence for each; its `headline` (headline_keys) and,
    when `lead_above`, the article's lead above the span stay."""
    slots, wrapped, first, last = span.slots, span.wrapped, span.first, span.last
    headline_lang = headlines_have_a_shape(lang)
    note = span.note()
    lines, evidence = [], []
    for side, before in ((range(0, first), True), (range(last + 1, len(slots)), False)):
        if len(side) < MIN_OUTSIDE_LINES:
            continue
        side_share = chrome_share(slots, side)
        share = side_share if headline_lang else 0.0  # 0: no headline goes
        headlines_go = share >= HEADLINE_SIDE_CHROME
        runs = headline_runs(slots, side) if share >= HEADLINE_RUN_SIDE_CHROME else {}
        closing = None if before else closing_chrome(slots, side, side_share)
        for index in side:
            line = slots[index].line
            if line is None:
                continue
            far = (first - index if before else index - last) >= HEADLINE_FAR_LINES
            if (near := chrome_near(slots, index)) >= CHROME_MIN_REMOVED:
                reason = f"{near} chrome lines near"
            elif far and headlines_go and is_headline_shaped(line.text):
                reason = f"a headline or label {HEADLINE_FAR_LINES}+ lines away"
            elif index in runs:
                reason = f"one of {runs[index]} headlines in a row"
            elif closing is not None and index > closing[0] and (closing[1] or far):
                reason = f"in the closing chrome from line {slots[closing[0]].line_number()}"
                reason += "" if closing[1] else f", {HEADLINE_FAR_LINES}+ lines away"
            else:
                continue
            if is_free(line, wrapped) and not is_spared(line.text, before and lead_above, headline):
                lines.append(line)
                evidence.append(f"{note}; {reason}")
    return lines, evidence


def byline_headline_keys(span: Span) -> frozenset[str]:
    """The key of the headline over the article's byline (page_slots.headline_above_byline)."""
    line = headline_above_byline(span.slots, span.first)
    return frozenset({line_key(line.text)}) if line is not None else frozenset()


def is_spared(text: str, lead: bool, headline: frozenset[str]) -> bool:
    """The article's own line outside the span: its lead (where `lead` allows one) or headline."""
    return (lead and is_lead(text)) or line_key(text) in headline


def is_lead(text: str) -> bool:
    """A sentence long enough to be the article's lead (standfirst) when it precedes the span."""
    return word_count(text) >= LEAD_MIN_WORDS and is_prose(text)


def is_free(line: Line, wrapped: frozenset[int]) -> bool:
    """Not protected, not part of a hard-wrapped paragraph, not an item of a data list."""
    return not line.protected_by and line.position not in wrapped and not is_data_item(line.text)


class ArticleSpan:
    """Stage: the page chrome outside the article's span, in text that is a whole page."""

    name = "article_span"
    rule_ids = (
        RuleInfo(
            RULE,
            "boilerplate",
            "a line of page chrome (menu, teaser list, footer) outside the run of lines "
            "that holds the article's prose",
        ),
        RuleInfo(
            RULE_COMMENTS,
            "comments",
            "a line after the head of the readers' comments (count, form, notices) that "
            "follows the article's prose",
        ),
    )

    def __init__(self, comment_threads: bool = True):
        self.comment_threads = comment_threads

    def __call__(self, doc: Document) -> None:
        if doc.extracted:  # the HTML path's extractor has already chosen the article
            return
        span = find_span(doc)
        if span is None:
            return
        titled = headline_keys(doc)
        span = from_titled_headline(span, titled)
        headline = titled | byline_headline_keys(span)  # spared by both
        lead_above = not span.opens_with(title_headline(titled))  # a lead follows its headline
        thread = thread_lines(span, headline) if self.comment_threads else ([], [])
        for rule, category, (lines, evidence) in (
            (RULE, "boilerplate", outside_lines(span, headline, doc.lang, lead_above)),
            (RULE_COMMENTS, "comments", thread),
        ):
            if lines:
                doc.drop(lines, rule, category, evidence)
