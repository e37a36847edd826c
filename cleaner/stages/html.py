"""Is it HTML, and its article text: the one sniffing function every entry point uses, and
trafilatura guarded against the pages its HTML parser cannot take."""

import io
import re

import regex

from ..errors import InputError
from .extract import article_text, extract_with_trafilatura

# A page: an optional BOM, XML prolog (XHTML) and comments, then a doctype or an opening
# html, head or body tag.
HTML_SNIFF = regex.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body)\b",
    regex.IGNORECASE | regex.DOTALL,
)
# An HTML fragment (no <html>) starts with a tag and closes block elements.
FRAGMENT_START = regex.compile(r"\A\ufeff?\s*<[a-z!]", regex.IGNORECASE)
BLOCK_CLOSE = regex.compile(
    r"</(?:p|div|article|section|li|h[1-6]|blockquote|span|a)>", regex.IGNORECASE
)
FRAGMENT_MIN_CLOSING_TAGS = 2
# libxml2 checks each attribute of a tag against all the others before it: the cost grows with
# the square of their number (10,000 take 0.1 s, 20,000 0.4 s on a quiet machine and several
# seconds on a loaded one) and 10^6 hang it for hours, in C, where no time limit can interrupt
# it. A real tag has a few dozen, but a real page of the benchmark sets has one of 1,310; the
# limit leaves such pages alone. Only tags longer than LONG_TAG_CHARS are counted (a long tag
# is usually one long attribute value, a data: URI, which costs nothing).
MAX_TAG_ATTRIBUTES = 10_000
LONG_TAG_CHARS = 16_384
LONG_TAG = re.compile(rf"<[^<>]{{{LONG_TAG_CHARS},}}")
ATTRIBUTE = re.compile(r"""\s[^\s=/>"']+\s*=""")


# Script and style elements hold no article text and are often most of a page's bytes (its
# state as JSON, inlined CSS): they go before parsing, as a browser delimits them (the element
# ends at the first "</script" followed by a space, "/" or ">"). A comment is passed over whole
# (a "<script" inside it opens nothing), and so is JSON-LD, from which trafilatura takes an
# article whose page holds it in no element (a how-to's steps).
INERT_OPEN = re.compile(r"<(script|style)(?=[\s/>])|<!--", re.IGNORECASE)
INERT_CLOSE = {
    name: re.compile(rf"</{name}(?:[\s/][^>]*)?>", re.IGNORECASE) for name in ("script", "style")
}
COMMENT_CLOSE = re.compile(r"--!?>")
# A script tag's attributes are looked for "ld+json" in this many characters at most.
MAX_SCRIPT_TAG_CHARS = 1_000


def looks_like_html(head: str) -> bool:
    """A page (doctype, <html>, <head>, <body>, after any BOM or XML prolog) or a fragment
    of tagged blocks."""
    return bool(HTML_SNIFF.match(head)) or (
        bool(FRAGMENT_START.match(head))
        and len(BLOCK_CLOSE.findall(head)) >= FRAGMENT_MIN_CLOSING_TAGS
    )


def html_to_text(html: str, url: str | None, max_chars: int) -> str:
    """Article text of an HTML page, one paragraph per line (empty if none found), by the
    extractor of cleaner's HTML path (stages/extract.py), its scripts and styles dropped first;
    InputError if more than `max_chars` characters remain. libxml2 builds no tree deeper than
    256 elements (2,048 with huge_tree) and drops what lies below; a page that extracts
    nothing is parsed again into a tree whose deepest elements are flattened (flat_tree)."""
    html = without_scripts(html, max_chars)
    refuse_attribute_bomb(html)
    text = article_text(html, url)
    if not text and "<" in html:
        text = extract_with_trafilatura(flat_tree(html), url)
    return text


