"""The shared evaluation pages, the three inputs each gives cleaner, and other tools' output.

The data sets are not in the repository. Get them from their sources below and put each in
a folder of its own name (`trafilatura-eval/`, `cleaneval/`, `dragnet/`, `outlets/`) under one
directory; name that directory with a benchmark's --data or the environment variable
CLEANER_BENCH_DATA. The pages belong to their publishers and serve evaluation only.
- trafilatura-eval: the public evaluation set of the trafilatura project (Apache-2.0), 949
  pages: `annotations.json` (per URL: `file`, snippets `with` / `without`) and `html/*.html.gz`.
- cleaneval: the CleanEval 2007 shared task (59 dev + 680 final pages, annotators' clean text),
  from the merged mirror `j-szulc/html-cleaning-dataset-merged` (`cleaneval-dev`, `-final`).
- dragnet: the Dragnet news and blog set, 1,381 pages: gold text from `seomoz/dragnet_data`
  (`Corrected`), HTML from the same merged mirror; scored against `truth_article` (the
  article without readers' comments), cut at the comments marker where its spelling
  defeated the split (25 pages; article_truth).
- outlets: the "Big9" set of `MSVCode/ir-research-data` (Utomo and Leu), 207 pages of five
  outlets, for work that needs many documents of one outlet.
Each of the last three is one `pages.jsonl.gz`: a JSON object a line with `id`, `html`,
`truth` (dragnet also `truth_article`) and `url` or `site`.

Inputs of one page:
- html: the article text trafilatura extracts, as cleaner's HTML path does (cached on disk,
  keyed by trafilatura's version and cleaner/stages/extract.py and html.py, since extraction costs
  ~30 ms a page);
- scrape: a careless article scrape (textscrape.py);
- fullpage: every visible text block of the page, one a line (html-text's extract_text).
Other tools' output on a page's HTML (tool_output, cached the same way) is in tools.py.
"""

import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
DATA_VARIABLE = "CLEANER_BENCH_DATA"
DEFAULT_DATA = Path(os.environ[DATA_VARIABLE]) if os.environ.get(DATA_VARIABLE) else None
CACHE = HERE / ".cache"
SETS = ("trafilatura-eval", "cleaneval", "dragnet", "outlets")
INPUTS = ("html", "scrape", "fullpage")
# One host in HELD_OUT_BUCKETS goes to trafilatura-eval's held-out split: ~20% of outlets,
# kept out of tuning so that rules fitted on the dev hosts can be checked on unseen ones.
HELD_OUT_BUCKETS = 5


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


def data_dir(given: Path | None = None) -> Path:
    """The folder holding the data sets: `given` (--data), else $CLEANER_BENCH_DATA; a
    missing folder ends the program with one line naming both."""
    folder = given or DEFAULT_DATA
    if folder is None or not folder.is_dir():
        where = f"{folder} is not a folder" if folder else "no data folder given"
        raise SystemExit(
            f"benchmark data: {where}; pass --data DIR or set {DATA_VARIABLE}=DIR "
            f"(the folder holding {', '.join(SETS)}; see bench/corpora.py)"
        )
    return folder


def load(dataset: str, data: Path | None = None) -> list[Page]:
    """Every page of `dataset`, in a fixed order."""
    folder = data_dir(data) / dataset
    if dataset == "trafilatura-eval":
        annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        return [
            Page(
                dataset,
                page["file"],
                url,
                gzip.decompress((folder / "html" / f"{page['file']}.gz").read_bytes()).decode(
                    "utf-8", "replace"
                ),
                with_snippets=tuple(page["with"]),
                without_snippets=tuple(page["without"]),
            )
            for url, page in sorted(annotations.items())
        ]
    with gzip.open(folder / "pages.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return [
        Page(
            dataset,
            record["id"],
            record.get("url") or site_url(record),
            record["html"],
            article_truth(record),
        )
        for record in records
    ]


# The line before dragnet's readers' comments: "!@#$%^&*()  COMMENTS", typed by hand, so 25
# gold files spell it differently ("!@ $%^&*()  COMMENTS", "!@#$%^&*()  CORRECTED", the symbols
# alone, a line ending "\r\n") and their `truth_article` still holds the comments. Every
# spelling keeps the keys "$%^&" typed in a row.
COMMENTS_MARKER = re.compile(
    r"^[!@#$%^&*() \t]*\$%\^&[!@#$%^&*() \t]*[A-Z]*[ \t\r]*$", re.MULTILINE
)


def article_truth(record: dict) -> str | None:
    """A page's gold text; for dragnet the article alone, cut also at a misspelt marker."""
    if "truth_article" not in record:
        return record.get("truth")
    marker = COMMENTS_MARKER.search(record["truth_article"])
    return record["truth_article"][: marker.start()] if marker else record["truth_article"]


def site_url(record: dict) -> str | None:
    """A URL on the outlet's domain for pages of the outlets set, which records only the site."""
    return f"https://www.{record['site']}.com/{record['id']}" if record.get("site") else None


def split_of(url: str) -> str:
    """ "held-out" or "dev": trafilatura-eval's split of a page, by a hash of its host."""
    host = urlsplit(url).hostname or url
    return (
        "held-out"
        if zlib.crc32(host.removeprefix("www.").encode()) % HELD_OUT_BUCKETS == 0
        else "dev"
    )


def page_input(page: Page, kind: str) -> str:
    """The text cleaner gets from `page` as input `kind` (see INPUTS), cached on disk."""
    version = extraction_version() if kind == "html" else "1"
    return cached_text(kind, version, page, lambda: compute_input(page, kind))


@cache
def extraction_version() -> str:
    """trafilatura's version and a digest of cleaner's extraction modules (the extractor and
    the guards around it): the html input changes when any of them does."""
    import trafilatura
    from cleaner.stages import extract, html

    sources = b"".join(Path(module.__file__).read_bytes() for module in (extract, html))
    digest = hashlib.sha1(sources).hexdigest()[:12]
    return f"{trafilatura.__version__}+{digest}"


def cached_text(kind: str, version: str, page: Page, compute: Callable[[], str]) -> str:
    """compute() for `page`, cached under CACHE/kind, keyed by `version`, URL and HTML."""
    key = hashlib.sha1(f"{kind}\0{version}\0{page.url}\0{page.html}".encode("utf-8", "replace"))
    path = CACHE / kind / f"{key.hexdigest()}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8", errors="surrogatepass")
    text = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # parallel workers may race on a page
    temporary.write_text(text, encoding="utf-8", errors="surrogatepass")
    temporary.replace(path)
    return text


def compute_input(page: Page, kind: str) -> str:
    if kind == "html":
        from cleaner import CleanerError
        from cleaner.options import Options
        from cleaner.stages.decode import html_to_text

        try:
            return html_to_text(page.html, page.url, Options().max_html_chars)
        except CleanerError:  # a page cleaner refuses (e.g. an attribute bomb) gives no text
            return ""
    if kind == "scrape":
        from textscrape import scrape

        return scrape(page.html)
    if kind == "fullpage":
        import html_text

        from textscrape import XML_INCOMPATIBLE

        return html_text.extract_text(XML_INCOMPATIBLE.sub("", page.html), guess_layout=True)
    raise ValueError(f"unknown input {kind!r}: one of {', '.join(INPUTS)}")
