"""How long `cleaner rules try` takes on 1,000 documents: the outlets set's full-page texts
(207 pages, repeated under new ids), each with a URL on its outlet's domain, and two rule
files a rule author might try: one outlet's (touching a fifth of the corpus) and a generic
one (touching most of it). Prints wall and CPU seconds; asserts nothing.

    python bench/rules_try_speed.py [--data DIR] [--docs 1000] [--jobs 2]
"""

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402

OUTLET_FILE = """outlet: arstechnica
domains: [arstechnica.com]
rules:
  - id: recent-news
    category: related
    drop: '^Recent (?:News|Journal Posts):$'
    examples: {drop: ["Recent News:"]}
"""
GENERIC_FILE = """rules:
  - id: capture-block
    category: boilerplate
    drop_block: {start: '^\\d+ captures?$', end: '^About this capture$', max_lines: 4}
    examples: {drop: ["2 captures\\n09 Apr 2005 - 09 Apr 2005\\nAbout this capture"]}
"""


def write_corpus(path: Path, docs: int, data: Path | None) -> None:
    pages = corpora.load("outlets", data)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(docs):
            page = pages[n % len(pages)]
            text = corpora.page_input(page, "fullpage")
            row = {"id": f"{page.id}#{n}", "text": text, "url": page.url, "truth": page.truth}
            out.write(json.dumps(row) + "\n")


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - started, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        corpus = root / "corpus.jsonl.gz"
        write_corpus(corpus, options.docs, options.data)
        for name, text in (("outlet", OUTLET_FILE), ("generic", GENERIC_FILE)):
            (root / name).mkdir()
            (root / name / f"{name}.yaml").write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "cleaner", "rules", "try"]
        common = [str(corpus), "--cache", str(root / "cache"), "--jobs", str(options.jobs)]
        print(f"{options.docs} documents, --jobs {options.jobs}")
        for name, label in (
            ("outlet", "base run made"),
            ("outlet", "cached"),
            ("generic", "cached"),
        ):
            wall, cpu = timed([*command, str(root / name), *common])
            print(f"  {name} rule file, {label}: {wall:.1f} s wall, {cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
