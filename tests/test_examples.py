"""Every YAML rule's examples: each line it must drop, keep or fix is one test case.

Run one rule's cases with `pytest -k <ruleset>.<rule>`.
"""

import pytest
from cleaner import Cleaner
from cleaner.examples import example_cases
from cleaner.ruleset import load_ruleset
from cleaner.stress import slow_patterns

CASES = example_cases(Cleaner().rulesets)


def test_every_rule_has_examples():
    rules = {rule.id for rs in Cleaner().rulesets for rule in rs.rules}
    assert rules == {case.rule.id for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_example(case):
    assert case.failure() is None, case.failure()


def test_every_bundled_pattern_is_quick_on_adversarial_lines():
    assert slow_patterns(Cleaner().rulesets) == []


def test_a_block_example_with_a_blank_line_is_run_as_the_pipeline_runs_it(tmp_path):
    # blank lines are layout: the whitespace stage removes them before any rule runs, so a
    # two-line block written with a blank line between its lines is still two lines
    path = tmp_path / "t.yaml"
    path.write_text(
        "rules:\n"
        "  - id: item\n"
        "    category: caption\n"
        "    drop_block: {start: '^Caption ', end: '^(?!Caption )', max_lines: 2}\n"
        "    examples:\n"
        '      drop: ["Caption A title\\n\\nIts description, wrapped over words that run on"]\n'
        '      keep: ["Caption A title\\n\\nCaption Another title"]\n',
        encoding="utf-8",
    )
    cases = example_cases([load_ruleset(path)])
    assert [case.failure() for case in cases] == [None, None]
