"""Quality benchmark across data sets and inputs: prints markdown tables, asserts nothing.

For each data set (trafilatura-eval, split by a hash of the host into dev and held-out
hosts; cleaneval; dragnet, scored against its article text without readers' comments) and
each input cleaner can get (corpora.py: html, scrape, fullpage) it scores cleaner's output,
and the input as it came, with scoring.py: bag-of-words P, R and F1 (macro mean over pages)
where the set has truth text, the `with`-kept and `without`-absent snippet shares where it
has snippets. For the HTML input, trafilatura alone, readability-lxml and resiliparse are
scored on the same pages (tools.py). It also gives cleaner each set's truth as input and
counts the tokens it removes. Inputs and tools' output are cached (bench/.cache), so a
rerun costs cleaner's time only; the cleaner HTML row runs cleaner's whole HTML path
(extraction, then its stages, which treat extracted text as such), the "extraction alone"
row is the cached extraction.

Pages per second are CPU seconds on one core, measured in the same run on a fixed sample
of each set (--timing-pages, chosen by a hash of the page id), after a warm-up, the median
of --timing-repeats passes with the systems in turn: the HTML rows time the whole way from
HTML (cleaner: extraction and its stages), the text rows cleaner alone on the given text.

    python bench/quality.py --data DIR --jobs 2   # everything: 7.4 CPU-minutes with no cache
    python bench/quality.py --sets cleaneval --inputs fullpage --pages 100
    python bench/quality.py --option line_model=1   # cleaner with an option set
"""

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
import zlib
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cleaner import Cleaner, CleanerError  # noqa: E402
from cleaner.langid.ngrams import word_ngrams  # noqa: E402
from cleaner.stages.glue import clear_memos  # noqa: E402

import corpora  # noqa: E402
import scoring  # noqa: E402
from tools import TOOLS, tool_output  # noqa: E402

DEFAULT_SETS = ("trafilatura-eval", "cleaneval", "dragnet")
# Pages per set in the timing sample: enough for a steady figure, few enough that timing
# the three tools from uncached HTML costs about a minute.
TIMING_PAGES = 200
# Timed passes over each sample, every system once a pass, in turn; a system's figure is the
# median of its passes. One pass moved cleaner's ratio to trafilatura on cleaneval between
# 0.58x and 0.68x on the same code (the machine's load drifts between one system's pass and
# the next); passes in turn meet the same drift.
TIMING_REPEATS = 3
# Pages a worker scores per job: small enough to balance two workers, large enough that
# sending results back costs nothing.
CHUNK_PAGES = 100
# Pages of the sample each system runs on untimed first (imports, lazy set-up), besides the
# pass of cleaner over the whole sample that loads every language's word list.
WARM_UP_PAGES = 20
# Rules listed per set in the gold-as-input table, by tokens of gold text they removed.
TOP_RULES = 4
CLEANER, AS_IS = "cleaner", "input as is"
OPTIONS_VARIABLE = "CLEANER_QUALITY_OPTIONS"


def main(argv=None) -> None:
    args = parse_args(argv)
    os.environ[OPTIONS_VARIABLE] = " ".join(args.option)
    data = corpora.data_dir(args.data)
    pages = {name: corpora.load(name, data)[: args.pages] for name in args.sets}
    jobs = [
        (name, data, start, min(start + CHUNK_PAGES, len(pages[name])), tuple(args.inputs))
        for name in args.sets
        for start in range(0, len(pages[name]), CHUNK_PAGES)
    ]
    scores, gold = defaultdict(list), defaultdict(Counter)
    with ProcessPoolExecutor(args.jobs) as pool:
        for page_scores, page_gold in pool.map(score_chunk, jobs):
            for key, value in page_scores:
                scores[key].append(value)
            for key, counts in page_gold.items():
                gold[key].update(counts)
    speed = pages_per_second(pages, args.inputs, args.timing_pages, args.timing_repeats)
    print_header(args, argv)
    for kind in args.inputs:
        print_quality(kind, scores, speed, pages)
    print_gold(gold)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    listed = lambda choices: lambda text: [check(item, choices) for item in text.split(",")]  # noqa: E731
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help=f"the folder holding the data sets (default ${corpora.DATA_VARIABLE})",
    )
    parser.add_argument(
        "--sets",
        type=listed(corpora.SETS),
        default=list(DEFAULT_SETS),
        help=f"comma-separated data sets (default {','.join(DEFAULT_SETS)})",
    )
    parser.add_argument(
        "--inputs",
        type=listed(corpora.INPUTS),
        default=list(corpora.INPUTS),
        help=f"comma-separated inputs (default {','.join(corpora.INPUTS)})",
    )
    parser.add_argument(
        "--pages", type=int, default=None, help="only the first N pages of each set"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="worker processes for scoring (default 1)"
    )
    parser.add_argument(
        "--timing-pages",
        type=int,
        default=TIMING_PAGES,
        help=f"pages per set timed (default {TIMING_PAGES}; 0: no timing)",
    )
    parser.add_argument(
        "--timing-repeats",
        type=int,
        default=TIMING_REPEATS,
        help=f"timed passes, systems in turn; the median counts (default {TIMING_REPEATS})",
    )
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a cleaner option for every cleaner row (integers; repeatable), e.g. line_model=1",
    )
    return parser.parse_args(argv)


