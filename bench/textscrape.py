"""A careless plain-text scrape of an HTML page: what a quick scraper hands to cleaner.

The converter finds the article (the deepest element holding most of the page's prose),
widens it to the region around it (ANCESTOR_LEVELS ancestors up, never the whole <body>),
and writes the text of every block inside that region -- paragraphs, headings,
captions, list items, quotes, table cells, and the share, newsletter and related-story
blocks that sit beside the article -- one block a line, inline white space collapsed.
Scripts, styles, drop-down options and comments are skipped; nothing else is filtered:
removing the noise is cleaner's job.
"""

import regex
from lxml import html as lxml_html

# The article is the deepest element holding this share of the page's prose: high enough
# to skip sidebars, low enough that a body split into several containers stays whole.
ARTICLE_SHARE = 0.6
# Text runs shorter than this (characters) are menus and labels, not prose.
PROSE_MIN_CHARS = 30
# How far up from the article the region reaches: two levels take in the headline, byline,
# captions, share bar and related list that most templates put beside the body.
ANCESTOR_LEVELS = 2
# Elements whose text is never part of a page's readable text.
SKIPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "select",
    "option",
    "iframe",
    "object",
)
# Elements that start a new line: the block-level elements of HTML, plus <br>.
BLOCKS = frozenset(
    """address article aside blockquote br caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre
    section summary table tbody td tfoot th thead tr ul""".split()
)
SPACE = regex.compile(r"\s+")
# Characters lxml refuses in a tree's text (NUL and the C0 controls but tab and line breaks):
# a scraper meets them in real pages and goes on without them.
XML_INCOMPATIBLE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def scrape(page: str) -> str:
    """The block-level text of the region around the article, one block a line."""
    try:
        root = lxml_html.document_fromstring(
            XML_INCOMPATIBLE.sub("", page).encode("utf-8"),
            parser=lxml_html.HTMLParser(encoding="utf-8"),
        )
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for element in list(root.iter(*SKIPPED, lxml_html.etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    region = article_region(root)
    return "".join(line + "\n" for line in block_lines(region))


def article_region(root):
    """The deepest element holding ARTICLE_SHARE of the page's prose, widened by
    ANCESTOR_LEVELS ancestors (never up to <body> itself)."""
    weights = prose_weights(root)
    total = weights.get(root, 0)
    region = root.find("body") if root.find("body") is not None else root
    while True:
        children = [child for child in region if weights.get(child, 0)]
        best = max(children, key=lambda child: weights[child], default=None)
        if best is None or weights[best] < ARTICLE_SHARE * total:
            break
        region = best
    for _ in range(ANCESTOR_LEVELS):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        region = parent
    return region


def prose_weights(root) -> dict:
    """Characters of prose under each element: text runs of PROSE_MIN_CHARS or more that are
    not link text, credited to every enclosing element."""
    weights = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        runs = [(element.text, element), (element.tail, element.getparent())]
        for text, owner in runs:
            size = len((text or "").strip())
            if size < PROSE_MIN_CHARS or owner is None or owner.tag == "a":
                continue
            node = owner
            while node is not None:
                weights[node] = weights.get(node, 0) + size
                node = node.getparent()
    return weights


def block_lines(region) -> list[str]:
    """The text under `region`, broken into lines at block boundaries."""
    parts = [region.text or ""]
    for child in region:
        walk(child, parts)
    text = "".join(parts)
    return [line for line in (SPACE.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def walk(element, parts: list[str]) -> None:
    """Append the element's text to `parts`, with a newline around every block."""
    if not isinstance(element.tag, str):
        parts.append(element.tail or "")
        return
    block = element.tag in BLOCKS
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        walk(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")
