"""Seeds vs goldens in numbers: lines removed per category, edits per rule, how much of that
the generic rules catch with every outlet file disabled, and time per document.

    python bench/seeds.py [--repeat N]
"""

import argparse
import time
from collections import Counter
from pathlib import Path

from cleaner import Cleaner
from cleaner.ruleset import builtin_rules_dir

ROOT = Path(__file__).resolve().parent.parent


def removals(result) -> set:
    return {(r.line, r.text) for r in result.removed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions per seed")
    args = parser.parse_args()

    full = Cleaner()
    generic_files = sorted(builtin_rules_dir().glob("*.yaml"))
    generic = Cleaner(rules=generic_files, builtin_rules=False)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    categories, rules, edits = Counter(), Counter(), Counter()
    caught = total = fixed = edit_total = 0
    print(f"{'seed':<26}{'outlet':<16}{'removed':>8}{'generic':>9}{'edits':>7}{'ms/doc':>8}")
    for seed in seeds:
        data = seed.read_bytes()
        result, bare = full.clean(data), generic.clean(data)
        golden = (ROOT / "golden" / seed.name).read_text(encoding="utf-8")
        if result.text != golden:
            print(f"{seed.name}: output differs from its golden (run pytest tests/test_golden.py)")
        categories.update(r.category for r in result.removed)
        rules.update(r.rule for r in result.removed)
        content_edits = [e for e in result.edits if not e.rule.startswith("whitespace.")]
        edits.update(e.rule for e in content_edits)
        both = removals(result) & removals(bare)
        bare_fixes = {(e.line, e.before, e.after) for e in bare.edits}
        caught, total = caught + len(both), total + len(result.removed)
        fixed += sum((e.line, e.before, e.after) in bare_fixes for e in content_edits)
        edit_total += len(content_edits)
        start = time.perf_counter()
        for _ in range(args.repeat):
            full.clean(data)
        ms = (time.perf_counter() - start) / args.repeat * 1000
        print(
            f"{seed.stem:<26}{result.outlet!s:<16}{len(result.removed):>8}{len(both):>9}"
            f"{len(content_edits):>7}{ms:>8.1f}"
        )
    print(f"\nlines removed per category: {dict(sorted(categories.items()))}")
    print(f"lines removed per rule:     {dict(sorted(rules.items()))}")
    print(f"edits per rule (white space not counted): {dict(sorted(edits.items()))}")
    print(
        f"generic rules alone (outlet files disabled): {caught}/{total} removed lines, "
        f"{fixed}/{edit_total} edits"
    )


if __name__ == "__main__":
    main()
