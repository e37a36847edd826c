"""Candidate HTML paths for cleaner, each scored as cleaner's full output (the extraction, then
cleaner's stages on its text): prints a markdown table, asserts nothing.

Candidates (extractions cached per page in bench/.cache like corpora's inputs):
- today: trafilatura with cleaner's settings (corpora's `html` input);
- recall: the same with favor_recall=True;
- fast: the same with fast=True (no readability/justext fallback inside trafilatura);
- readability, resiliparse: tools.py's extractions;
- span: resiliparse's lines from the first to the last line trafilatura also kept, with
  trafilatura's own lines that resiliparse lacks (fills what trafilatura dropped inside the
  article: headings, lists, tables);
- choose-<tool>: per page, the other tool's text when trafilatura's is under a share of its
  length (the share tuned out-of-fold: fit on two sets, scored on the third).

    python bench/htmlpath.py --jobs 2 > /tmp/htmlpath.md
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cleaner import Cleaner  # noqa: E402
from cleaner.stages.extract import TRAFILATURA_SETTINGS, extract_with_trafilatura  # noqa: E402

import corpora  # noqa: E402
import scoring  # noqa: E402
from tools import tool_output  # noqa: E402

SETS = ("trafilatura-eval", "cleaneval", "dragnet")
# Candidates to score (all when empty): $HTMLPATH_CANDIDATES, comma-separated.
CANDIDATES = tuple(filter(None, os.environ.get("HTMLPATH_CANDIDATES", "").split(",")))
CHUNK_PAGES = 100
# A shorter line (a menu item) is found in almost any text: it cannot anchor the span.
ANCHOR_MIN_WORDS = 4
# Shares q tried for the per-page choice (trafilatura's text under q times the other's length).
RATIOS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
CHOICES = ("resiliparse", "readability", "recall")


def trafilatura_with(page, **changes) -> str:
    """cleaner's extraction (tables as lines) with some of its trafilatura settings changed."""
    return extract_with_trafilatura(page.html, page.url, {**TRAFILATURA_SETTINGS, **changes})


def extractions(page) -> dict[str, str]:
    version = corpora.extraction_version()
    found = {
        "today": corpora.page_input(page, "html"),
        "recall": corpora.cached_text(
            "cand-recall", version, page, lambda: trafilatura_with(page, favor_recall=True)
        ),
        "fast": corpora.cached_text(
            "cand-fast", version, page, lambda: trafilatura_with(page, fast=True)
        ),
        "readability": tool_output(page, "readability"),
        "resiliparse": tool_output(page, "resiliparse"),
    }
    found["span"] = span(found["today"], found["resiliparse"])
    return found


def key(line: str) -> str:
    """A line as lines are matched: lower-cased words, table bars (trafilatura's) left out."""
    return " ".join(word for word in line.split() if word != "|").lower()


def span(base: str, wide: str) -> str:
    """wide's lines between the first and last that base's text contains, merged with base's
    lines that wide's text lacks (each before the next shared line)."""
    base_lines = [line for line in base.splitlines() if line.strip()]
    wide_lines = [line for line in wide.splitlines() if line.strip()]
    base_text, wide_text = key(base), key(wide)
    shared = [
        i
        for i, line in enumerate(wide_lines)
        if len(line.split()) >= ANCHOR_MIN_WORDS and key(line) in base_text
    ]
    if not shared:
        return base
    inside = wide_lines[shared[0] : shared[-1] + 1]
    missing = [line for line in base_lines if key(line) not in wide_text]
    if not missing:
        return "\n".join(inside)
    # base lines wide lacks: put each before the first inside line that follows it in base
    out, pending = [], []
    position = {key(line): n for n, line in enumerate(base_lines)}
    missing_at = sorted((position[key(line)], line) for line in missing)
    index = 0
    for line in inside:
        at = position.get(key(line))
        while at is not None and index < len(missing_at) and missing_at[index][0] < at:
            pending.append(missing_at[index][1])
            index += 1
        out.extend(pending)
        pending = []
        out.append(line)
    out.extend(line for _, line in missing_at[index:])
    return "\n".join(out)


@cache
def set_pages(name: str, data: Path):
    return corpora.load(name, data)


