"""Quality benchmark on the trafilatura-eval pages: prints tables, asserts nothing.

HTML path: trafilatura.extract(html, url=url) with its defaults vs cleaner on the same HTML.
Text path: a careless plain-text scrape of each page (bench/textscrape.py) vs cleaner on it.
Each page's `with` snippets should be in the output and its `without` snippets absent
(after collapsing white space, ignoring invisible characters such as soft hyphens, and
spelling out Latin ligatures).
Pages are split by a hash of their host into dev (4 in 5) and held-out (1 in 5) so rules
tuned on dev can be checked on outlets they never saw. A page's
language is langdetect's verdict on trafilatura's text. Pages per second leave out one-time
costs: trafilatura and cleaner are warmed up, and each language's word list is loaded before
its first page is timed (0.1-0.4 s once per process, which a batch run amortises).

    python bench/quality.py --pages 200          # quick look at the first 200 dev pages
    python bench/quality.py --split held-out     # the outlets kept out of tuning
    python bench/quality.py --misses 20 --lang de  # what still goes wrong, page by page
"""

import argparse
import gzip
import json
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import regex
from ftfy.chardata import LIGATURES as ftfy_ligatures

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from textscrape import scrape  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.stages.decode import decode_bytes  # noqa: E402
from cleaner.stages.language import detect, language_sample  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "trafilatura-eval"
CACHE = HERE / ".cache"
# One host in HELD_OUT_BUCKETS goes to the held-out split: ~20% of outlets.
HELD_OUT_BUCKETS = 5
# Languages with fewer dev pages than this are pooled as "other" in the tables.
MIN_LANG_PAGES = 15
SPACE = regex.compile(r"\s+")
# Soft hyphens and zero-width characters are invisible: a snippet matches with or without them.
INVISIBLE = regex.compile(r"[\u00ad\u200b\u2060\ufeff]")
# A Latin ligature ("ﬂ") is one way to write its letters, which cleaner's encoding repair
# (ftfy) spells out: both sides are compared spelled out.
LIGATURES = str.maketrans(ftfy_ligatures)
WARM_UP = {"en": "The council met on Monday and agreed to build a new school next year. " * 3,
           "de": "Der Rat hat sich am Montag getroffen und will im nächsten Jahr eine Schule bauen. " * 3}


@dataclass
class Score:
    """Snippet counts and seconds for one system on a set of pages."""

    pages: int = 0
    with_total: int = 0
    with_kept: int = 0
    without_total: int = 0
    without_absent: int = 0
    seconds: float = 0.0

    def add(self, text: str, page: dict, seconds: float | None) -> None:
        text = normalize(text)
        self.pages += 1
        self.with_total += len(page["with"])
        self.with_kept += sum(normalize(s) in text for s in page["with"])
        self.without_total += len(page["without"])
        self.without_absent += sum(normalize(s) not in text for s in page["without"])
        self.seconds += seconds or 0.0

    def cells(self) -> list[str]:
        speed = f"{self.pages / self.seconds:.1f}" if self.seconds else "-"
        return [percent(self.with_kept, self.with_total),
                percent(self.without_absent, self.without_total), speed]


@dataclass
class Table:
    """Scores of a baseline and cleaner, overall and per language."""

    title: str
    baseline: str
    scores: dict = field(default_factory=lambda: defaultdict(lambda: (Score(), Score())))

    def add(self, lang: str, base: tuple, ours: tuple, page: dict) -> None:
        for key in ("all", lang):
            self.scores[key][0].add(base[0], page, base[1])
            self.scores[key][1].add(ours[0], page, ours[1])

    def print(self) -> None:
        print(f"\n{self.title}")
        head = ["lang", "pages", f"{self.baseline}: with", "without", "pages/s",
                "cleaner: with", "without", "pages/s"]
        rows = [[lang, str(base.pages), *base.cells(), *ours.cells()]
                for lang, (base, ours) in sorted(self.scores.items(),
                                                 key=lambda kv: (kv[0] != "all", kv[0] == "other",
                                                                 -kv[1][0].pages))]
        widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
        for row in [head] + rows:
            print("  ".join(cell.rjust(w) if i else cell.ljust(w)
                            for i, (cell, w) in enumerate(zip(row, widths))))


def normalize(text: str) -> str:
    return SPACE.sub(" ", INVISIBLE.sub("", text.translate(LIGATURES))).strip()


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def split_of(url: str) -> str:
    host = urlsplit(url).hostname or url
    return "held-out" if zlib.crc32(host.removeprefix("www.").encode()) % HELD_OUT_BUCKETS == 0 else "dev"


def load_pages(data: Path, split: str) -> list[tuple[str, dict]]:
    annotations = json.loads((data / "annotations.json").read_text(encoding="utf-8"))
    chosen = [(url, page) for url, page in annotations.items()
              if split == "all" or split_of(url) == split]
    return sorted(chosen, key=lambda item: zlib.crc32(item[0].encode()))  # --pages N: a fair sample


def read_page(data: Path, page: dict) -> str:
    with gzip.open(data / "html" / f"{page['file']}.gz", "rb") as handle:
        raw = handle.read()
    return decode_bytes(raw.replace(b"\x00", b""))  # a few saved pages carry stray NULs


