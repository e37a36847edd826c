"""Apply YAML rules: `protect` rules first, then each rule set's rules in file order.

A rule set's prefilter (all its patterns in one RE2 pass) tells which rules could match
each line: a rule runs only on those lines, and most lines meet none.

Rules are written for a page's lines. In a paragraph hard-wrapped over several lines
(prose.py) a line is a fragment of a sentence, and a rule that matches one ("by Sandoval,",
"1978." closing a reference) matched by chance: no rule drops such a line; `replace` rules
still edit it.
"""

from ..document import Document, Line, RuleInfo
from ..rule_model import Replace, RuleSet
from .prose import wrapped_positions


def apply_rules(doc: Document, rulesets: list[RuleSet]) -> Document:
    """Run the active rule sets (generic first, then the outlet's) over the document."""
    for rule in (rule for ruleset in rulesets for rule in ruleset.rules if rule.runs_first):
        rule.apply(doc, doc.lines)
    wrapped = wrapped_positions(doc.lines)
    for ruleset in rulesets:
        if ruleset.rules:
            apply_ruleset(doc, ruleset, wrapped)
    return doc


def apply_ruleset(doc: Document, ruleset: RuleSet, wrapped: frozenset[int]) -> None:
    """Each rule on the lines the prefilter lets through to it; a line a rule rewrote is
    offered again, with its new text, to the rules after it. Rules that drop lines are not
    offered the `wrapped` positions."""
    pending = candidate_lines(doc.lines, ruleset)
    for index, rule in enumerate(ruleset.rules):
        lines = pending.pop(index, None)
        if not lines or rule.runs_first:
            continue
        alive = {id(line) for line in doc.lines}
        offered = [line for line in lines if id(line) in alive]
        if not isinstance(rule, Replace):
            offered = [line for line in offered if line.position not in wrapped]
        edited = rule.apply(doc, offered)
        for later, more in candidate_lines(edited, ruleset).items():
            if later > index:
                merged = {id(line): line for line in pending.get(later, []) + more}
                pending[later] = sorted(merged.values(), key=lambda line: line.number)


def candidate_lines(lines: list[Line], ruleset: RuleSet) -> dict[int, list[Line]]:
    """Rule index -> the lines, in order, that the rule set's prefilter lets through to it
    (all of them without a prefilter, as for a single rule tried on its examples)."""
    found: dict[int, list[Line]] = {}
    every_rule = range(len(ruleset.rules))
    for line in lines:
        for index in ruleset.prefilter.candidates(line.text) if ruleset.prefilter else every_rule:
            found.setdefault(index, []).append(line)
    return found


class RuleApplier:
    """Stage: the YAML rules active for the document's language and outlet."""

    name = "rules"

    def __init__(self, catalog):
        self.catalog = catalog
        self.rule_ids = tuple(
            RuleInfo(rule.id, rule.category or rule.kind, rule.description)
            for ruleset in catalog.rulesets
            for rule in ruleset.rules
        )

    def __call__(self, doc: Document) -> None:
        apply_rules(doc, self.catalog.active(doc.lang, doc.outlet))
