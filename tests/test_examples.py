"""Every YAML rule's examples: each line it must drop, keep or fix is one test case.

Run one rule's cases with `pytest -k <ruleset>.<rule>`.
"""

import pytest
from cleaner import Cleaner
from cleaner.examples import example_cases
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
