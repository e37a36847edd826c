"""Learned boilerplate, measured: per outlet (or domain), cleaner alone against cleaner with
the rules `cleaner learn` suggests from other pages of the same outlet. Prints markdown.

Learning never sees the pages it is scored on: each group's pages are split in two halves
(alternate pages in id order); rules learned from one half clean the other, and the other way
round, so every page is scored once, by rules learned without it (a group of fewer than
MIN_HALVED_PAGES pages: each page by rules learned from all the others). Groups are URL
domains with at least MIN_GROUP_PAGES pages (dragnet records no URLs: it has none). No hand
rules take part.
Input is the full-page text (corpora.py `fullpage`), scores are bag-of-words F1 per page
(scoring.py), macro mean per group. "gold lines lost" counts the lines a learned rule removed
that are lines of the page's gold text (or, from MIN_GOLD_WORDS words, inside it).

    python bench/learning.py --data DIR                       # the outlets set
    python bench/learning.py --data DIR --sets dragnet cleaneval
"""

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cleaner import Cleaner  # noqa: E402
from cleaner.batch.learn import Learner, domain  # noqa: E402
from cleaner.batch.line_counts import MIN_DOCS, MIN_SHARE  # noqa: E402

import corpora  # noqa: E402
import scoring  # noqa: E402

# Groups (URL domains) with fewer pages than this are not scored.
MIN_GROUP_PAGES = 5
# A group too small to halve with MIN_DOCS pages in each half is scored leave-one-out: each
# page cleaned by rules learned from all the others.
MIN_HALVED_PAGES = 2 * MIN_DOCS
# A removed line of this many words or more counts as gold when it lies inside the gold text;
# shorter ones only when they are a whole gold line ("Home" is in many articles' prose).
MIN_GOLD_WORDS = 5
LEARNED = "learned-"


@dataclass(frozen=True)
class GroupScore:
    """One group's figures: pages, plain and learned F1 (macro means), rules learned (sum
    over both halves), gold lines a learned rule removed."""

    group: str
    pages: int
    plain: float
    learned: float
    rules: int
    gold_lost: int
    lost_examples: tuple[str, ...]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="folder holding the data sets")
    parser.add_argument("--sets", nargs="+", default=["outlets"], choices=corpora.SETS[1:])
    args = parser.parse_args(argv)
    plain = Cleaner()
    for dataset in args.sets:
        groups = by_domain(corpora.load(dataset, args.data))
        scores = [score_group(plain, name, pages) for name, pages in sorted(groups.items())]
        print(table(dataset, scores))


def by_domain(pages: list[corpora.Page]) -> dict[str, list[corpora.Page]]:
    """Pages per URL domain, for domains with at least MIN_GROUP_PAGES pages, in id order."""
    groups: dict[str, list[corpora.Page]] = defaultdict(list)
    for page in pages:
        if page.truth is not None and page.url:
            groups[domain(page.url) or "?"].append(page)
    return {
        name: sorted(group, key=lambda p: p.id)
        for name, group in groups.items()
        if len(group) >= MIN_GROUP_PAGES
    }


def score_group(plain: Cleaner, name: str, pages: list[corpora.Page]) -> GroupScore:
    """Plain and learned F1 of one group, each half cleaned by rules learned on the other."""
    texts = {page.id: corpora.page_input(page, "fullpage") for page in pages}
    plain_f1, learned_f1, rules, lost = [], [], 0, []
    for train, test in folds(pages):
        with tempfile.TemporaryDirectory() as folder:
            rules += learn_rules(plain, train, test, texts, Path(folder))
            learned = Cleaner(rules=[folder])
            for page in test:
                before = plain.clean(texts[page.id], url=page.url).text
                after = learned.clean(texts[page.id], url=page.url)
                plain_f1.append(scoring.bag_of_words(before, page.truth or "").f1)
                learned_f1.append(scoring.bag_of_words(after.text, page.truth or "").f1)
                lost += gold_removed(after, page.truth or "")
    return GroupScore(
        name, len(pages), mean(plain_f1), mean(learned_f1), rules, len(lost), tuple(lost[:3])
    )


def folds(pages: list[corpora.Page]) -> list[tuple[list[corpora.Page], list[corpora.Page]]]:
    """(learn from, score) pairs: the two halves (alternate pages), or leave-one-out."""
    if len(pages) < MIN_HALVED_PAGES:
        return [(pages[:i] + pages[i + 1 :], [page]) for i, page in enumerate(pages)]
    halves = (pages[0::2], pages[1::2])
    return [halves, halves[::-1]]


def learn_rules(plain: Cleaner, pages, held_out, texts: dict[str, str], folder: Path) -> int:
    """Learn from `pages` cleaned plainly, as `cleaner learn --by domain` does, noting the
    headlines of the `held_out` pages it will clean as learning from the whole corpus would;
    the number of rules written."""
    learner = Learner("domain")
    for page in pages:
        result = plain.clean(texts[page.id], url=page.url)
        learner.add_document(result.text, page.url, result.outlet, result.lang)
    for page in held_out:
        result = plain.clean(texts[page.id], url=page.url)
        learner.add_headlines(result.text, page.url, result.outlet)
    written = learner.write_rules(folder, MIN_DOCS, MIN_SHARE)
    return sum(count for _, count in written)


def gold_removed(result, truth: str) -> list[str]:
    """The lines a learned rule removed that belong to the gold text."""
    gold_lines = {scoring.normalize(line).lower() for line in truth.splitlines()}
    gold_text = scoring.normalize(truth).lower()
    lost = []
    for removal in result.removed:
        text = scoring.normalize(removal.text).lower()
        if not removal.rule.startswith(LEARNED) or not text:
            continue
        if text in gold_lines or (len(text.split()) >= MIN_GOLD_WORDS and text in gold_text):
            lost.append(removal.text)
    return lost


def table(dataset: str, scores: list[GroupScore]) -> str:
    rows = [
        f"\n### {dataset}: full-page text, rules learned without the scored page\n",
        "| group | pages | plain F1 | learned F1 | rules learned | gold lines lost |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows += [
        f"| {s.group} | {s.pages} | {s.plain:.3f} | {s.learned:.3f} | {s.rules} | {s.gold_lost} |"
        for s in scores
    ]
    if scores:
        rows.append(
            f"| mean | {sum(s.pages for s in scores)} | {mean(s.plain for s in scores):.3f} | "
            f"{mean(s.learned for s in scores):.3f} | {sum(s.rules for s in scores)} | "
            f"{sum(s.gold_lost for s in scores)} |"
        )
    lost = [f"- {s.group}: {example!r}" for s in scores for example in s.lost_examples]
    return "\n".join(rows + (["", "Gold lines lost, examples:", *lost] if lost else []))


if __name__ == "__main__":
    main()
