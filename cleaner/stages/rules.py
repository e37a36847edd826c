"""Apply YAML rules: `protect` rules first, then each rule set's rules in file order.

A prefilter (the patterns of all the active rule sets in one RE2 pass) tells which rules
could match each line: a rule runs only on those lines, and most lines meet none. A line a
rule rewrites is offered again, by its new text, to the rules after it.

Rules are written for a page's lines. In a paragraph hard-wrapped over several lines
(prose.py) a line is a fragment of a sentence, and a rule that matches one ("by Sandoval,",
"1978." closing a reference) matched by chance: no rule drops such a line; `replace` rules
still edit it.
"""

from ..document import Document, Line, RuleInfo
from ..prefilter import Prefilter
from ..rule_model import Replace, RuleSet
from .prose import wrapped_positions

Pending = dict[int, list[Line]]  # rule index -> the lines offered to it, in order


def apply_rules(
    doc: Document, rulesets: list[RuleSet], joint: "JointPrefilter | None" = None
) -> Document:
    """Run the active rule sets (generic first, then the outlet's) over the document; `joint`,
    the prefilter of these rule sets together, if there is one."""
    for rule in (rule for ruleset in rulesets for rule in ruleset.rules if rule.runs_first):
        rule.apply(doc, doc.lines)
    wrapped = wrapped_positions(doc.lines)
    active = [ruleset for ruleset in rulesets if ruleset.rules]
    pending = (
        joint.candidate_lines(doc.lines)
        if joint
        else [candidate_lines(doc.lines, ruleset) for ruleset in active]
    )
    for at, ruleset in enumerate(active):
        edited = apply_ruleset(doc, ruleset, wrapped, pending[at])
        for later in range(at + 1, len(active)) if edited else ():
            pending[later] = offer_again(pending[later], edited, active[later])
    return doc


def offer_again(pending: Pending, edited: list[Line], ruleset: RuleSet) -> Pending:
    """`pending` with the `edited` lines offered by their new text (to a rule index already
    done, an offer nobody takes up; every rule checks its pattern on the line it is offered)."""
    gone = {id(line) for line in edited}
    kept = {
        index: [line for line in lines if id(line) not in gone] for index, lines in pending.items()
    }
    for index, more in candidate_lines(edited, ruleset).items():
        kept[index] = sorted(kept.get(index, []) + more, key=lambda line: line.number)
    return kept


def apply_ruleset(
    doc: Document, ruleset: RuleSet, wrapped: frozenset[int], pending: Pending
) -> list[Line]:
    """Each rule on the lines `pending` offers it; a line a rule rewrote is offered again,
    with its new text, to the rules after it. Rules that drop lines are not offered the
    `wrapped` positions. The lines rewritten, for the rule sets after this one."""
    rewritten: dict[int, Line] = {}
    for index, rule in enumerate(ruleset.rules):
        lines = pending.pop(index, None)
        if not lines or rule.runs_first:
            continue
        alive = {id(line) for line in doc.lines}
        offered = [line for line in lines if id(line) in alive]
        if not isinstance(rule, Replace):
            offered = [line for line in offered if line.position not in wrapped]
        edited = rule.apply(doc, offered)
        if edited:
            rewritten.update((id(line), line) for line in edited)
            pending = offer_again(pending, edited, ruleset)
    alive = {id(line) for line in doc.lines}
    return [line for key, line in rewritten.items() if key in alive]


def candidate_lines(lines: list[Line], ruleset: RuleSet) -> dict[int, list[Line]]:
    """Rule index -> the lines, in order, that the rule set's prefilter lets through to it
    (all of them without a prefilter, as for a single rule tried on its examples)."""
    found: dict[int, list[Line]] = {}
    every_rule = range(len(ruleset.rules))
    for line in lines:
        for index in ruleset.prefilter.candidates(line.text) if ruleset.prefilter else every_rule:
            found.setdefault(index, []).append(line)
    return found


class JointPrefilter:
    """The prefilters of several rule sets as one: one RE2 pass a line for all their rules
    (each set's rules that run on every line still do)."""

    def __init__(self, rulesets: list[RuleSet]):
        self.sizes = [len(ruleset.rules) for ruleset in rulesets]
        self.owners = [(at, index) for at, size in enumerate(self.sizes) for index in range(size)]
        sources = [
            rule.pattern.source
            if ruleset.prefilter and index not in ruleset.prefilter.unfiltered
            else None
            for ruleset in rulesets
            for index, rule in enumerate(ruleset.rules)
        ]
        self.prefilter = Prefilter(sources)
        # Whether RE2 took the patterns together: past its memory limit the joint set lets
        # every rule through, and each set's own prefilter does better.
        self.usable = len(self.prefilter.unfiltered) == sources.count(None)

    def candidate_lines(self, lines: list[Line]) -> list[Pending]:
        """For each rule set, candidate_lines of it."""
        found: list[Pending] = [{} for _ in self.sizes]
        owners = self.owners
        for line in lines:
            for joint_index in sorted(self.prefilter.candidates(line.text)):
                at, index = owners[joint_index]
                found[at].setdefault(index, []).append(line)
        return found


class RuleApplier:
    """Stage: the YAML rules active for the document's language and outlet."""

    name = "rules"

    def __init__(self, catalog):
        self.catalog = catalog
        self.joints: dict[tuple[int, ...], JointPrefilter | None] = {}  # by the rule sets' ids
        self.rule_ids = tuple(
            RuleInfo(rule.id, rule.category or rule.kind, rule.description)
            for ruleset in catalog.rulesets
            for rule in ruleset.rules
        )

    def __call__(self, doc: Document) -> None:
        rulesets = self.catalog.active(doc.lang, doc.outlet)
        apply_rules(doc, rulesets, self.joint([rs for rs in rulesets if rs.rules]))

    def joint(self, rulesets: list[RuleSet]) -> JointPrefilter | None:
        """The JointPrefilter of these rule sets of the catalog, made once; None where RE2
        cannot take them together (each set's own prefilter then runs)."""
        key = tuple(id(ruleset) for ruleset in rulesets)
        if key not in self.joints:
            joint = JointPrefilter(rulesets)
            self.joints[key] = joint if joint.usable else None
        return self.joints[key]
