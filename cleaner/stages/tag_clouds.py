"""Tag clouds, for the sections stage: a blog's tags or categories printed as one line.

- heuristic.tag-cloud: a long line of words with no sentence or list punctuation and almost
  none of the most frequent words of the document's language ("android apple asterisk at&t
  blackberry cell phone cisco dell digium e911 fcc google ..."). Prose is ~40-50% such words
  (line_features.COMMON_WORDS), a headline is shorter, a list of names has commas, and a
  table printed as text has figures or rules of dashes.

A cloud goes as boilerplate, not as tags: sidebars put it anywhere on a page, so unlike a
tag line under the story it marks no end of the article and sets off no other heuristic
(counted as furniture, it cost two `without` snippets of a trafilatura-eval held-out page
and gained nothing on dragnet). The HTML path gets none: its extractor leaves link lists
out, and it writes a table's row as its cells between spaces (extract.tables_as_lines).
"""

import regex

from ..document import Document
from ..line_features import common_words
from .prose import is_free

RULE_TAG_CLOUD = "heuristic.tag-cloud"
# A cloud has more words than a headline (sections.HEADLINE_MAX_WORDS, 20)...
TAG_CLOUD_MIN_WORDS = 20
# ... fewer of the language's common words than this share (prose: 0.4-0.5; on the full-page
# text of the four data sets, lines so made held 8,600 tokens outside the gold and one line
# of 25 tokens inside it, a table with rules of dashes, which NOT_A_CLOUD leaves alone)...
TAG_CLOUD_MAX_COMMON_SHARE = 0.08
# ... and fewer digits than this share of its characters (a table's rows have more).
TAG_CLOUD_MAX_DIGIT_SHARE = 0.1
# A sentence's or list's punctuation (not the dot of "Web 2.0"), in any script; brackets; a
# table's rule; the signs of code, paths and settings ("set-option -g mouse on", "|-- bin/").
NOT_A_CLOUD = regex.compile(r"[.,;:!?](?:\s|$)|[。，、；：！？।؟،()\[\]{}<>=#/\\|]|--")
# Longer lines are paragraphs, never clouds, and their words are never listed.
TAG_CLOUD_MAX_CHARS = 10_000


def drop_tag_clouds(doc: Document, own: frozenset[int]) -> None:
    """Drop the lines that are a whole tag cloud, in text that is not the HTML path's and in
    a language with a list of common words."""
    if doc.extracted:
        return
    common = common_words(doc.lang)
    if common is None:
        return
    found = [line for line in doc.lines if is_free(line, own) and is_tag_cloud(line.text, common)]
    if found:
        doc.drop(found, RULE_TAG_CLOUD, "boilerplate")


def is_tag_cloud(text: str, common: frozenset[str]) -> bool:
    """Many words, no punctuation of a sentence, list or table, few figures, and under
    TAG_CLOUD_MAX_COMMON_SHARE of the words among `common`."""
    if len(text) > TAG_CLOUD_MAX_CHARS or NOT_A_CLOUD.search(text):
        return False
    words = text.split()
    return (
        len(words) >= TAG_CLOUD_MIN_WORDS
        and sum(char.isdigit() for char in text) <= TAG_CLOUD_MAX_DIGIT_SHARE * len(text)
        and sum(word.casefold() in common for word in words)
        < TAG_CLOUD_MAX_COMMON_SHARE * len(words)
    )
