"""Is it HTML, and its article text: the one sniffing function every entry point uses, and
trafilatura guarded against the pages its HTML parser cannot take."""

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


def looks_like_html(head: str) -> bool:
    """A page (doctype, <html>, <head>, <body>, after any BOM or XML prolog) or a fragment
    of tagged blocks."""
    return bool(HTML_SNIFF.match(head)) or (
        bool(FRAGMENT_START.match(head))
        and len(BLOCK_CLOSE.findall(head)) >= FRAGMENT_MIN_CLOSING_TAGS
    )


def html_to_text(html: str, url: str | None) -> str:
    """Article text of an HTML page, one paragraph per line (empty if none found), by the
    extractor of cleaner's HTML path (stages/extract.py). A page nested deeper than libxml2's
    default limit (256 elements) extracts nothing; it is parsed again without that limit."""
    refuse_attribute_bomb(html)
    text = article_text(html, url)
    if not text and "<" in html:
        text = extract_with_trafilatura(deep_tree(html), url)
    return text


def deep_tree(html: str):
    """The page parsed by lxml without its depth limit (huge_tree), or the html if unparsable."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
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
