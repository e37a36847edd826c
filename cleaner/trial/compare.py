"""One document with and without the rules under trial: which lines change fate, and which
of the tried rules each change is owed to.

A line a tried rule removes itself is that rule's. A line a heuristic removes only in the
trial (the list after a heading the rule took), or a line the base run removed and the trial
keeps, is a knock-on: owed to the one tried rule that acted on the document, or, where
several did, to each whose effect alone reproduces it (the document is finished once more
with that rule as the only tried one); what none reproduces alone is owed to them together.
"""

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property

from ..catalog import RuleCatalog
from ..document import Document
from ..options import Options
from ..rule_model import RuleSet, rule_prefilter
from .checks import BlockSeen, blocks_seen
from .gold import GoldLines
from .runs import Pipeline, Snapshot, could_change, finish, trial_entry, trial_outlet

TAKEN, GIVEN_BACK, ALREADY, EDITED, PROTECTED = (
    "taken",
    "given back",
    "already removed",
    "edited",
    "protected",
)
# What a change is owed to when no tried rule acted on the document: the files themselves
# (an outlet they declare, the caption credits they list).
FILES = "(files: outlet or word lists)"


@dataclass(frozen=True)
class Change:
    """A line whose fate the tried rules change, owed to `owner` (a tried rule's id, ids
    joined by ' + ', or FILES); `by` is the rule that removed it (in the trial for taken
    lines, in the base run for lines given back or already removed) or edited it."""

    owner: str
    kind: str
    by: str
    doc: object
    line: int
    text: str
    gold: bool = False


@dataclass
class DocTrial:
    """What the tried rules do to one document."""

    changes: list[Change] = field(default_factory=list)
    blocks: list[BlockSeen] = field(default_factory=list)


@dataclass
class Trial:
    """The runs of one `rules try`: base and trial pipelines, the tried rule sets and ids,
    and the pipelines with a single tried rule, built when first needed."""

    options: Options
    base: RuleCatalog
    trial: Pipeline
    tried: tuple[RuleSet, ...]
    solos: dict[str, Pipeline] = field(default_factory=dict)

    @cached_property
    def ids(self) -> frozenset[str]:
        """The tried rules' ids."""
        return frozenset(rule.id for rs in self.tried for rule in rs.rules)

    @cached_property
    def yaml_ids(self) -> frozenset[str]:
        """Every YAML rule's id, tried or not."""
        return frozenset(rule.id for rs in self.trial.catalog.rulesets for rule in rs.rules)

    def solo(self, rule_id: str) -> Pipeline:
        """The trial pipeline with `rule_id` its only tried rule."""
        if rule_id not in self.solos:
            own = {id(rs) for rs in self.tried}
            rulesets = [
                rs if id(rs) not in own else only(rs, rule_id) for rs in self.trial.catalog.rulesets
            ]
            self.solos[rule_id] = self.trial.with_rules(rulesets)
        return self.solos[rule_id]


def only(ruleset: RuleSet, rule_id: str) -> RuleSet:
    """`ruleset` with `rule_id` its only rule (none, if the rule is not its)."""
    rules = tuple(rule for rule in ruleset.rules if rule.id == rule_id)
    return dataclasses.replace(ruleset, rules=rules, prefilter=rule_prefilter(rules))


@dataclass
class Fate:
    """A line whose fate differs: `by` as in Change; `owner` the tried rule that acted on
    the line itself, or None for a knock-on, whose owner is found afterwards."""

    kind: str
    by: str
    owner: str | None
    line: int
    text: str


def try_document(trial: Trial, shot: Snapshot) -> DocTrial:
    """The changes the tried rules make to one base-run document, each with its owner."""
    outlet, lang = trial_outlet(trial.base, trial.trial, shot)
    if not could_change(outlet, lang, shot, trial.trial, trial.tried):
        return DocTrial()
    entry = trial_entry(shot, outlet, lang, trial.options)
    done = finish(trial.trial.after, entry)
    found = fates(shot, done, trial.ids)
    knock_ons = [fate for fate in found if fate.owner is None]
    if knock_ons:
        owe_knock_ons(trial, shot, entry, sorted(acted(done, trial.ids)), knock_ons)
    gold = GoldLines.of(shot.gold)
    changes = [
        Change(
            fate.owner or FILES,
            fate.kind,
            fate.by,
            shot.id,
            fate.line,
            fate.text,
            fate.kind == TAKEN and gold.holds(fate.text),
        )
        for fate in found
    ]
    return DocTrial(changes, blocks_seen(trial, entry, done, shot.id))


def owe_knock_ons(
    trial: Trial, shot: Snapshot, entry: Document, fired: list[str], knock_ons: list[Fate]
) -> None:
    """Set the owner of each knock-on: the one tried rule that acted (FILES if none did),
    else each that alone makes the same change, else all of them together."""
    if len(fired) <= 1:
        for fate in knock_ons:
            fate.owner = fired[0] if fired else FILES
        return
    alone = {
        rule_id: {
            (fate.kind, fate.line)
            for fate in fates(shot, finish(trial.solo(rule_id).after, entry), frozenset())
        }
        for rule_id in fired
    }
    for fate in knock_ons:
        owners = [rule_id for rule_id in fired if (fate.kind, fate.line) in alone[rule_id]]
        fate.owner = " + ".join(owners or fired)


def fates(shot: Snapshot, done: Document, ids: frozenset[str]) -> list[Fate]:
    """Each line whose fate differs from the base run's, each line a tried rule (of `ids`)
    removed that the base run removed too, and each edit and protection of a tried rule."""
    before = shot.base_removals()
    out = []
    for r in done.removed:
        if r.line not in before:
            out.append(Fate(TAKEN, r.rule, r.rule if r.rule in ids else None, r.line, r.text))
        elif r.rule in ids:
            out.append(Fate(ALREADY, before[r.line].rule, r.rule, r.line, r.text))
    kept = {r.line for r in done.removed}
    out += [
        Fate(GIVEN_BACK, r.rule, None, r.line, r.text)
        for r in before.values()
        if r.line not in kept
    ]
    out += [
        Fate(EDITED, e.rule, e.rule, e.line, f"{e.before} -> {e.after}")
        for e in done.edits
        if e.rule in ids
    ]
    out += [
        Fate(PROTECTED, line.protected_by, line.protected_by, line.number, line.text)
        for line in done.lines
        if line.protected_by in ids
    ]
    return sorted(out, key=lambda fate: (fate.line, fate.kind))


def acted(done: Document, ids: frozenset[str]) -> set[str]:
    """The tried rules that removed, edited or protected a line of the document."""
    return (
        {r.rule for r in done.removed if r.rule in ids}
        | {e.rule for e in done.edits if e.rule in ids}
        | {line.protected_by for line in done.lines if line.protected_by in ids}
    )
