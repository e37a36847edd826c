"""Menus, for the sections stage: a whole menu printed as one line, and the run of short
labels beside a removed navigation, share, login, tag, stamp, byline or consent line.

- heuristic.menu-line: a long run of capitalised labels ("Select Section Home Investment
  Newsletters Polls & Discussions ..."), which no sentence, headline or table row is, or, in
  text that is not the HTML path's, five or more short labels between separators ("Home |
  News | Articles | Reviews | Guides");
- heuristic.archive-line: a blog's archive or tag widget printed as one line, dates or labels
  with their post counts ("Select Month August 2012 (4) July 2012 (4) June 2012 (2) ...");
- heuristic.menu: the one- or two-word labels next to removed furniture, the rest of its menu
  ("Videos", "Karriere"), with a three-word label between two of them;
- heuristic.leading-menu: a long run of labels before the article's first paragraph, a menu
  that no removed line marks ("Recipes", "Grilling", "Fast and Easy", "Breakfast", ...).
"""

from collections.abc import Collection
from itertools import groupby
from operator import itemgetter

import regex

from ..document import Document, Line
from ..slices import word_count
from .archive_lines import is_archive_line
from .prose import (
    CJK,
    LIST_ITEM,
    SENTENCE_END,
    figure_count,
    first_paragraph,
    is_free,
)

RULE_MENU = "heuristic.menu"
RULE_MENU_LINE = "heuristic.menu-line"
RULE_ARCHIVE_LINE = "heuristic.archive-line"
RULE_LEADING_MENU = "heuristic.leading-menu"
# Removals of these categories are page furniture whose neighbours may be the rest of a menu.
MENU_CATEGORIES = frozenset(
    {"navigation", "share", "paywall", "tags", "timestamp", "byline", "consent"}
)
# A menu item is at most this many words; three-word lines next to furniture are as often
# an article's headings (measured: three words cost a held-out `with` snippet).
MENU_ITEM_MAX_WORDS = 2
# ... but inside a run, between two menu items, a label may have this many words (four took a
# data field, "Art der Aufnahme: Digitalfoto", on a dev page).
MENU_INNER_ITEM_MAX_WORDS = 3
# Before the article's first paragraph (prose.first_paragraph), a run of at least this many
# labels is a menu (docs/sections.md). Chosen on dragnet's full pages, where the runs hold
# 15,885 tokens outside the article and 19 inside; later runs are as often an article's own
# lists (names, places, a taxonomy), and a document with no such paragraph is all lists.
LEADING_MENU_MIN_ITEMS = 8
# A label there has every word capitalised but short joining words ("Fast and Easy", "Sex &
# Culture"), and no figure or bracket: a data sheet's values ("Lactose monohydrat
# (Hilfsstoff)", "1 Tablette") break the run of its field names.
LEADING_LABEL = regex.compile(r"^(?:\p{Lu}\S*|\p{Ll}{1,3}|&)$")
NOT_A_LABEL = regex.compile(r"[\d()\[\]]")
# A menu on one line has more words than a headline (sections.HEADLINE_MAX_WORDS, 20)...
MENU_LINE_MIN_WORDS = 22
# ... nearly all of them labels: capitalised, a figure ("500s") or a sign ("&", "-Equities").
# On the full-page text of dragnet's pages, lines so made held 40,501 tokens outside the
# article and 24 inside it (one headline in capitals); of cleaneval's, 405 tokens of data
# tables printed as text, which the limits below leave alone.
MENU_LINE_MIN_LABEL_SHARE = 0.85
LABEL = regex.compile(r"^[-–—&(\"'“]*(?:\p{Lu}|\d|$)")
# English labels in title case keep their short words in lower case ("Council on Women and
# Girls"): on an English page, outside the HTML path, such words count with the labels when at
# least this share of the words are labels and no sentence ends (dragnet full page +0.0005 /
# +0.0014, cleaneval +0.0002; 22 tokens of dragnet's gold text, a book's title of 22 words;
# in every language, German's rating widgets took one of trafilatura-eval's dev hosts' `with`
# snippets; on the HTML path, cleaneval and dragnet -0.0001).
TITLE_CASE_MIN_LABEL_SHARE = 0.6
TITLE_CASE_SHORT_WORD = regex.compile(r"^(?:\p{Ll}{1,3}|&)$")
# A table printed as text has more figures than this share of its words; a table row of the
# HTML path has its " | " cells; a list of names or descriptors has commas or semicolons
# between its items, more than this share of its words (a menu of 276 writers' names has one
# in "Andrew M. Baer, Esq."; dragnet full page +0.0009 / +0.0018, cleaneval +0.0017 over no
# comma at all, no gold text lost; 0.05 took 71 tokens of dragnet's).
MENU_LINE_MAX_FIGURE_SHARE = 0.2
MENU_LINE_MAX_COMMA_SHARE = 0.02
LIST_PUNCTUATION = regex.compile(r"[,;]")
# A menu on one line is shorter than a long paragraph (~1,500 labels): a longer line is not
# one, and its words are never listed.
MENU_LINE_MAX_CHARS = 10_000
# A menu printed with separators ("Home | News | Articles | Reviews | Guides | Columns") has at
# least this many labels, nearly all (SEPARATED_SHORT_LABEL_SHARE) of at most
# SEPARATED_LABEL_MAX_WORDS words ("Kids education and games site" among a footer's 20 links:
# dragnet full page +0.0003 / +0.0002 over all, cleaneval +0.0003), nearly all capitalised or
# figures, none with a sentence's end, and no table row's line above or below it. A table
# has its rows one under the other; the HTML path's have " | " between their cells even
# when the table has one row, so it gets no separated menus.
SEPARATED_MENU_MIN_LABELS = 5
SEPARATED_LABEL_MAX_WORDS = 4
SEPARATED_SHORT_LABEL_SHARE = 0.9
SEPARATED_MIN_LABEL_SHARE = 0.8
SEPARATOR = regex.compile(r"\s[|•·]\s")
# A table's rows have as many cells as the rows beside them; two menus one under the other
# (a section menu over a footer's links) seldom do. Dragnet full page +0.0009 / +0.0005 over
# any separated line beside ruling a menu out, for 17 tokens of cleaneval's gold text.
TABLE_ROW_SEPARATOR_SLACK = 1
SEPARATED_LABEL = regex.compile(r"^[-–—&(\"'“»«›]*(?:\p{Lu}|\d)")
LABEL_END = regex.compile(r"[.!?](?:\s|$)")


