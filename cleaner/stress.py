"""Adversarial lines every rule pattern must get through quickly.

A pattern that backtracks catastrophically, typically a repeated group holding a quantifier
(`(?:\\S*\\s+){0,45}`), runs for seconds on a line of white space or repeated letters where a
sound one takes milliseconds. The pipeline would stop it with RuleTimeout and fail the
document; `cleaner rules check` finds it first, before a batch meets such a line.
"""

from collections.abc import Sequence

from .patterns import LONG_LINE_CHARS, Pattern
from .rule_model import Rule, RuleSet

# What patterns repeat: white space, letters, words, punctuation, digits.
UNITS = (" ", " \t", "\u00a0 ", "a", "A", "a ", "Aa, ", "ab.cd ", "a1", ".", "- ", "«", "| ")
# Exponential backtracking shows within a few dozen characters, most often when the line
# almost matches and its last character does not ("aaa...a!" for "(a|aa)+$"); polynomial
# backtracking at the longest line on which a timeout is still the pattern's fault.
SHORT_LENGTHS = (60, 250)
STRESS_LINES = tuple(
    (unit * length)[:length] for length in SHORT_LENGTHS + (LONG_LINE_CHARS,) for unit in UNITS
) + tuple((unit * length)[: length - 1] + "!" for length in SHORT_LENGTHS for unit in UNITS)
# The bundled patterns need at most ~20 ms on these lines; a catastrophic one never ends.
STRESS_LIMIT_S = 0.25


def slow_patterns(rulesets: Sequence[RuleSet]) -> list[str]:
    """One message per pattern that runs over STRESS_LIMIT_S on a STRESS_LINES line its
    rule would meet (within the rule's max_words)."""
    found = []
    for ruleset in rulesets:
        for owner, pattern, rule in patterns_of(ruleset):
            line = next(
                (
                    line
                    for line in STRESS_LINES
                    if (rule is None or rule.admits(line)) and too_slow(pattern, line)
                ),
                None,
            )
            if line is not None:
                found.append(
                    f"{pattern.where}: rule {owner}: pattern {shown(pattern.source)} ran over "
                    f"{STRESS_LIMIT_S} s on {len(line)} characters of {line[:4]!r}...; it "
                    "backtracks catastrophically: avoid a repeated group that holds a "
                    "quantifier, such as (?:\\S*\\s+)*"
                )
    return found


# Characters of a pattern a message shows; the rest is counted, not printed.
SHOWN_PATTERN_CHARS = 200


def shown(source: str) -> str:
    """The pattern as a message quotes it: its head, and how much more there is."""
    if len(source) <= SHOWN_PATTERN_CHARS:
        return repr(source)
    rest = len(source) - SHOWN_PATTERN_CHARS
    return f"{source[:SHOWN_PATTERN_CHARS]!r}... ({rest:,} more characters)"


def patterns_of(ruleset: RuleSet) -> list[tuple[str, Pattern, Rule | None]]:
    """(owner, pattern, rule) of every pattern in `ruleset`: rules' and outlet fingerprints."""
    found: list[tuple[str, Pattern, Rule | None]] = [
        (rule.id, pattern, rule) for rule in ruleset.rules for pattern in rule.patterns
    ]
    if ruleset.outlet:
        found += [
            (f"{ruleset.name}.fingerprint", pattern, None)
            for pattern in ruleset.outlet.fingerprints
        ]
    return found


def too_slow(pattern: Pattern, line: str) -> bool:
    try:
        pattern.compiled.search(line, timeout=STRESS_LIMIT_S)
    except TimeoutError:
        return True
    return False
