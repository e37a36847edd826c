"""Speed of cleaner, as ratios measured side by side in one run (prints figures, asserts nothing).

    python bench/speed.py                 # everything, ~4 minutes on 2 cores
    python bench/speed.py --memory-docs 10000

- text path: documents per second on one core (the seeds), and cleaner's time relative to
  ftfy.fix_text alone on the same documents, with language detection split out;
- HTML path: cleaner on the trafilatura-eval pages against trafilatura.extract alone, warm
  (after a first pass, as a long-running worker) and as a new worker (memo caches cleared and
  rule sets compiled afresh before each pass);
- `cleaner batch --jobs 2` against `--jobs 1`, the fastest of three interleaved runs of each;
- peak memory of `cleaner batch` at --memory-docs documents against 1,000.
"""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ftfy
import trafilatura
from cleaner import Cleaner
from cleaner.langid import detect, reference_detect
from cleaner.langid.ngrams import word_ngrams
from cleaner.stages.glue import clear_memos as clear_glue_memos
from cleaner.stages.language import language_sample

import corpora
from texts import article_texts  # bench/texts.py: trafilatura-eval article texts, cached

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# The trafilatura-eval pages under $CLEANER_BENCH_DATA (corpora.py); without them the
# figures that need them are skipped.
EVAL = corpora.DEFAULT_DATA / "trafilatura-eval" if corpora.DEFAULT_DATA else None


def per_doc_seconds(functions: dict, rounds: int = 15, before_each=None) -> dict[str, float]:
    """CPU seconds per document of each name -> (function, docs): the best of `rounds`
    passes. The passes of all functions are interleaved, so a slow spell of the shared
    machine hits them all alike; `before_each` runs before every pass (to clear caches)."""
    for function, docs in functions.values():
        for doc in docs:
            function(doc)  # warm lazy imports and loaded models
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for name, (function, docs) in functions.items():
            if before_each:
                before_each()
            start = time.process_time()
            for doc in docs:
                function(doc)
            best[name] = min(best[name], (time.process_time() - start) / len(docs))
    return best


def clear_memos() -> None:
    """Forget what glue repair and language detection memoised, as a new worker would have."""
    clear_glue_memos()
    word_ngrams.cache_clear()


def text_path() -> None:
    docs = [p.read_text(encoding="utf-8") for p in SEEDS]
    cleaner = Cleaner()
    samples = [language_sample(d.splitlines(), cleaner.options.lang_sample_chars) for d in docs]
    t = per_doc_seconds(
        {
            "ftfy": (ftfy.fix_text, docs),
            "cleaner": (cleaner.clean, docs),
            "hinted": (lambda d: cleaner.clean(d, lang="en"), docs),
            "detect": (detect, samples),
            "langdetect": (reference_detect, samples),
        }
    )
    print(
        f"text path ({len(docs)} seeds, one core): {1 / t['cleaner']:.0f} docs/s; "
        f"cleaner = {t['cleaner'] / t['ftfy']:.1f}x ftfy.fix_text's time (goal <= 3x)"
    )
    print(
        f"  language detection: {t['detect'] / t['ftfy']:.1f}x ftfy (langdetect itself: "
        f"{t['langdetect'] / t['ftfy']:.1f}x); with a language hint (--lang-field) cleaner = "
        f"{t['hinted'] / t['ftfy']:.1f}x ftfy"
    )
    distinct = distinct_articles()
    if distinct:
        t = per_doc_seconds(
            {"ftfy": (ftfy.fix_text, distinct), "cleaner": (cleaner.clean, distinct)},
            rounds=3,
            before_each=clear_memos,
        )
        print(
            f"  {len(distinct)} distinct English articles of 300-1,500 words (trafilatura-eval), "
            f"memo caches cleared before each pass: {1 / t['cleaner']:.0f} docs/s; cleaner = "
            f"{t['cleaner'] / t['ftfy']:.1f}x ftfy"
        )


