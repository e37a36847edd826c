"""Out-of-fold evaluation: whatever is trained or tuned is scored only on pages it was not
fitted on. Train on two of the three data sets and score on the third (all three folds),
plus train on trafilatura-eval's dev hosts and score on its held-out hosts.

    from functools import partial
    from folds import evaluate, out_of_fold
    results = out_of_fold(fit, pages_by_set, partial(evaluate, kind="fullpage"))
    # fit(train_pages) -> system; system(input_text, page) -> output text;
    # evaluate(system, test_pages) -> the figures to report (here: P/R/F1 and snippets)

Only these figures count for a fitted system; an untrained one is simply scored per set.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from corpora import Page, page_input, split_of
from scoring import PRF, Snippets, bag_of_words, macro_mean, snippets

FOLD_SETS = ("trafilatura-eval", "cleaneval", "dragnet")
HOSTS_FOLD = "trafilatura-eval held-out (fit on its dev hosts)"

System = Callable[[str, Page], str]


@dataclass(frozen=True)
class Fold:
    """Pages to fit on and pages to score on, which share no data set (or no host)."""

    name: str
    train: tuple[Page, ...]
    test: tuple[Page, ...]


def folds(pages_by_set: dict[str, list[Page]]) -> list[Fold]:
    """One fold per data set (fit on the others), then the host-split fold of trafilatura-eval."""
    result = [
        Fold(
            f"{held} (fit on {' + '.join(s for s in pages_by_set if s != held)})",
            tuple(p for name, pages in pages_by_set.items() if name != held for p in pages),
            tuple(pages_by_set[held]),
        )
        for held in pages_by_set
    ]
    hosts = pages_by_set.get("trafilatura-eval", [])
    if hosts:
        result.append(
            Fold(
                HOSTS_FOLD,
                tuple(p for p in hosts if split_of(p.url) == "dev"),
                tuple(p for p in hosts if split_of(p.url) == "held-out"),
            )
        )
    return result


def out_of_fold(
    fit: Callable[[list[Page]], System],
    pages_by_set: dict[str, list[Page]],
    evaluate: Callable[[System, list[Page]], Any],
) -> dict[str, Any]:
    """{fold name: evaluate(fit(its train pages), its test pages)} for every fold."""
    return {
        fold.name: evaluate(fit(list(fold.train)), list(fold.test)) for fold in folds(pages_by_set)
    }


def evaluate(system: System, pages: list[Page], kind: str) -> tuple[PRF | None, Snippets]:
    """Macro-mean bag-of-words figures (pages with truth) and summed snippet counts of
    `system` given input `kind` (corpora.INPUTS) of each page."""
    outputs = [(system(page_input(page, kind), page), page) for page in pages]
    prf = macro_mean(
        bag_of_words(text, page.truth) for text, page in outputs if page.truth is not None
    )
    counts = sum(
        (snippets(text, page.with_snippets, page.without_snippets) for text, page in outputs),
        Snippets(),
    )
    return prf, counts
