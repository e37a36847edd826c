"""The benchmark's scores (bench/scoring.py) and folds (bench/folds.py) on hand-made cases."""

import sys
from pathlib import Path

import pytest

sys.path.insert(
    0, str(Path(__file__).resolve().parent.parent / "bench")
)  # bench/ is scripts, not a package

from corpora import Page
from folds import HOSTS_FOLD, folds, out_of_fold
from scoring import PRF, Snippets, bag_of_words, gold_loss, macro_mean, snippets


def test_identical_text_scores_one_whatever_the_case_and_spacing():
    assert bag_of_words("The  cat\nsat", "the cat sat") == PRF(1.0, 1.0, 1.0)


def test_tokens_overlap_as_multisets():
    # output: a a b c (4 tokens); truth: a b b (3 tokens); overlap: a, b = 2
    score = bag_of_words("a a b c", "a b b")
    assert score.precision == pytest.approx(2 / 4)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * (1 / 2) * (2 / 3) / (1 / 2 + 2 / 3))


def test_empty_truth_scores_one_only_when_the_output_is_empty_too():
    assert bag_of_words(" \n", "") == PRF(1.0, 1.0, 1.0)
    assert bag_of_words("menu", "") == PRF(0.0, 0.0, 0.0)


def test_empty_output_against_a_truth_scores_zero():
    assert bag_of_words("", "some text") == PRF(0.0, 0.0, 0.0)


def test_macro_mean_weighs_every_page_alike():
    assert macro_mean([PRF(1.0, 0.5, 0.6), PRF(0.0, 0.5, 0.2)]) == PRF(0.5, 0.5, 0.4)
    assert macro_mean([]) is None


def test_snippets_match_across_white_space_soft_hyphens_and_ligatures():
    output = "The ﬂood  re\u00adached\nthe town. Share this"
    assert snippets(output, ["flood reached the", "dam"], ["Share this", "Subscribe"]) == Snippets(
        with_kept=1, with_total=2, without_absent=1, without_total=2
    )


def test_gold_loss_counts_removed_and_edited_tokens():
    assert gold_loss("One two two three", "one two") == (2, 4)


def page(dataset: str, number: int, url: str = "https://example.org/a") -> Page:
    return Page(dataset, f"{dataset}-{number}", url, "<p>x</p>", truth="x")


def test_each_set_is_scored_by_a_system_fitted_on_the_others_and_hosts_apart():
    pages = {
        "trafilatura-eval": [
            page("trafilatura-eval", 1, "https://a.example/x"),
            page("trafilatura-eval", 2, "https://h.example/y"),
        ],
        "cleaneval": [page("cleaneval", 1)],
        "dragnet": [page("dragnet", 1)],
    }
    seen = out_of_fold(
        lambda train: {p.id for p in train},
        pages,
        lambda fitted, test: (fitted, {p.id for p in test}),
    )
    for name, (fitted, tested) in seen.items():
        assert not fitted & tested, name
    assert len(seen) == 4 and HOSTS_FOLD in seen
    fold = next(f for f in folds(pages) if f.name.startswith("cleaneval"))
    assert {p.dataset for p in fold.train} == {"trafilatura-eval", "dragnet"}
    assert seen[HOSTS_FOLD] == (
        {"trafilatura-eval-1"},
        {"trafilatura-eval-2"},
    )  # h.example is held out


def test_evaluate_scores_a_system_on_the_given_input(monkeypatch):
    import folds

    monkeypatch.setattr(folds, "page_input", lambda page, kind: f"{page.truth} menu")
    prf, counts = folds.evaluate(
        lambda text, page: text.replace(" menu", ""), [page("cleaneval", 1)], "fullpage"
    )
    assert prf == PRF(1.0, 1.0, 1.0) and counts == Snippets()