def distinct_articles() -> list[str]:
    """English article texts of seed-like length, as bench/glue.py extracts them."""
    if EVAL is None or not EVAL.is_dir():
        return []
    texts = article_texts(EVAL, None)
    return [t["text"] for t in texts if t["lang"] == "en" and 300 <= len(t["text"].split()) <= 1500]


def html_path(pages: int) -> None:
    if EVAL is None or not EVAL.is_dir():
        print(f"HTML path: skipped (no trafilatura-eval under ${corpora.DATA_VARIABLE})")
        return
    annotations = json.loads((EVAL / "annotations.json").read_text(encoding="utf-8"))
    items = sorted(annotations.items())[:pages]
    html = [
        (url, gzip.decompress((EVAL / "html" / f"{a['file']}.gz").read_bytes())) for url, a in items
    ]
    warmed = Cleaner()
    current = {"cleaner": warmed}

    def new_worker() -> None:
        """Memos cleared and rule sets compiled afresh (RE2 builds its automata as lines come)."""
        clear_memos()
        current["cleaner"] = Cleaner()

    extract = (lambda p: trafilatura.extract(p[1], url=p[0]), html)
    clean = (lambda p: current["cleaner"].clean(p[1], url=p[0], fmt="html"), html)
    warm = per_doc_seconds({"extract": extract, "cleaner": clean}, rounds=5)
    cold = per_doc_seconds({"extract": extract, "cleaner": clean}, rounds=3, before_each=new_worker)
    print(
        f"HTML path ({len(html)} trafilatura-eval pages, one core): "
        f"cleaner {1 / warm['cleaner']:.1f} pages/s, "
        f"trafilatura.extract alone {1 / warm['extract']:.1f} pages/s: "
        f"{warm['extract'] / warm['cleaner']:.0%} of its speed (goal >= 85%)"
    )
    print(
        "  with memo caches cleared and the rules compiled afresh before each pass, "
        f"as in a new worker: "
        f"{cold['extract'] / cold['cleaner']:.0%} ({1 / cold['cleaner']:.1f} pages/s)"
    )
    costs = stage_costs(warmed, html)
    print(
        "  CPU ms per page by stage (warm): " + ", ".join(f"{name} {ms:.2f}" for name, ms in costs)
    )


class TimedStage:
    """A stage that adds the CPU time of each call to `spent[stage.name]`."""

    def __init__(self, stage, spent: dict):
        self.stage, self.spent = stage, spent
        self.name, self.rule_ids = stage.name, stage.rule_ids

    def __call__(self, doc) -> None:
        start = time.process_time()
        try:
            self.stage(doc)
        finally:
            self.spent[self.name] = self.spent.get(self.name, 0.0) + time.process_time() - start


def stage_costs(cleaner: Cleaner, docs: list, rounds: int = 3) -> list[tuple[str, float]]:
    """CPU milliseconds per document spent in each stage (the wrapper's own cost, ~1 µs a
    call, included); what the stages leave of the whole is decoding, trafilatura and layout."""
    spent: dict[str, float] = {}
    timed = cleaner.wrapped(lambda stage: TimedStage(stage, spent))
    start = time.process_time()
    for _ in range(rounds):
        for url, page in docs:
            timed.clean(page, url=url, fmt="html")
    spent["decode+trafilatura+layout"] = time.process_time() - start - sum(spent.values())
    total = rounds * len(docs)
    return sorted(
        ((name, seconds * 1000 / total) for name, seconds in spent.items()),
        key=lambda item: -item[1],
    )


def write_corpus(path: Path, n: int, short: bool) -> Path:
    """n JSONL records: the seeds over and over (short: their first paragraph only)."""
    docs = [p.read_text(encoding="utf-8") for p in SEEDS]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = docs[i % len(docs)]
            text = text.split("\n", 1)[0] if short else text
            out.write(json.dumps({"id": f"doc-{i}", "text": f"{text}\nDocument {i}.\n"}) + "\n")
    return path


