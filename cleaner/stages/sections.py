"""Lists that follow a boilerplate heading: the headlines under "Related articles", and
everything short after the page furniture that closes an article.

The YAML rules recognise the headings ("Ähnliche Beiträge", "Leave a reply", "Share this:");
this stage extends a heading to the lines it introduces, which rules cannot name:
- heuristic.related-list: the run of headline-like lines right after a related-story heading,
  with the teaser excerpts cut short among them ("Die neuen…");
- heuristic.menu-line, heuristic.archive-line, heuristic.menu and heuristic.leading-menu: a
  whole menu or archive widget printed as one line, the rest of a menu beside a removed
  navigation line, and a long run of labels before the article's first paragraph (menus.py);
- heuristic.tag-cloud: a blog's tags printed as one line of words (tag_clouds.py);
- heuristic.after-furniture: every non-prose line after the first heading of the closing
  furniture (related, comments, share, tags, newsletter...) once the article's prose is
  mostly behind us. Prose after it stays: it may be the article's last paragraphs;
- heuristic.furniture-box: yet when little prose follows the furniture's start, a paragraph
  standing alone among the removed lines there is a box of its own (author, newsletter,
  notice), unless the furniture opens with an inline teaser ("Also Read: ..."), which sits
  between a story's last paragraphs.
None of them takes the article's own lines (prose.py): the lines of a paragraph hard-wrapped
over several lines, and the items of its data lists (ingredients, prices, fields, steps).
"""

from bisect import bisect_left, bisect_right
from itertools import accumulate

import regex

from ..document import Document, Line, Removal, RuleInfo
from ..slices import word_count
from .comments import RULE_COMMENT_THREAD, drop_comment_threads
from .menus import (
    MENU_CATEGORIES,
    RULE_ARCHIVE_LINE,
    RULE_LEADING_MENU,
    RULE_MENU,
    RULE_MENU_LINE,
    drop_leading_menus,
    drop_menu_lines,
    drop_menu_runs,
)
from .prose import (
    LIST_ITEM,
    SENTENCE_END,
    STATEMENT_END,
    TRUNCATED,
    is_data_item,
    is_free,
    is_prose,
    wrapped_positions,
)
from .tag_clouds import RULE_TAG_CLOUD, drop_tag_clouds

RULE_RELATED = "heuristic.related-list"
RULE_AFTER = "heuristic.after-furniture"
RULE_BOX = "heuristic.furniture-box"
# Removals of these categories mark the start of the page furniture after an article.
FURNITURE = frozenset({"related", "comments", "share", "newsletter", "donation", "paywall"})
# These mark it too, unless the removed line is a list item: after most of the prose, a tag
# list, byline box, ad label or stamp closes the story as surely as a share bar, but a
# "- Kategorie: ..." item is one field of a data list in the story ("boilerplate" is left out
# altogether: copyright-like notes sit inside stories).
FURNITURE_UNLESS_LISTED = frozenset(
    {"tags", "promo", "consent", "byline", "navigation", "advertisement", "timestamp"}
)
# The furniture begins only once this share of the document's prose words lies before it:
# a share bar or teaser above or inside the article must not cut the article short.
FURNITURE_MIN_PROSE_BEFORE = 0.7
# Past the furniture, a lone paragraph is a box of its own only while the prose left after the
# furniture's start is under this share of the document's prose; more is the article going on.
FURNITURE_MAX_PROSE_AFTER = 0.15
# A headline in a related list is at most this many words (teaser headlines run to ~15).
HEADLINE_MAX_WORDS = 20
# A related-story heading is at most this many words ("Lesen Sie auch die folgenden Beiträge:").
HEADING_MAX_WORDS = 7
INLINE_TEASER = regex.compile(r"[:|›»>–—-]\s*\S")