def check(item: str, choices) -> str:
    if item not in choices:
        raise argparse.ArgumentTypeError(f"{item!r} is not one of {', '.join(choices)}")
    return item


@cache
def set_pages(name: str, data: Path) -> list[corpora.Page]:
    return corpora.load(name, data)


@lru_cache(maxsize=1)
def worker_cleaner() -> Cleaner:
    return Cleaner(**cleaner_options())


def cleaner_options() -> dict:
    """The --option settings, passed to workers through the environment."""
    given = os.environ.get(OPTIONS_VARIABLE, "")
    return {name: int(value) for name, value in (item.split("=") for item in given.split() if item)}


def group_of(page: corpora.Page) -> str:
    """The row a page is reported in: its set, and for trafilatura-eval its host split."""
    if page.dataset == "trafilatura-eval":
        return f"{page.dataset} {corpora.split_of(page.url)}"
    return page.dataset


def score_chunk(job) -> tuple[list, dict]:
    """([((row, input, system), (PRF or None, Snippets)) ...], {row: gold-loss counts}) for
    pages start:stop of one set."""
    name, data, start, stop, kinds = job
    scores, gold = [], defaultdict(Counter)
    for page in set_pages(name, data)[start:stop]:
        row = group_of(page)
        for kind in kinds:
            given = corpora.page_input(page, kind)
            outputs = {AS_IS: given, CLEANER: clean(page, kind, given)}
            if kind == "html":
                outputs.update((tool, tool_output(page, tool)) for tool in TOOLS)
            scores.extend(
                ((row, kind, system), page_score(text, page)) for system, text in outputs.items()
            )
        if page.truth and page.truth.strip():
            gold[row].update(gold_loss(page))
    return scores, dict(gold)


def clean(page: corpora.Page, kind: str, given: str) -> str:
    """cleaner's output for input `kind` of `page`: from the page's HTML for "html" (empty if
    cleaner refuses it), else from the `given` text."""
    if kind != "html":
        return worker_cleaner().clean(given, url=page.url, fmt="text").text
    try:
        return worker_cleaner().clean(page.html, url=page.url, fmt="html").text
    except CleanerError:
        return ""


def page_score(output: str, page: corpora.Page) -> tuple:
    prf = scoring.bag_of_words(output, page.truth) if page.truth is not None else None
    return prf, scoring.snippets(output, page.with_snippets, page.without_snippets)


def gold_loss(page: corpora.Page) -> Counter:
    """Tokens of the page's truth, tokens cleaner removed from it, and per rule the tokens
    of the lines that rule removed."""
    result = worker_cleaner().clean(page.truth, url=page.url, fmt="text")
    lost, total = scoring.gold_loss(page.truth, result.text)
    counts = Counter({"pages": 1, "tokens": total, "lost": lost})
    for removal in result.removed:
        counts[f"rule {removal.rule}"] += len(removal.text.split())
    return counts


def timing_sample(pages: list[corpora.Page], size: int) -> list[corpora.Page]:
    """A fixed sample of `size` pages, by a hash of their id (not the first pages by URL)."""
    return sorted(pages, key=lambda page: zlib.crc32(page.id.encode()))[:size]


def timed_systems(kinds) -> dict:
    """{(input, system): function(page)} for every figure of pages per second."""
    cleaner = Cleaner(**cleaner_options())
    systems = {("html", CLEANER): lambda page: cleaner.clean(page.html, url=page.url, fmt="html")}
    systems.update(
        (
            (kind, CLEANER),
            lambda page, kind=kind: cleaner.clean(
                corpora.page_input(page, kind), url=page.url, fmt="text"
            ),
        )
        for kind in kinds
        if kind != "html"
    )
    systems.update(
        (("html", tool), lambda page, extract=extract: extract(page))
        for tool, (_, extract) in TOOLS.items()
    )
    return {key: system for key, system in systems.items() if key[0] in kinds}


