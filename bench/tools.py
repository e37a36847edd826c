"""Other extractors on a page's HTML, as a user would call them, to score cleaner against.

- trafilatura: `trafilatura.extract(html, url=url)` with its defaults;
- readability: readability-lxml's `Document(html).summary()`, its HTML turned to text by
  html-text (one block a line, as the fullpage input);
- resiliparse: `extract_plain_text(tree, main_content=True)`, its main-content extraction.
`tool_output` caches a tool's text per page (keyed by the tool's version) like the inputs.
"""

from importlib.metadata import version

from corpora import Page, cached_text


def trafilatura_alone(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or ""


def readability(page: Page) -> str:
    import html_text
    from readability import Document

    return html_text.extract_text(Document(page.html).summary(), guess_layout=True)


def resiliparse(page: Page) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(page.html), main_content=True)


# name -> (its distribution, for the cache key; the extraction)
TOOLS = {
    "trafilatura": ("trafilatura", trafilatura_alone),
    "readability": ("readability-lxml", readability),
    "resiliparse": ("resiliparse", resiliparse),
}


def tool_output(page: Page, name: str) -> str:
    """What tool `name` extracts from `page`, cached; a crash counts as empty output."""
    distribution, extract = TOOLS[name]
    return cached_text(f"tool-{name}", version(distribution), page, lambda: safely(extract, page))


def safely(extract, page: Page) -> str:
    try:
        return extract(page)
    except Exception:  # noqa: BLE001 -- a tool that fails on a page outputs nothing there
        return ""