def drop_menu_lines(doc: Document, own: frozenset[int]) -> None:
    """Drop the lines that are a whole menu (many capitalised labels and nothing else, or
    labels between separators outside the HTML path) or a whole archive widget (dates or
    labels with post counts)."""
    title_case = doc.lang == "en" and not doc.extracted

    def is_menu(text: str) -> bool:
        return is_menu_line(text, title_case)

    for rule, is_whole in ((RULE_MENU_LINE, is_menu), (RULE_ARCHIVE_LINE, is_archive_line)):
        found = [line for line in doc.lines if is_free(line, own) and is_whole(line.text)]
        if rule == RULE_MENU_LINE and not doc.extracted:
            found = sorted(found + separated_menus(doc, own), key=lambda line: line.position)
        if found:
            doc.drop(found, rule, "navigation")


def separated_menus(doc: Document, own: frozenset[int]) -> list[Line]:
    """The lines of labels between separators that are no table's rows: a row has a line
    above or below it with as many separators, give or take TABLE_ROW_SEPARATOR_SLACK."""
    lines = doc.lines
    separators = [separator_count(line.text) for line in lines]

    def has_row_beside(index: int) -> bool:
        return any(
            0 <= other < len(lines)
            and separators[other]
            and abs(separators[other] - separators[index]) <= TABLE_ROW_SEPARATOR_SLACK
            for other in (index - 1, index + 1)
        )

    return [
        line
        for index, line in enumerate(lines)
        if separators[index]
        and not has_row_beside(index)
        and is_free(line, own)
        and is_separated_menu(line.text)
    ]


def separator_count(text: str) -> int:
    """How many separators stand between two words of `text` (0 when none)."""
    return len(SEPARATOR.findall(text)) if has_separator(text) else 0


def has_separator(text: str) -> bool:
    """Whether `text` has a separator between two words."""
    return ("|" in text or "•" in text or "·" in text) and bool(SEPARATOR.search(text))


def is_menu_line(text: str, title_case: bool = False) -> bool:
    """Longer than a headline, nearly every word a label (with `title_case`, English's, a
    label's short words in lower case too), few figures, hardly a comma."""
    if len(text) > MENU_LINE_MAX_CHARS:
        return False
    words = text.split()
    return (
        len(words) >= MENU_LINE_MIN_WORDS
        and "|" not in text
        and len(LIST_PUNCTUATION.findall(text)) <= MENU_LINE_MAX_COMMA_SHARE * len(words)
        and (are_labels(words) or (title_case and are_title_case_labels(text, words)))
        and figure_count(words) <= MENU_LINE_MAX_FIGURE_SHARE * len(words)
    )


def are_title_case_labels(text: str, words: list[str]) -> bool:
    """Labels in English title case ("Council of Economic Advisers Office of Urban Affairs"):
    nearly all words labels or short words in lower case, most of them labels, no sentence's
    end."""
    labels = sum(1 for word in words if LABEL.match(word))
    short = sum(1 for word in words if TITLE_CASE_SHORT_WORD.match(word))
    return (
        labels >= TITLE_CASE_MIN_LABEL_SHARE * len(words)
        and labels + short >= MENU_LINE_MIN_LABEL_SHARE * len(words)
        and not LABEL_END.search(text)
    )