# Runs a command and prints the peak RSS (KiB) of the largest process in its tree and the CPU
# seconds of the whole tree: a fresh wrapper per run, as RUSAGE_CHILDREN only ever grows.
RUSAGE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stderr=subprocess.DEVNULL); r = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(r.ru_maxrss, r.ru_utime + r.ru_stime)"
)


def batch(source: Path, out: Path, jobs: int) -> tuple[dict, int, float]:
    """Run `cleaner batch`: its summary, peak RSS (KiB) of its largest process, CPU seconds."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            RUSAGE,
            sys.executable,
            "-m",
            "cleaner",
            "batch",
            str(source),
            "-o",
            str(out),
            "--jobs",
            str(jobs),
            "--summary",
            str(out) + ".json",
        ],
        check=True,
        capture_output=True,
    )
    peak, cpu = done.stdout.split()
    return json.loads(Path(str(out) + ".json").read_text()), int(peak), float(cpu)


def jobs_speedup(tmp: Path, docs: int, runs: int) -> None:
    """Wall-clock speed-up of the fastest of `runs` interleaved runs of each, as timeit takes
    the fastest of its repeats: other work on a shared machine only ever slows a run. The
    CPU time per document each run spent shows what parallelism itself costs."""
    source = write_corpus(tmp / "jobs.jsonl", docs, short=False)
    rates, cpu = {1: [], 2: []}, {1: [], 2: []}
    for _ in range(runs):
        for jobs in rates:
            summary, _, seconds = batch(source, tmp / f"jobs{jobs}.jsonl", jobs)
            rates[jobs].append(summary["docs_per_second"])
            cpu[jobs].append(seconds / docs * 1000)
    one, two = max(rates[1]), max(rates[2])
    print(
        f"cleaner batch on {docs} seed-sized docs, fastest of {runs} runs: --jobs 1 {one} docs/s, "
        f"--jobs 2 {two} docs/s: {two / one:.2f}x (goal >= 1.8x)"
    )
    print(
        f"  every run: --jobs 1 {', '.join(map(str, rates[1]))} docs/s; --jobs 2 "
        f"{', '.join(map(str, rates[2]))} docs/s"
    )
    print(
        f"  CPU time per document (all processes, start-up included), median: --jobs 1 "
        f"{statistics.median(cpu[1]):.1f} ms, --jobs 2 {statistics.median(cpu[2]):.1f} ms"
    )


def memory(tmp: Path, docs: int) -> None:
    _, small, _ = batch(write_corpus(tmp / "small.jsonl", 1_000, short=True), tmp / "s.jsonl", 2)
    summary, big, _ = batch(write_corpus(tmp / "big.jsonl", docs, short=True), tmp / "b.jsonl", 2)
    print(
        f"peak memory of the largest process, --jobs 2, short docs: 1,000 docs "
        f"{small / 1024:.0f} MiB, {docs:,} docs {big / 1024:.0f} MiB: {big / small:.2f}x "
        f"(goal <= 1.2x; {summary['docs_per_second']} docs/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="HTML pages (default 120)")
    # 1,000 documents: the worker pool's start-up and shut-down weigh little against the work.
    parser.add_argument(
        "--jobs-docs", type=int, default=1_000, help="docs for the --jobs ratio (default 1,000)"
    )
    parser.add_argument(
        "--jobs-runs",
        type=int,
        default=3,
        help="runs of each --jobs setting, interleaved (default 3)",
    )
    parser.add_argument(
        "--memory-docs", type=int, default=100_000, help="docs for the memory run (default 100,000)"
    )
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores; load average {load()} at the start (other work on the "
        "machine slows every figure, the --jobs ratio most)"
    )
    text_path()
    html_path(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        jobs_speedup(Path(tmp), args.jobs_docs, args.jobs_runs)
        memory(Path(tmp), args.memory_docs)
    print(f"load average {load()} at the end")


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
