"""Checks across rule files that loading one file cannot make, reported as warnings: each
names a case where a rule passes its own examples yet does nothing, or more than it says.

- two outlet ids claiming one domain: the documents go to one of them (the first id in
  order, as the outlet stage picks), so the other id's files never run on them;
- a `drop_block` whose end line (its examples' last line) an earlier rule already drops:
  the block never finds its end, so it never fires;
- a rule whose category sets off a heuristic (cleaner/stages/sections.py) beyond its lines.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .rule_model import Drop, DropBlock, Outlet, Rule, RuleSet
from .stages.sections import heuristics_started


@dataclass(frozen=True)
class RuleWarning:
    """A warning about a rule (or outlet) `subject`, at `where` (file:line)."""

    where: str
    subject: str
    message: str

    def format(self) -> str:
        return f"WARN {self.where}: {self.subject}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"where": self.where, "subject": self.subject, "message": self.message}


def static_warnings(rulesets: Sequence[RuleSet], own: Sequence[RuleSet]) -> list[RuleWarning]:
    """Every check that needs no corpus; `own` are the files under review (the category
    check is about them, not the bundled files, whose effects the goldens pin down)."""
    return domain_conflicts(rulesets) + blocked_block_ends(rulesets, own) + category_notes(own)


def covers(parent: str, domain: str) -> bool:
    """Whether every host of `domain` is also a host of `parent`."""
    return domain == parent or domain.endswith("." + parent)


def domain_conflicts(rulesets: Sequence[RuleSet]) -> list[RuleWarning]:
    """One warning per (outlet, domain) whose documents go to another outlet id."""
    outlets = [rs.outlet for rs in rulesets if rs.outlet is not None]
    warnings: dict[tuple[str, str], RuleWarning] = {}
    for first in outlets:
        for second in outlets:
            if first.id >= second.id:
                continue
            for domain in second.domains:
                parent = next((d for d in first.domains if covers(d, domain)), None)
                if parent is not None and (second.where, domain) not in warnings:
                    warnings[(second.where, domain)] = shadowed_domain(first, second, domain)
    return list(warnings.values())


def shadowed_domain(first: Outlet, second: Outlet, domain: str) -> RuleWarning:
    return RuleWarning(
        second.where,
        f"outlet {second.id}",
        f"domain {domain} is also claimed by outlet {first.id!r} ({first.where}); "
        f"its documents get {first.id!r}, whose id comes first, so the rules of outlet "
        f"{second.id!r} never run on them: give both files the same `outlet:` id",
    )


def rules_before(rulesets: Sequence[RuleSet], ruleset: RuleSet, rule: Rule) -> list[Rule]:
    """The rules that may run before `rule` on a document where its file is active: the
    generic files, the language files (of the outlet's language, if it has one), then the
    outlet's files, in load order (see RuleCatalog.active), up to `rule` in its own file."""
    order = [rs for rs in rulesets if runs_with(rs, ruleset)]
    before: list[Rule] = []
    for rs in order:
        if rs is ruleset:
            return before + list(rs.rules[: rs.rules.index(rule)])
        before += rs.rules
    return before


def runs_with(other: RuleSet, ruleset: RuleSet) -> bool:
    """Whether `other` is active on documents where `ruleset` is."""
    if ruleset.outlet is not None:
        if other.outlet is not None:
            return other.outlet.id == ruleset.outlet.id
        return other.lang is None or ruleset.outlet.lang in (None, other.lang)
    return other.outlet is None and other.lang in (None, ruleset.lang)


def blocked_block_ends(rulesets: Sequence[RuleSet], own: Sequence[RuleSet]) -> list[RuleWarning]:
    """A drop_block whose examples end on a line an earlier `drop` rule takes."""
    warnings = []
    for ruleset in own:
        for rule in ruleset.rules:
            if isinstance(rule, DropBlock) and rule.end is not None:
                earlier = [r for r in rules_before(rulesets, ruleset, rule) if isinstance(r, Drop)]
                warnings += end_taken(rule, earlier)
    return warnings


def end_taken(rule: DropBlock, earlier: Sequence[Rule]) -> list[RuleWarning]:
    """The warning for `rule` if an `earlier` rule drops the last line of one of its drop
    examples, where the block must end."""
    for end in (text.split("\n")[-1].strip() for text in rule.examples.drop):
        taker = next((r for r in earlier if r.admits(end) and r.pattern.search(end)), None)
        if taker is not None:
            return [
                RuleWarning(
                    rule.where,
                    rule.id,
                    f"its end line {end!r} is dropped first by {taker.id} ({taker.where}), "
                    "so the block never finds its end and never fires (its examples pass "
                    "because they run the rule alone)",
                )
            ]
    return []


def category_notes(own: Sequence[RuleSet]) -> list[RuleWarning]:
    """A rule whose category sets off heuristics: which ones."""
    return [
        RuleWarning(
            rule.where,
            rule.id,
            f"category {rule.category!r} sets off {', '.join(started)} beyond the rule's own "
            "lines; `cleaner rules try RULES CORPUS` shows what they take",
        )
        for ruleset in own
        for rule in ruleset.rules
        if rule.category and (started := heuristics_started(rule.category))
    ]