def heuristics_started(category: str) -> tuple[str, ...]:
    """The heuristics a removal of `category` can set off (related-list only after a bare
    heading; after-furniture and furniture-box only once most of the prose is behind it):
    what `cleaner rules check` and `rules try` warn a rule author of."""
    started = [RULE_RELATED] if category == "related" else []
    if category in MENU_CATEGORIES:
        started.append(RULE_MENU)
    if category in FURNITURE or category in FURNITURE_UNLESS_LISTED:
        started += [RULE_AFTER, RULE_BOX]
    return tuple(started)


def drop_sections(doc: Document, comment_threads: bool = True) -> Document:
    """Drop related-story lists, menus beside removed furniture, if `comment_threads` a
    readers' comment thread, and the short lines of an article's closing furniture. The
    thread goes before the furniture's short lines: those include its posts' headers, and a
    thread whose headers went first is no longer known (its posts, prose, stayed)."""
    own = article_own_lines(doc)
    drop_menu_lines(doc, own)
    drop_tag_clouds(doc, own)
    drop_related_lists(doc, own)
    drop_menu_runs(doc, own)
    drop_leading_menus(doc, own)
    if comment_threads:
        drop_comment_threads(doc)
    drop_after_furniture(doc, own)
    return doc


def article_own_lines(doc: Document) -> frozenset[int]:
    """Positions of the lines no section heuristic takes: the lines of a hard-wrapped
    paragraph and the items of the article's own data lists (quantities, prices, steps)."""
    data = {line.position for line in doc.lines if is_data_item(line.text)}
    return wrapped_positions(doc.lines) | data


def is_headline(text: str) -> bool:
    """Short and not ending like a statement: headlines may ask or exclaim, not stop."""
    return not STATEMENT_END.search(text) and word_count(text) <= HEADLINE_MAX_WORDS


def is_list_item(line: Line, own: frozenset[int]) -> bool:
    """An item of a related-story list: a headline, or a teaser excerpt cut short."""
    return is_free(line, own) and (is_headline(line.text) or bool(TRUNCATED.search(line.text)))


def is_heading(text: str) -> bool:
    """A bare heading ("Related stories", "Das könnte Sie auch interessieren:"), not an
    inline teaser that carries its own headline ("Read more: Germany to ...")."""
    return word_count(text) <= HEADING_MAX_WORDS and not INLINE_TEASER.search(text)


def drop_related_lists(doc: Document, own: frozenset[int]) -> None:
    """After each removed related-story heading, drop the headline-like lines that follow."""
    headings = sorted(
        (doc.position_of(r), r.line)
        for r in doc.removed
        if r.category == "related" and is_heading(r.text)
    )
    listed: dict[int, tuple[Line, str]] = {}
    positions = [line.position for line in doc.lines]
    for heading, number in headings:
        index = bisect_right(positions, heading)  # the first line below the heading
        while index < len(doc.lines) and is_list_item(doc.lines[index], own):
            line = doc.lines[index]
            listed.setdefault(id(line), (line, f"listed under the heading at line {number}"))
            index += 1
    doc.drop_each(list(listed.values()), RULE_RELATED, "related")


def drop_after_furniture(doc: Document, own: frozenset[int]) -> None:
    """Drop non-prose lines after the first furniture heading that follows most of the prose,
    then the paragraphs standing alone among them."""
    prose = prose_words(doc)  # only non-prose lines go before lone_paragraphs reads it
    start = furniture_start(doc, prose)
    if start is None:
        return
    start_position = doc.position_of(start)
    after = [
        line
        for line in doc.lines
        if line.position > start_position and is_free(line, own) and not is_prose(line.text)
    ]
    where = f"after the closing furniture from line {start.line} ({start.rule})"
    if after:
        doc.drop(after, RULE_AFTER, "navigation", [where] * len(after))
    inline_teaser = start.category == "related" and not is_heading(start.text)
    boxes = (
        [] if inline_teaser else lone_paragraphs(doc, start_position, sum(w for _, w in prose), own)
    )
    if boxes:
        doc.drop(boxes, RULE_BOX, "boilerplate", [f"alone {where}"] * len(boxes))