def are_labels(words: list[str]) -> bool:
    """Whether nearly all of `words` (MENU_LINE_MIN_LABEL_SHARE) are labels: capitalised, a
    figure or a sign."""
    return sum(1 for word in words if LABEL.match(word)) >= MENU_LINE_MIN_LABEL_SHARE * len(words)


def is_separated_menu(text: str) -> bool:
    """Short labels between " | ", " • " or " · ", SEPARATED_MENU_MIN_LABELS or more; not a
    table row written with a separator at its ends ("| Team | Played |")."""
    stripped = text.strip()
    if len(text) > MENU_LINE_MAX_CHARS or stripped[:1] == "|" or stripped[-1:] == "|":
        return False
    labels = [label for label in (part.strip() for part in SEPARATOR.split(text)) if label]
    return (
        len(labels) >= SEPARATED_MENU_MIN_LABELS
        and sum(len(label.split()) <= SEPARATED_LABEL_MAX_WORDS for label in labels)
        >= SEPARATED_SHORT_LABEL_SHARE * len(labels)
        and not any(LABEL_END.search(label) for label in labels)
        and sum(1 for label in labels if SEPARATED_LABEL.match(label))
        >= SEPARATED_MIN_LABEL_SHARE * len(labels)
    )


def drop_menu_runs(doc: Document, own: frozenset[int]) -> None:
    """Next to each removed line of furniture, drop the run of menu items around it; a removed
    list item ("- Kategorie: ...") is a field of a data list in the story, not a menu."""
    by_position = {line.position: line for line in doc.lines}
    menu: dict[int, str] = {}  # position: evidence
    seeds = {
        doc.position_of(r): f"beside line {r.line} ({r.rule})"
        for r in doc.removed
        if r.category in MENU_CATEGORIES and not LIST_ITEM.match(r.text)
    }
    for seed in sorted(seeds):
        for step in (1, -1):
            near = seed + step
            while (
                near in by_position
                and is_free(by_position[near], own)
                and (
                    is_menu_item(by_position[near])
                    or is_inner_menu_item(by_position, menu, near, step)
                )
            ):
                menu.setdefault(near, seeds[seed])
                near += step
    found = [(line, menu[line.position]) for line in doc.lines if line.position in menu]
    doc.drop_each(found, RULE_MENU, "navigation")


def drop_leading_menus(doc: Document, own: frozenset[int]) -> None:
    """Drop each run of LEADING_MENU_MIN_ITEMS or more labels among the lines before the
    article's first paragraph: a site's menus. Items of the menu a rule removed already (of
    MENU_CATEGORIES) count in the run, so a menu that rules took in part still goes whole."""
    first = first_paragraph(doc.lines)
    if first is None:
        return
    start = doc.lines[first].position
    positions = (doc.position_of(r) for r in doc.removed if r.category in MENU_CATEGORIES)
    taken: list[tuple[int, Line | None]] = [(at, None) for at in positions if at < start]
    items = sorted(taken + [(line.position, line) for line in doc.lines[:first]], key=itemgetter(0))
    labels = groupby(items, lambda item: item[1] is None or is_leading_free(item[1], own))
    runs = [list(run) for is_label, run in labels if is_label]
    menus = [
        (line, f"one of {len(run)} labels before the first paragraph")
        for run in runs
        if len(run) >= LEADING_MENU_MIN_ITEMS
        for _, line in run
        if line
    ]
    doc.drop_each(menus, RULE_LEADING_MENU, "navigation")


def is_leading_free(line: Line, own: frozenset[int]) -> bool:
    """A label of a leading menu that no rule protects and the article does not own."""
    return is_free(line, own) and is_leading_label(line)


def is_leading_label(line: Line) -> bool:
    """A menu label of up to MENU_INNER_ITEM_MAX_WORDS words, each capitalised or a short
    joining word, with no figure or bracket."""
    return (
        is_menu_item(line, MENU_INNER_ITEM_MAX_WORDS)
        and not NOT_A_LABEL.search(line.text)
        and all(LEADING_LABEL.match(word) for word in line.text.split())
    )


def is_inner_menu_item(
    by_position: dict[int, Line], menu: Collection[int], position: int, step: int
) -> bool:
    """The line at `position`, walked to by `step` from a menu item, is a label of up to
    MENU_INNER_ITEM_MAX_WORDS words with a menu item on its far side too."""
    following = by_position.get(position + step)
    return (
        position - step in menu
        and following is not None
        and is_menu_item(following)
        and is_menu_item(by_position[position], MENU_INNER_ITEM_MAX_WORDS)
    )


def is_menu_item(line: Line, max_words: int = MENU_ITEM_MAX_WORDS) -> bool:
    """A capitalised label of one or two words ("Karriere", "Newsticker"), not a sentence,
    a field label ("Zutaten:") or a cell of figures."""
    text = line.text
    return (
        not line.protected_by
        and word_count(text) <= max_words
        and text[:1].isupper()
        and not SENTENCE_END.search(text)
        and not text.endswith(":")
        and not CJK.search(text)
    )
