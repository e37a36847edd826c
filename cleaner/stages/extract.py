"""HTML -> article text, one paragraph per line: the extractor of cleaner's HTML path.

trafilatura with cleaner's settings (chosen on bench/quality.py, measuring cleaner's output:
leaving readers' comments out keeps as much content, leaves out more noise and extracts
faster; precision mode, `fast` and trafilatura's duplicate filter lose more text than they
remove noise, so cleaner's stages do that job). Its readability and jusText fallbacks stay on
(its default). Tables are written as text, not as trafilatura's Markdown rows (see
tables_as_lines). Alternatives measured and rejected are in docs/evaluation.md ("HTML path").
"""

import unicodedata
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
# Elements of trafilatura's tree that make a table cell a block of text of its own: such a
# cell is a layout table's column (paragraphs, headings, lists), not one datum of a row.
CELL_BLOCKS = frozenset({"p", "head", "list", "table", "quote", "lb", "code"})


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


def extract_with_trafilatura(
    html, url: str | None, settings: dict[str, Any] = TRAFILATURA_SETTINGS
) -> str:
    """trafilatura's text of `html` (a string or a parsed lxml tree), as trafilatura.extract
    gives it with `settings`, except that tables are written by tables_as_lines."""
    # imported here: plain-text users should not pay for lxml's start-up
    from trafilatura import bare_extraction
    from trafilatura.xml import xmltotxt

    document = bare_extraction(html, url=url, output_format="txt", **settings)
    if document is None or isinstance(document, dict):
        return ""
    tables_as_lines(document.body)
    # trafilatura.extract normalises its text to NFC and strips it the same way
    return unicodedata.normalize("NFC", xmltotxt(document.body, False)).strip()


def tables_as_lines(body) -> None:
    """Rewrite the tables of trafilatura's tree `body` in place: a row of plain cells becomes
    one paragraph, its cells separated by a space; in a row where a cell holds blocks (a
    layout table), each cell becomes a paragraph. trafilatura writes a row as one Markdown
    line, "| a | b |", so a layout table put a whole page on one line with bars between its
    columns: bars that are no text of the page, and a line cleaner's stages cannot split
    (docs/evaluation.md, "HTML path": +0.008 F1 on cleaneval, +0.001 on dragnet)."""
    for row in list(body.iter("row")):
        cells = row.findall("cell")
        if any(child.tag in CELL_BLOCKS for cell in cells for child in cell.iter()):
            for cell in cells:
                cell.tag = "p"
            continue
        for cell in cells:
            cell.tag = "hi"
            if cell.getnext() is not None:
                cell.tail = " " + (cell.tail or "")
        row.tag = "p"
