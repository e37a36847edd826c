"""Headlines on a page: the shape of a teaser headline, and the article's own headline,
which the page's `<title>` names (for the article span stage)."""

import regex

from ..document import Document
from .duplicates import RULE_EXACT, RULE_TITLE, line_key, title_parts
from .menus import are_labels

# Languages whose teaser headlines are not known by their shape alone: German capitalises its
# nouns, so an article's own short lines far from its prose (list items, labels, subheadings)
# take the same shape (trafilatura-eval's dev hosts' `with` fell 0.44 points with German;
# French, Spanish, Italian, Polish... left it unchanged and took `without` up 0.27 points).
NOUN_CAPITALISING_LANGS = frozenset({"de", "lb"})
# A headline's or a menu label's shape: 1-16 words, the first capitalised, no end mark, and
# its words of 4 letters or more not all in capitals (a heading of a spec sheet). Title case
# is not asked: many outlets write headlines in sentence case ("Why the mayor wants a
# bridge"). One and two words take the menus far from the article ("Contact Us", "Sitemap"):
# both dragnet halves +0.004-0.006 F1 over 3-16 words, for one `with` snippet of
# trafilatura-eval's dev hosts (a lyrics page's "Repeat Chorus").
HEADLINE_WORDS = (1, 16)
HEADLINE_MAX_CHARS = 300  # longer is no headline, and its words are not listed
HEADLINE_LONG_WORD = 4
WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
# A line of labels: at most LABEL_LINE_MAX_WORDS words, nearly all of them capitalised, figures
# or signs (menus.are_labels), and no sentence's punctuation: an all-capitals heading ("NL
# EAST"), an archive entry with its count ("Mar 2008 (3)"), a section menu printed on one line
# ("Travel Health Autos Home & Garden Food").
LABEL_LINE_MAX_WORDS = 30
SENTENCE_PUNCTUATION = regex.compile(r"[,;.!?](?:\s|$)")
# A menu's link marker before a label ("» Burbank"); a list's bullets ("*", "-") are not taken.
LINK_MARKER = regex.compile(r"^[»›•·>]+\s*")


def headlines_have_a_shape(lang: str | None) -> bool:
    """Whether a teaser headline in `lang` is known by is_headline_shaped: in a known language
    that does not capitalise its nouns."""
    return lang is not None and lang not in NOUN_CAPITALISING_LANGS


def is_headline_shaped(text: str) -> bool:
    """A line shaped as a headline or a menu's label: HEADLINE_WORDS words, the first
    capitalised, no end mark, not all in capitals."""
    if len(text) > HEADLINE_MAX_CHARS or not text[:1].isupper():
        return False
    words = WORD.findall(text)
    if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] or text.rstrip()[-1:] in ".:,;":
        return False
    return not all(word.isupper() for word in words if len(word) >= HEADLINE_LONG_WORD)


def is_label_line(text: str) -> bool:
    """A line of labels only (LABEL_LINE_MAX_WORDS): a heading in capitals, an archive entry,
    a menu on one line, a label after its link marker."""
    if len(text) > HEADLINE_MAX_CHARS or SENTENCE_PUNCTUATION.search(text):
        return False
    words = LINK_MARKER.sub("", text).split()
    if not 0 < len(words) <= LABEL_LINE_MAX_WORDS:
        return False
    return are_labels(words)


def headline_keys(doc: Document) -> frozenset[str]:
    """The article's headline, as keys. Full-page text starts with the page's `<title>`: when
    the duplicates stage removed it for naming a later line, that line is the headline; when
    the title is the headline alone, the first line, which a later copy repeats, is."""
    for removal in doc.removed:
        if removal.rule == RULE_TITLE:
            return frozenset(part for part in title_parts(removal.text) if " " in part)
    first = doc.lines[0] if doc.lines and doc.lines[0].position == 0 else None
    key = line_key(first.text) if first is not None else ""
    repeated = any(r.rule == RULE_EXACT and line_key(r.text) == key for r in doc.removed)
    return frozenset({key}) if " " in key and repeated else frozenset()


def title_headline(keys: frozenset[str]) -> str | None:
    """The headline among the title's parts (headline_keys): the longest; the others name the
    site or its section."""
    return max(sorted(keys), key=lambda key: len(key.split()), default=None)
