"""Byte-identity check for refactoring: a digest of cleaner's full result (text, language,
outlet, removals, edits) on every page of the shared data sets, in each input, plus the seeds.

    python bench/identity.py --save /tmp/before.json      # on the commit before a change
    python bench/identity.py --compare /tmp/before.json   # after it: lists every page that differs

The HTML input is cleaned the whole way, extraction included (a minute more than the text
inputs on two cores).
"""

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cleaner import Cleaner, CleanerError  # noqa: E402

import corpora  # noqa: E402

SEEDS = HERE.parent / "seeds"


def digest(cleaner: Cleaner, text: str, url: str | None, fmt: str = "text") -> str:
    """sha1 of the result as JSON, or of the error's class and message."""
    try:
        result = json.dumps(cleaner.clean(text, url=url, fmt=fmt).to_dict(), sort_keys=True)
    except CleanerError as error:
        result = f"{type(error).__name__}: {error}"
    return hashlib.sha1(result.encode("utf-8", "surrogatepass")).hexdigest()


def digest_set(job: tuple[str, str, Path]) -> dict[str, str]:
    dataset, kind, data = job
    cleaner = Cleaner()
    return {
        f"{dataset}/{kind}/{page.id}": (
            digest(cleaner, page.html, page.url, "html")
            if kind == "html"
            else digest(cleaner, corpora.page_input(page, kind), page.url)
        )
        for page in corpora.load(dataset, data)
    }


def digest_seeds() -> dict[str, str]:
    cleaner = Cleaner()
    return {
        f"seeds/{path.name}": digest(cleaner, path.read_text(encoding="utf-8"), None)
        for path in sorted(SEEDS.glob("*.txt"))
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path)
    mode.add_argument("--compare", type=Path)
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help=f"the folder holding the data sets (default ${corpora.DATA_VARIABLE})",
    )
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    data = corpora.data_dir(args.data)
    jobs = [(dataset, kind, data) for dataset in corpora.SETS for kind in corpora.INPUTS]
    digests = digest_seeds()
    with ProcessPoolExecutor(args.jobs) as pool:
        for part in pool.map(digest_set, jobs):
            digests.update(part)
    if args.save:
        args.save.write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(digests):,} digests saved to {args.save}")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = sorted(
        key for key in before.keys() | digests.keys() if before.get(key) != digests.get(key)
    )
    for key in changed:
        print("differs:", key)
    print(f"{len(digests):,} results, {len(changed):,} differ")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
