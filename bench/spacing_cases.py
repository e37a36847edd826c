"""Write tests/data/spacing.jsonl.gz: the benchmark pages of tests/test_spacing.py.

Takes the trafilatura-eval pages (Apache-2.0) whose text makes cleaner's neighbour-reading
heuristics (`heuristic.*`) remove the most lines, half as trafilatura's extraction and half as
the full visible text, each under MAX_CHARS so the test stays fast.

    python bench/spacing_cases.py [--data DIR]
"""

import argparse
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cleaner import Cleaner, CleanerError  # noqa: E402

import corpora  # noqa: E402

OUTPUT = HERE.parent / "tests" / "data" / "spacing.jsonl.gz"
PER_INPUT = 25
MAX_CHARS = 12_000


def heuristic_removals(cleaner: Cleaner, text: str) -> int:
    try:
        result = cleaner.clean(text, fmt="text")
    except CleanerError:
        return 0
    return sum(r.rule.startswith("heuristic.") for r in result.removed)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpora.DEFAULT_DATA)
    args = parser.parse_args(argv)
    cleaner, cases = Cleaner(), []
    pages = corpora.load("trafilatura-eval", args.data)
    for kind in ("html", "fullpage"):
        texts = [(page.id, corpora.page_input(page, kind)) for page in pages]
        texts = [(page_id, text) for page_id, text in texts if len(text) <= MAX_CHARS]
        ranked = sorted(texts, key=lambda item: (-heuristic_removals(cleaner, item[1]), item[0]))
        cases += [{"id": f"{kind}-{page_id}", "text": text} for page_id, text in ranked[:PER_INPUT]]
    OUTPUT.parent.mkdir(exist_ok=True)
    with gzip.open(OUTPUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.writelines(json.dumps(case, ensure_ascii=False) + "\n" for case in cases)
    print(f"{len(cases)} cases written to {OUTPUT}")


if __name__ == "__main__":
    main()