@lru_cache(maxsize=1)
def worker_cleaner() -> Cleaner:
    """cleaner's stages as its HTML path runs them: no comment thread is looked for in text an
    extractor chose."""
    return Cleaner(comment_threads=False)


def score_chunk(job):
    """[(set, row, page id, {candidate: (f1 or None, with kept, with total, without absent,
    without total, raw chars)})]."""
    name, data, start, stop = job
    rows = []
    for page in set_pages(name, data)[start:stop]:
        result = {}
        for candidate, text in extractions(page).items():
            if CANDIDATES and candidate not in CANDIDATES:
                continue
            cleaned = worker_cleaner().clean(text, url=page.url, fmt="text").text
            prf = scoring.bag_of_words(cleaned, page.truth) if page.truth is not None else None
            s = scoring.snippets(cleaned, page.with_snippets, page.without_snippets)
            result[candidate] = (
                prf.f1 if prf else None,
                s.with_kept,
                s.with_total,
                s.without_absent,
                s.without_total,
                len(text),
            )
        row = f"{name} {corpora.split_of(page.url)}" if name == "trafilatura-eval" else name
        rows.append((name, row, page.id, result))
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--save", type=Path, default=Path("/tmp/htmlpath-scores.json"))
    args = parser.parse_args(argv)
    data = corpora.data_dir(args.data)
    jobs = [
        (name, data, start, start + CHUNK_PAGES)
        for name in SETS
        for start in range(0, len(set_pages(name, data)), CHUNK_PAGES)
    ]
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = [row for chunk in pool.map(score_chunk, jobs) for row in chunk]
    args.save.write_text(json.dumps(rows))
    report(rows)
    report_choices(rows)


def summary(rows, candidate) -> dict:
    groups = defaultdict(lambda: [[], [0, 0, 0, 0]])
    for _, row, _, result in rows:
        f1, wk, wt, wa, wot, _ = result[candidate]
        if f1 is not None:
            groups[row][0].append(f1)
        for i, value in enumerate((wk, wt, wa, wot)):
            groups[row][1][i] += value
    return {row: (sum(f) / len(f) if f else None, c) for row, (f, c) in groups.items()}


def report(rows) -> None:
    candidates = list(rows[0][3])
    print("| candidate | " + " | ".join(sorted({r[1] for r in rows})) + " |")
    for candidate in candidates:
        cells = []
        for _row, (f1, (wk, wt, wa, wot)) in sorted(summary(rows, candidate).items()):
            cells.append(
                f"{f1:.3f}" if f1 is not None else f"{100 * wk / wt:.1f}% / {100 * wa / wot:.1f}%"
            )
        print(f"| {candidate} | " + " | ".join(cells) + " |")


def chosen(result: dict, other: str, ratio: float) -> tuple:
    today, alternative = result["today"], result[other]
    return alternative if today[5] < ratio * alternative[5] else today


def figure(rows, other: str, ratio: float) -> float:
    """Macro F1 of the per-page choice, or for snippets the mean of the two shares."""
    f1 = [chosen(r[3], other, ratio)[0] for r in rows if r[3]["today"][0] is not None]
    if f1:
        return sum(f1) / len(f1)
    kept, wanted, absent, unwanted = (
        sum(chosen(r[3], other, ratio)[i] for r in rows) for i in range(1, 5)
    )
    return (kept / wanted + absent / unwanted) / 2


def report_choices(rows) -> None:
    """Out-of-fold per-page choice: q fitted on two sets (the sum of their figures), scored
    on the third, against trafilatura alone (q = 0)."""
    print("\n| other | held-out set | q fitted | figure | today |\n|---|---|---|---|---|")
    for other in CHOICES:
        for held in SETS:
            train = {name: [r for r in rows if r[0] == name] for name in SETS if name != held}
            ratio = max(
                RATIOS, key=lambda q: sum(figure(pages, other, q) for pages in train.values())
            )
            test = [r for r in rows if r[0] == held]
            print(
                f"| {other} | {held} | {ratio} | {figure(test, other, ratio):.4f} "
                f"| {figure(test, other, 0):.4f} |"
            )


if __name__ == "__main__":
    main()
