"""The learned line model: its file, what it removes and keeps, protect, the option, determinism."""

import json

import numpy as np
import pytest
from cleaner import Cleaner
from cleaner.document import Document
from cleaner.explain import explain
from cleaner.line_features import FEATURE_NAMES, line_features
from cleaner.stages.line_model import MODEL_PATH, RULE, LineModel

PROSE = [
    "The city council voted on Tuesday to build a new primary school in the northern district, "
    "after two years of debate about where the money should come from.",
    "Parents had asked for the school since the old building was closed in 2021, and many of "
    "their children now travel more than an hour each day to reach their lessons.",
    "The mayor said that the work would begin in the spring and that the first pupils could "
    "move in before the end of the following year, if the weather allowed it.",
    "Opposition members criticised the cost of the project, which has risen by a third since "
    "the first plans were drawn up, but in the end most of them voted in favour.",
]
MENU = ["Home", "World", "Business", "Sport", "Culture", "Travel", "Weather", "Video"]
FOOTER = ["About us", "Careers", "Advertise", "Cookies", "Accessibility", "Contact"]


def doc(texts, lang="en"):
    return Document.from_lines(texts, lang=lang)


@pytest.fixture(scope="module")
def stage() -> LineModel:
    return LineModel()


def test_model_file_is_readable_json_with_the_named_features():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == FEATURE_NAMES
    assert (
        len(model["weights"]) == len(model["means"]) == len(model["scales"]) == len(FEATURE_NAMES)
    )
    assert 0.5 <= model["threshold"] < 1 and isinstance(model["seed"], int)


def test_features_are_one_named_row_per_line():
    rows = line_features(MENU + PROSE, "en")
    assert rows.shape == (len(MENU) + len(PROSE), len(FEATURE_NAMES))


def test_menu_lines_go_and_prose_stays(stage):
    """The threshold is set for safety: the surest menu items go, every sentence stays."""
    d = doc(MENU + PROSE + FOOTER)
    stage(d)
    assert all(text in [line.text for line in d.lines] for text in PROSE)
    assert {r.text for r in d.removed} >= {"Home", "Cookies", "Contact"}
    assert {r.rule for r in d.removed} == {RULE}
    assert all(r.evidence.startswith("score ") for r in d.removed)


def test_a_page_of_prose_keeps_every_line(stage):
    d = doc(PROSE)
    stage(d)
    assert [line.text for line in d.lines] == PROSE and not d.removed


def test_protected_lines_are_never_removed(stage):
    d = doc(MENU + PROSE)
    d.lines[0].protected_by = "t.keep"
    stage(d)
    assert d.lines[0].text == "Home"


def test_the_option_turns_the_model_off():
    text = "\n".join(MENU + PROSE + FOOTER)
    assert RULE in {r.rule for r in Cleaner(line_model=True).clean(text).removed}
    assert RULE not in {r.rule for r in Cleaner(line_model=False).clean(text).removed}


def test_explain_shows_the_score_and_the_deciding_features():
    shown = explain(Cleaner(line_model=True).clean("\n".join(MENU + PROSE + FOOTER)))
    assert f"[{RULE} · boilerplate · score " in shown


def test_scores_are_deterministic_and_independent_of_earlier_documents(stage):
    first = stage.scores(MENU + PROSE, "en")
    stage.scores(["Something else entirely.", "Other"] * 5, "de")
    assert np.array_equal(first, stage.scores(MENU + PROSE, "en"))
    text = "\n".join(MENU + PROSE + FOOTER)
    assert Cleaner(line_model=True).clean(text) == Cleaner(line_model=True).clean(text)
