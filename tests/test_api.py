"""The library API: clean(), Cleaner, Result."""

import json

import cleaner as package
import pytest
from cleaner import Cleaner, CleanerError, Result, clean
from cleaner.ruleset import builtin_rules_dir

from conftest import SEEDS

SEED_004 = (SEEDS / "004_897e2be7a6219180.txt").read_bytes()


def test_public_names():
    assert set(package.__all__) >= {"clean", "Cleaner", "Result"}


def test_clean_returns_text_and_what_changed():
    result = clean(SEED_004)
    assert isinstance(result, Result)
    assert result.text.endswith("analysts have said.\n")
    assert (result.lang, result.outlet) == ("en", "themoscowtimes")
    assert (
        result.removed[0].line == 11
        and result.removed[0].text == "A Message from The Moscow Times:"
    )
    assert {r.category for r in result.removed} == {"donation"}


def test_text_layout_one_paragraph_per_line():
    result = clean("  First   paragraph. \n\n\n Second paragraph.\t\n\n")
    assert result.text == "First paragraph.\nSecond paragraph.\n"


def test_str_and_bytes_give_the_same_result():
    assert clean(SEED_004).text == clean(SEED_004.decode("utf-8")).text


def test_cleaner_instance_is_reusable_and_stateless():
    cleaner = Cleaner()
    first = cleaner.clean(SEED_004).text
    for seed in sorted(SEEDS.glob("*.txt")):
        cleaner.clean(seed.read_bytes())
    assert cleaner.clean(SEED_004).text == first


def test_to_dict_is_json_ready():
    data = json.loads(json.dumps(clean(SEED_004).to_dict()))
    assert set(data) == {"text", "lang", "outlet", "removed", "edits"}
    assert set(data["removed"][0]) == {"line", "text", "rule", "category"}
    assert set(clean(SEED_004).to_dict(include_changes=False)) == {"text", "lang", "outlet"}


def test_edits_carry_rule_offset_before_after():
    edit = clean(
        "The war against Ukraineaccording to estimates went on and on.\n", lang="en"
    ).edits[0]
    assert (edit.rule, edit.before, edit.after, edit.line) == (
        "glue.word",
        "Ukraineaccording",
        "Ukraine according",
        1,
    )
    assert "The war against Ukraineaccording"[edit.offset :].startswith("Ukraineaccording")


def test_html_is_sniffed_and_extracted():
    html = (
        "<html><head><title>t</title></head><body><nav>Home | World</nav><article>"
        "<p>The council voted on Monday to close the old bridge for repairs.</p>"
        "<p>Work will start in March and last a year, officials said.</p>"
        "</article></body></html>"
    )
    result = clean(html)
    assert "The council voted on Monday" in result.text
    assert "<p>" not in result.text
    assert clean(html, fmt="text").text.startswith("<html>")


def test_html_fragment_is_sniffed_but_text_mentioning_tags_is_not():
    fragment = (
        "<div><p>The council voted on Monday to close the old bridge for repairs.</p>"
        "<p>Work will start in March and last a year, officials said.</p></div>"
    )
    assert "<p>" not in clean(fragment).text
    prose = "Use the <p> tag for paragraphs, the tutorial said, and close it with </p>.\n"
    assert clean(prose).text == prose


def test_unknown_option_suggests_the_closest():
    with pytest.raises(CleanerError, match="did you mean 'repair_glue'"):
        Cleaner(repair_gleu=False)


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"doc_time_limit_s": -1}, "doc_time_limit_s: expected a number >= 0, got -1"),
        ({"doc_time_limit_s": float("nan")}, "doc_time_limit_s: expected a number >= 0, got nan"),
        ({"max_input_bytes": "10"}, "max_input_bytes: expected a number, got '10'"),
        ({"max_input_bytes": None}, "max_input_bytes: expected a value, got None"),
        ({"max_lines": 10.5}, "max_lines: expected a whole number, got 10.5"),
        ({"repair_glue": "no"}, "repair_glue: expected True or False, got 'no'"),
    ],
)
def test_an_option_of_the_wrong_type_or_range_is_a_clear_error(options, problem):
    with pytest.raises(CleanerError, match=f"^option {problem}$".replace("(", r"\(")):
        Cleaner(**options)


def test_options_take_none_for_no_limit_and_zero_or_one_for_a_switch():
    text = "The war against Ukraineaccording to estimates went on and on.\n"
    assert Cleaner(doc_time_limit_s=None, repair_glue=0).clean(text, lang="en").text == text


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        (5, "rules: expected a path or a list of paths, got 5"),
        ([None], "rules: expected a path, got None"),
        ("a" * 300, "cannot read it: File name too long"),
    ],
)
def test_rules_that_are_no_paths_are_a_clear_error(rules, problem):
    with pytest.raises(CleanerError, match=problem):
        Cleaner(rules=rules)


def test_a_rule_file_given_twice_is_read_once():
    assert Cleaner(rules=None, builtin_rules=False).rulesets == ()
    en = builtin_rules_dir() / "en.yaml"
    twice = Cleaner(rules=[en, en.parent / ".." / en.parent.name / "en.yaml"], builtin_rules=False)
    assert [ruleset.name for ruleset in twice.rulesets] == ["en"]


def test_options_turn_stages_off():
    text = "The war against Ukraineaccording to estimates went on and on.\n"
    assert Cleaner(repair_glue=False).clean(text, lang="en").text == text


def test_glue_in_html_is_the_pages_own_spelling_unless_asked():
    sentence = "The war against Ukraineaccording to estimates went on and on for years."
    paragraphs = f"<p>{sentence}</p><p>{sentence[:-1]} more.</p>"
    html = f"<html><body><article>{paragraphs}</article></body></html>"
    kept = Cleaner().clean(html, fmt="html", lang="en")
    assert "Ukraineaccording" in kept.text and not kept.edits
    repaired = Cleaner(repair_glue_html=True).clean(html, fmt="html", lang="en")
    assert "Ukraine according" in repaired.text
    assert {edit.rule for edit in repaired.edits} == {"glue.word"}
    assert "Ukraine according" in Cleaner().clean(sentence, lang="en").text


def test_without_builtin_rules_only_heuristics_run():
    text = "Add WION as a Preferred Source\nThe council voted on Monday to close the bridge.\n"
    assert Cleaner(builtin_rules=False).clean(text).text == text
