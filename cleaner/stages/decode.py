"""Input bytes or text -> plain text lines; HTML goes through trafilatura first."""

import regex
from charset_normalizer import from_bytes

from ..errors import InputError

HTML_SNIFF = regex.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                           regex.IGNORECASE | regex.DOTALL)
# An HTML fragment (no <html>) starts with a tag and closes block elements.
FRAGMENT_START = regex.compile(r"\A\s*<[a-z!]", regex.IGNORECASE)
BLOCK_CLOSE = regex.compile(r"</(?:p|div|article|section|li|h[1-6]|blockquote|span|a)>", regex.IGNORECASE)
FRAGMENT_MIN_CLOSING_TAGS = 2
# Share of control characters (other than whitespace) above which bytes are not text.
BINARY_CONTROL_SHARE = 0.05
CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")


def to_text(data, fmt: str, url: str | None, max_bytes: int) -> str:
    """Decode `data` (str or bytes) and, for HTML, extract its article text."""
    if fmt not in ("auto", "text", "html"):
        raise InputError(f"unknown format {fmt!r}: use 'text', 'html' or 'auto'")
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        raise InputError(f"input is {size:,} bytes, over the {max_bytes:,}-byte limit "
                         "(Options.max_input_bytes); split it or raise the limit")
    text = decode_bytes(data) if isinstance(data, bytes) else data
    if isinstance(data, str) and "\x00" in text:
        raise InputError("input contains NUL characters: it looks binary, not text")
    if fmt == "html" or (fmt == "auto" and looks_like_html(text[:65536])):
        return html_to_text(text, url)
    return text


def looks_like_html(head: str) -> bool:
    """A page (doctype, <html>, <head>, <body>) or a fragment of tagged blocks."""
    return bool(HTML_SNIFF.match(head)) or (
        bool(FRAGMENT_START.match(head)) and len(BLOCK_CLOSE.findall(head)) >= FRAGMENT_MIN_CLOSING_TAGS)


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM) if valid, else the encoding charset_normalizer finds."""
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("input contains NUL bytes: it looks binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("input is not text in any encoding we can recognise")
    text = str(best)
    if len(CONTROL.findall(text[:65536])) > BINARY_CONTROL_SHARE * min(len(text), 65536):
        raise InputError("input is mostly control characters: it looks binary, not text")
    return text


def html_to_text(html: str, url: str | None) -> str:
    """Article text of an HTML page, one paragraph per line (empty if none found).

    trafilatura's settings were chosen on bench/quality.py, measuring cleaner's output:
    leaving readers' comments out keeps as much content, leaves out more noise and extracts
    faster. Precision mode, `fast` and trafilatura's duplicate filter lose more text than
    they remove noise, so cleaner's own stages do that job after extraction (figures in
    docs/evaluation.md, alternatives in docs/decisions.md)."""
    import trafilatura  # imported here: plain-text users should not pay for lxml's start-up

    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                               deduplicate=False, favor_precision=False) or ""
