"""Run each rule's YAML examples: lines it must drop, must keep, and must fix.

One case per example, with an id `<ruleset>.<rule>_<kind><n>`, so `pytest -k <rule>` and
`cleaner rules check` report exactly which example of which rule failed.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .document import Document
from .rule_model import Protect, Replace, Rule, RuleSet
from .stages.rules import apply_rules


@dataclass(frozen=True)
class ExampleCase:
    id: str
    rule: Rule
    kind: str  # "drop", "keep" or "fix"
    text: str
    expected: str | None = None

    def failure(self) -> str | None:
        """None if the rule behaves as the example says, else what went wrong."""
        if isinstance(self.rule, Protect):  # it acts only through the rules it holds off
            if not self.rule.pattern.search(self.text):
                return f"protect pattern does not match {self.text!r}"
            return None
        if self.kind == "fix":
            return self.fix_failure()
        doc = run_rule(self.rule, self.text)
        kept = [line.text for line in doc.lines]
        if self.kind == "drop" and kept:
            return f"should drop every line of {self.text!r}, but kept {kept!r}"
        if self.kind == "keep":
            given = [line for line in self.text.splitlines() if line.strip()]
            if isinstance(self.rule, Replace) and kept != given:
                return f"should leave {self.text!r} unchanged, but made {kept!r}"
            if len(kept) != len(given):
                return f"should keep {self.text!r}, but dropped {[r.text for r in doc.removed]!r}"
        return None

    def fix_failure(self) -> str | None:
        got = "\n".join(line.text for line in run_rule(self.rule, self.text).lines)
        if got != self.expected:
            return f"should turn {self.text!r} into {self.expected!r}, but made {got!r}"
        again = "\n".join(line.text for line in run_rule(self.rule, got).lines)
        if again != got:
            return f"is not stable: applied again to {got!r} it makes {again!r}"
        return None


def run_rule(rule: Rule, text: str) -> Document:
    """The rule alone applied to `text` (one line per line), whose blank lines go first as
    in the pipeline (the whitespace stage runs before the rules)."""
    doc = Document.from_lines(text.splitlines())
    doc.lines = [line for line in doc.lines if line.text.strip()]
    doc.reposition()
    return apply_rules(doc, [RuleSet(name="example", path="", rules=(rule,))])


def example_cases(rulesets: Sequence[RuleSet]) -> list[ExampleCase]:
    cases = []
    for ruleset in rulesets:
        for rule in ruleset.rules:
            ex = rule.examples
            cases += [
                ExampleCase(f"{rule.id}_drop{i}", rule, "drop", t) for i, t in enumerate(ex.drop, 1)
            ]
            cases += [
                ExampleCase(f"{rule.id}_keep{i}", rule, "keep", t) for i, t in enumerate(ex.keep, 1)
            ]
            cases += [
                ExampleCase(f"{rule.id}_fix{i}", rule, "fix", before, after)
                for i, (before, after) in enumerate(ex.fix, 1)
            ]
    return cases
