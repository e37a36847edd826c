"""HTML -> article text, one paragraph per line: the extractor of cleaner's HTML path.

trafilatura with cleaner's settings (chosen on bench/quality.py, measuring cleaner's output:
leaving readers' comments out keeps as much content, leaves out more noise and extracts
faster; precision mode, `fast` and trafilatura's duplicate filter lose more text than they
remove noise, so cleaner's stages do that job). Its readability and jusText fallbacks stay on
(its default). Alternatives measured and rejected are in docs/evaluation.md ("HTML path").
"""

from typing import Any

# trafilatura.extract's keyword arguments for cleaner (see the module docstring).
TRAFILATURA_SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
    "favor_precision": False,
}
# A fragment wrapped in this is a page trafilatura accepts; see article_text.
PAGE_WRAPPER = "<html><body>{}</body></html>"
# trafilatura's load_html doubts a document without "html" in its first 50 characters.
DOUBTED_HEAD_CHARS = 50


def article_text(html: str, url: str | None) -> str:
    """The article text trafilatura finds in `html` (empty if none).

    trafilatura refuses a document without "html" in its first characters whose parse is one
    top element (its load_html check), and its documentation says to wrap such a fragment
    first. cleaner takes fragments as HTML (decode.looks_like_html), so when such a document
    gives nothing, it is extracted again wrapped as a page (12 of cleaneval's 739 pages;
    figures in docs/evaluation.md)."""
    text = extract_with_trafilatura(html, url)
    if text or "html" in html[:DOUBTED_HEAD_CHARS].lower():
        return text
    return extract_with_trafilatura(PAGE_WRAPPER.format(html), url)


def extract_with_trafilatura(html: str, url: str | None) -> str:
    import trafilatura  # imported here: plain-text users should not pay for lxml's start-up

    return trafilatura.extract(html, url=url, **TRAFILATURA_SETTINGS) or ""