def trafilatura_cache(data: Path) -> dict:
    import trafilatura

    path = CACHE / f"trafilatura-{trafilatura.__version__}-defaults.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_cache(data: Path, cache: dict) -> None:
    import trafilatura

    CACHE.mkdir(exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    path = CACHE / f"trafilatura-{trafilatura.__version__}-defaults.json"
    path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")


def baseline_html(html: str, url: str, cache: dict, reuse: bool) -> tuple[str, float | None]:
    """trafilatura alone, timed (or from the cache when `reuse`)."""
    import trafilatura

    if reuse and url in cache:
        return cache[url], None
    start = time.perf_counter()
    text = trafilatura.extract(html, url=url) or ""
    seconds = time.perf_counter() - start
    cache[url] = text
    return text, seconds


def timed(function, *args, errors: list, **kwargs) -> tuple[str, float]:
    """The function's text and seconds; a crash counts as an empty output and is listed."""
    start = time.perf_counter()
    try:
        text = function(*args, **kwargs).text
    except Exception as err:  # noqa: BLE001 -- a benchmark reports crashes, it does not stop
        errors.append(f"{kwargs.get('url')}: {type(err).__name__}: {err}")
        text = ""
    return text, time.perf_counter() - start


def warmed_up(cleaner: Cleaner) -> Cleaner:
    """Load trafilatura, langdetect's profiles and the word lists before anything is timed."""
    import trafilatura

    for lang in ("en", "de"):
        page = f"<html><body><article><p>{WARM_UP[lang]}</p></article></body></html>"
        trafilatura.extract(page)
        cleaner.clean(page, fmt="html")
        cleaner.clean(WARM_UP[lang], fmt="text")
    return cleaner


def page_language(text: str) -> str:
    sample = language_sample(text.splitlines(), 2_000)
    return (detect(sample) if len(sample) > 40 else None) or "unknown"


def show_misses(url: str, page: dict, text: str, source: str, limit: int) -> int:
    """Print what cleaner got wrong on one page; return how many lines were printed."""
    text = normalize(text)
    lost = [s for s in page["with"] if normalize(s) in normalize(source) and normalize(s) not in text]
    left = [s for s in page["without"] if normalize(s) in text]
    if not (lost or left) or limit <= 0:
        return 0
    print(f"\n{url}")
    for snippet in lost:
        print(f"  LOST {snippet!r}")
    for snippet in left:
        line = next((l for l in source.splitlines() if normalize(snippet) in normalize(l)), "")
        print(f"  LEFT {snippet!r}   line: {line[:160]!r}")
    return 1


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the trafilatura-eval directory (annotations.json, html/)")
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="dev",
                        help="which pages to score (default: dev)")
    parser.add_argument("--pages", type=int, default=None,
                        help="score only the first N pages of the split (by URL)")
    parser.add_argument("--lang", default=None,
                        help="score only pages in these languages, comma-separated (de,en)")
    parser.add_argument("--path", choices=("html", "text", "both"), default="both",
                        help="which input path to score (default: both)")
    parser.add_argument("--cached", action="store_true",
                        help="reuse trafilatura's cached output (bench/.cache/) and skip timing it")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="print the lost and left-over snippets of up to N pages per path")
    args = parser.parse_args(argv)

    pages = load_pages(args.data, args.split)[:args.pages]
    langs = set(args.lang.split(",")) if args.lang else None
    cache = trafilatura_cache(args.data)
    cleaner = warmed_up(Cleaner())
    tables = {"html": Table(f"HTML path ({args.split})", "trafilatura"),
              "text": Table(f"text path ({args.split})", "scrape")}
    budget = {"html": args.misses, "text": args.misses}
    errors = []
    warm_langs = set()
    for url, page in pages:
        html = read_page(args.data, page)
        base = baseline_html(html, url, cache, args.cached)
        lang = page_language(base[0])
        if langs and lang not in langs:
            continue
        if lang not in warm_langs:  # a language's word list loads once per process, untimed
            cleaner.clean("Warm-up.", lang=lang, fmt="text")
            warm_langs.add(lang)
        if args.path in ("html", "both"):
            ours = timed(cleaner.clean, html, url=url, fmt="html", errors=errors)
            tables["html"].add(lang, base, ours, page)
            budget["html"] -= show_misses(url, page, ours[0], base[0], budget["html"])
        if args.path in ("text", "both"):
            raw = scrape(html)
            ours = timed(cleaner.clean, raw, url=url, fmt="text", errors=errors)
            tables["text"].add(lang, (raw, None), ours, page)
            budget["text"] -= show_misses(url, page, ours[0], raw, budget["text"])
    save_cache(args.data, cache)
    pool_small_languages(tables.values())
    for name, table in tables.items():
        if args.path in (name, "both"):
            table.print()
    for error in errors:
        print(f"cleaner failed (scored as empty output): {error}")
    print(f"\ncommand: python bench/quality.py {' '.join(argv if argv is not None else sys.argv[1:])}")


def pool_small_languages(tables) -> None:
    """Merge languages with fewer than MIN_LANG_PAGES pages into "other"."""
    for table in tables:
        for lang in [l for l, (base, _) in table.scores.items()
                     if l != "all" and base.pages < MIN_LANG_PAGES]:
            base, ours = table.scores.pop(lang)
            other = table.scores["other"]
            for mine, theirs in ((other[0], base), (other[1], ours)):
                for name in ("pages", "with_total", "with_kept", "without_total",
                             "without_absent", "seconds"):
                    setattr(mine, name, getattr(mine, name) + getattr(theirs, name))


if __name__ == "__main__":
    main()