def pages_per_second(pages: dict, kinds, size: int, repeats: int) -> dict:
    """{(set, input, system): pages per CPU second} on each set's timing sample: the median
    of `repeats` passes, the systems in turn in each."""
    if not size:
        return {}
    speed, languages = {}, Cleaner()
    for name, set_pages_ in pages.items():
        sample = timing_sample(set_pages_, size)
        for page in sample:  # word lists load once per language and process, as in a batch run
            languages.clean(corpora.page_input(page, "html"), fmt="text")
        systems = timed_systems(kinds)
        for function in systems.values():
            for page in sample[:WARM_UP_PAGES]:
                run_quietly(function, page)
        spent: dict = defaultdict(list)
        for _ in range(max(repeats, 1)):
            for key, function in systems.items():
                spent[key].append(timed_pass(function, sample))
        for (kind, system), seconds in spent.items():
            speed[name, kind, system] = len(sample) / max(statistics.median(seconds), 1e-9)
    return speed


def timed_pass(function, sample: list[corpora.Page]) -> float:
    """CPU seconds `function` takes over `sample`, its memos cleared first."""
    clear_memos()  # glue and language memos hold verdicts on these very pages
    word_ngrams.cache_clear()
    start = time.process_time()
    for page in sample:
        run_quietly(function, page)
    return time.process_time() - start


def run_quietly(function, page) -> None:
    with contextlib.suppress(Exception):  # a failure costs its time; quality rows score it
        function(page)


def print_header(args, argv) -> None:
    from importlib.metadata import version

    commit = (
        subprocess.run(
            ["git", "-C", str(HERE), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        or "unknown"
    )
    tools = ", ".join(
        f"{distribution} {version(distribution)}" for distribution, _ in TOOLS.values()
    )
    print(f"cleaner at {commit}, {time.strftime('%Y-%m-%d')}; {tools}")
    print(
        f"options: {cleaner_options() or 'defaults'}; command: python bench/quality.py "
        + " ".join(argv if argv is not None else sys.argv[1:])
    )
    print(
        f"pages/s: CPU seconds on one core over a fixed sample of {args.timing_pages} pages per set"
        f" (by a hash of the page id), after a warm-up; the median of {args.timing_repeats}"
        " passes, the systems in turn; HTML rows from the page's HTML."
    )


SYSTEM_LABELS = {
    ("html", AS_IS): "extraction alone (cleaner's trafilatura settings)",
    ("html", CLEANER): "cleaner (HTML path)",
    ("scrape", AS_IS): "scrape as is",
    ("fullpage", AS_IS): "full page as is",
    ("html", "trafilatura"): "trafilatura alone (defaults)",
    ("html", "readability"): "readability-lxml",
    ("html", "resiliparse"): "resiliparse (main content)",
}


def print_quality(kind: str, scores: dict, speed: dict, pages: dict) -> None:
    """One markdown table for input `kind`: a row per data set (and split) and system."""
    print(f"\n### Input: {kind}\n")
    head = ["data set", "system", "pages", "P", "R", "F1", "with kept", "without absent", "pages/s"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    keys = [key for key in scores if key[1] == kind]
    order = list(pages)
    for row, _, system in sorted(
        keys, key=lambda k: (order.index(k[0].split()[0]), k[0], system_rank(k[1], k[2]))
    ):
        page_scores = scores[row, kind, system]
        prf = scoring.macro_mean(prf for prf, _ in page_scores if prf is not None)
        snippets = sum((s for _, s in page_scores), scoring.Snippets())
        rate = speed.get((row.split()[0], kind, system))
        cells = [
            row,
            SYSTEM_LABELS.get((kind, system), system),
            str(len(page_scores)),
            *([f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}"] if prf else ["–"] * 3),
            percent(snippets.with_kept, snippets.with_total),
            percent(snippets.without_absent, snippets.without_total),
            f"{rate:.1f}" if rate else "–",
        ]
        print("| " + " | ".join(cells) + " |")


def system_rank(kind: str, system: str) -> int:
    ranked = [CLEANER, AS_IS, *TOOLS]
    return ranked.index(system) if system in ranked else len(ranked)


def percent(part: int, whole: int) -> str:
    value = scoring.share(part, whole)
    return "–" if value is None else f"{100 * value:.1f}%"


def print_gold(gold: dict) -> None:
    """The gold-as-input table: tokens of each set's truth that cleaner removes."""
    if not gold:
        return
    print("\n### Clean gold text given as input (text path)\n")
    print(
        "| data set | pages | gold tokens | removed | share | largest removers (tokens) |\n"
        "|---|---|---|---|---|---|"
    )
    for row, counts in gold.items():
        rules = sorted(
            (
                (n, key.removeprefix("rule "))
                for key, n in counts.items()
                if key.startswith("rule ")
            ),
            reverse=True,
        )[:TOP_RULES]
        top = ", ".join(f"`{rule}` {n:,}" for n, rule in rules) or "–"
        print(
            f"| {row} | {counts['pages']} | {counts['tokens']:,} | {counts['lost']:,} | "
            f"{percent(counts['lost'], counts['tokens'])} | {top} |"
        )


if __name__ == "__main__":
    main()