def prose_words(doc: Document) -> list[tuple[int, int]]:
    """(position, words) of each prose line, the lines of hard-wrapped paragraphs included."""
    wrapped = wrapped_positions(doc.lines)
    return [
        (line.position, word_count(line.text))
        for line in doc.lines
        if is_prose(line.text) or line.position in wrapped
    ]


def lone_paragraphs(doc: Document, start: int, total: int, own: frozenset[int]) -> list[Line]:
    """Paragraphs after position `start` whose neighbours are all gone, when little of the
    document's `total` prose words is left there: an author box, a newsletter or comment-form
    notice, a teaser."""
    after = [line for line in doc.lines if line.position > start]
    if sum(word_count(line.text) for line in after) >= FURNITURE_MAX_PROSE_AFTER * total:
        return []
    kept = {line.position for line in doc.lines}
    return [
        line
        for line in after
        if is_free(line, own)
        and line.position - 1 not in kept
        and line.position + 1 not in kept
        and not line.text[:1].islower()
        and SENTENCE_END.search(line.text)
    ]


def furniture_start(doc: Document, prose: list[tuple[int, int]]) -> Removal | None:
    """The removal where the closing furniture begins, or None; `prose` is prose_words(doc)."""
    positions = [position for position, _ in prose]  # in page order, as doc.lines
    words_up_to = list(accumulate(words for _, words in prose))
    total = words_up_to[-1] if prose else 0
    if not total:
        return None
    for removal in sorted(doc.removed, key=lambda r: r.line):
        if removal.category in FURNITURE or (
            removal.category in FURNITURE_UNLESS_LISTED and not LIST_ITEM.match(removal.text)
        ):
            above = bisect_left(positions, doc.position_of(removal))  # prose lines before it
            before = words_up_to[above - 1] if above else 0
            if before >= FURNITURE_MIN_PROSE_BEFORE * total:
                return removal
    return None


class SectionDropper:
    """Stage: the lists and menus that removed headings and furniture introduce."""

    name = "sections"
    rule_ids = (
        RuleInfo(
            RULE_RELATED, "related", "the headlines listed under a removed related-story heading"
        ),
        RuleInfo(
            RULE_MENU_LINE,
            "navigation",
            "a whole menu printed as one line: a long run of capitalised labels, or short "
            "labels between separators ('Home | News | Sport | Weather | Contact')",
        ),
        RuleInfo(
            RULE_ARCHIVE_LINE,
            "navigation",
            "an archive or tag widget printed as one line: dates or labels with post counts",
        ),
        RuleInfo(
            RULE_TAG_CLOUD,
            "boilerplate",
            "a tag cloud printed as one line: many words, no punctuation, almost none of the "
            "language's common words",
        ),
        RuleInfo(
            RULE_MENU,
            "navigation",
            "the one- and two-word labels next to removed "
            "navigation, share, login, tag, stamp, byline or consent lines",
        ),
        RuleInfo(
            RULE_LEADING_MENU,
            "navigation",
            "a long run of one- to three-word labels before the article's first paragraph",
        ),
        RuleInfo(
            RULE_AFTER, "navigation", "the short lines after the furniture that closes an article"
        ),
        RuleInfo(
            RULE_BOX,
            "boilerplate",
            "a paragraph standing alone among the removed closing furniture (author box, notice)",
        ),
        RuleInfo(
            RULE_COMMENT_THREAD,
            "comments",
            "a readers' comment thread: repeated signed and dated headers, each over its post",
        ),
    )

    def __init__(self, comment_threads: bool = True):
        self.comment_threads = comment_threads

    def __call__(self, doc: Document) -> None:
        # An extractor chose the text of an HTML page by its markup, readers' comments left out:
        # the comment threads its text may still show are mostly a forum's posts (measured).
        drop_sections(doc, self.comment_threads and not doc.extracted)