def without_scripts(html: str, max_chars: int) -> str:
    """`html` without its script and style elements (see INERT_OPEN), in one pass; from an
    element or comment never closed on, the rest is kept as it is. InputError as soon as more
    than `max_chars` characters are kept: what is kept is all that is copied."""
    kept, kept_from, start = io.StringIO(), 0, 0
    while (opened := INERT_OPEN.search(html, start)) is not None:
        name = opened[1]
        closer = COMMENT_CLOSE if name is None else INERT_CLOSE[name.lower()]
        closed = closer.search(html, opened.end())
        if closed is None:
            break
        start = closed.end()
        if name is None:  # a comment: passed over, kept
            continue
        tag_end = min(html.find(">", opened.end()), opened.end() + MAX_SCRIPT_TAG_CHARS)
        if "ld+json" not in html[opened.end() : tag_end].lower():
            refuse_long_html(kept.tell() + opened.start() - kept_from, max_chars)
            kept.write(html[kept_from : opened.start()])
            kept_from = start
    refuse_long_html(kept.tell() + len(html) - kept_from, max_chars)
    if not kept_from:
        return html
    kept.write(html[kept_from:])
    return kept.getvalue()


def refuse_long_html(chars: int, max_chars: int) -> None:
    if chars > max_chars:
        raise InputError(
            f"HTML over the {max_chars:,}-character limit (Options.max_html_chars) without its "
            "scripts and styles: parsed, a page takes 20-100 times its size in memory; raise "
            "the limit to clean it"
        )


# Elements below this depth become paragraphs of their parent at this depth: under libxml2's
# own limit, and well above any real page (the deepest of the 3,266 benchmark pages is 43 deep).
MAX_TREE_DEPTH = 200
# Tags that do not break a paragraph where the tree is flattened.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub "
    "sup time tt u var".split()
)


class FlatteningTarget:
    """An lxml parser target that builds the page's tree up to MAX_TREE_DEPTH and, below it,
    one paragraph per run of text between block tags (libxml2's parser events go to any depth,
    only its tree builder stops)."""

    def __init__(self) -> None:
        from lxml import etree
        from lxml import html as lxml_html

        self.builder = etree.TreeBuilder(parser=lxml_html.HTMLParser())
        self.depth = 0
        self.in_flat_paragraph = False

    def start(self, tag: str, attrib) -> None:
        self.depth += 1
        if self.depth <= MAX_TREE_DEPTH:
            self.builder.start(tag, dict(attrib))
        elif tag not in INLINE_TAGS:
            self.end_flat_paragraph()

    def end(self, tag: str) -> None:
        if self.depth <= MAX_TREE_DEPTH:
            self.end_flat_paragraph()
            self.builder.end(tag)
        elif tag not in INLINE_TAGS:
            self.end_flat_paragraph()
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.depth > MAX_TREE_DEPTH and not self.in_flat_paragraph:
            self.builder.start("p", {})
            self.in_flat_paragraph = True
        self.builder.data(text)

    def end_flat_paragraph(self) -> None:
        if self.in_flat_paragraph:
            self.builder.end("p")
            self.in_flat_paragraph = False

    def close(self):
        self.end_flat_paragraph()
        return self.builder.close()


def flat_tree(html: str):
    """The page's tree with elements below MAX_TREE_DEPTH flattened (FlatteningTarget), or
    the html itself if lxml cannot parse it."""
    from lxml import etree

    try:
        return etree.fromstring(html, etree.HTMLParser(target=FlatteningTarget()))
    except (etree.LxmlError, ValueError):
        return html


def may_hold_long_tag(html: str) -> bool:
    """False if every stretch of LONG_TAG_CHARS holds a ">", proven by finding one in each
    aligned block of half that length (a run as long covers one whole block). ~10 µs for a
    100 KB page, against ~0.7 ms for the regular expression."""
    step = LONG_TAG_CHARS // 2
    return any(html.find(">", at, at + step) < 0 for at in range(0, len(html) - step + 1, step))


def refuse_attribute_bomb(html: str) -> None:
    """InputError for a tag with more than MAX_TAG_ATTRIBUTES attributes."""
    if not may_hold_long_tag(html):
        return
    for tag in LONG_TAG.finditer(html):
        if tag[0].count("=") <= MAX_TAG_ATTRIBUTES:
            continue
        count = len(ATTRIBUTE.findall(tag[0]))
        if count > MAX_TAG_ATTRIBUTES:
            raise InputError(
                f"a tag with {count:,} attributes (over {MAX_TAG_ATTRIBUTES:,}): "
                "the HTML parser would take hours over it"
            )
