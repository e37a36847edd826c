"""The shared evaluation pages and the three inputs each gives cleaner.

Data sets (not in the repository; point --data at a folder holding them, by default the
`shared/data` folder beside this checkout):
- trafilatura-eval: `annotations.json` and `html/*.html.gz` (snippets `with` / `without`);
- cleaneval, dragnet, outlets: `pages.jsonl.gz` (HTML with its clean text).
Their READMEs say where each comes from.

Inputs of one page:
- html: the article text trafilatura extracts, as cleaner's HTML path does (cached on disk,
  keyed by trafilatura's version, since extraction costs ~30 ms a page);
- scrape: a careless article scrape (textscrape.py);
- fullpage: every visible text block of the page, one a line (html-text's extract_text).
"""

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
CACHE = HERE / ".cache"
SETS = ("trafilatura-eval", "cleaneval", "dragnet", "outlets")
INPUTS = ("html", "scrape", "fullpage")


@dataclass(frozen=True)
class Page:
    """One evaluation page: its set, id, URL, HTML and gold (truth text or snippets)."""

    dataset: str
    id: str
    url: str | None
    html: str
    truth: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


def load(dataset: str, data: Path = DEFAULT_DATA) -> list[Page]:
    """Every page of `dataset`, in a fixed order."""
    folder = data / dataset
    if dataset == "trafilatura-eval":
        annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        return [Page(dataset, page["file"], url,
                     gzip.decompress((folder / "html" / f"{page['file']}.gz").read_bytes())
                     .decode("utf-8", "replace"),
                     with_snippets=tuple(page["with"]), without_snippets=tuple(page["without"]))
                for url, page in sorted(annotations.items())]
    with gzip.open(folder / "pages.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return [Page(dataset, record["id"], record.get("url") or site_url(record),
                 record["html"], record.get("truth_article", record.get("truth")))
            for record in records]


def site_url(record: dict) -> str | None:
    """A URL on the outlet's domain for pages of the outlets set, which records only the site."""
    return f"https://www.{record['site']}.com/{record['id']}" if record.get("site") else None


def page_input(page: Page, kind: str) -> str:
    """The text cleaner gets from `page` as input `kind` (see INPUTS), cached on disk."""
    import trafilatura

    version = trafilatura.__version__ if kind == "html" else "1"
    key = hashlib.sha1(f"{kind}\0{version}\0{page.url}\0{page.html}".encode("utf-8", "replace"))
    path = CACHE / kind / f"{key.hexdigest()}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8", errors="surrogatepass")
    text = compute_input(page, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8", errors="surrogatepass")
    temporary.replace(path)
    return text


def compute_input(page: Page, kind: str) -> str:
    if kind == "html":
        from cleaner.stages.decode import html_to_text

        return html_to_text(page.html, page.url)
    if kind == "scrape":
        from textscrape import scrape

        return scrape(page.html)
    if kind == "fullpage":
        import html_text
        from textscrape import XML_INCOMPATIBLE

        return html_text.extract_text(XML_INCOMPATIBLE.sub("", page.html), guess_layout=True)
    raise ValueError(f"unknown input {kind!r}: one of {', '.join(INPUTS)}")
