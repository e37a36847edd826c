"""The corpus checks of `cleaner rules try`, as warnings naming file, rule and line: a tried
`drop_block` that never fires (its end line taken first by an earlier rule), a tried rule that
sets off a heuristic or keeps one from running, and a tried rule that removes gold lines."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..document import Document
from ..rule_checks import RuleWarning
from ..rule_model import DropBlock, Rule

if TYPE_CHECKING:
    from .compare import Trial
    from .report import RuleReport


@dataclass(frozen=True)
class BlockSeen:
    """A tried drop_block whose start matched a line of document `doc`: whether it fired,
    and if not, its end line and the rule that removed that line first (if one did)."""

    rule: str
    doc: object
    fired: bool
    end: str | None = None
    taker: str | None = None


def blocks_seen(trial: "Trial", entry: Document, done: Document, doc: object) -> list[BlockSeen]:
    """What became of each active tried drop_block whose start matched a line."""
    own = {id(rs) for rs in trial.tried}
    active = [rs for rs in trial.trial.catalog.active(entry.lang, entry.outlet) if id(rs) in own]
    return [
        seen
        for rs in active
        for rule in rs.rules
        if isinstance(rule, DropBlock)
        and (seen := block_seen(rule, entry, done, doc, trial.yaml_ids)) is not None
    ]


def block_seen(
    rule: DropBlock, entry: Document, done: Document, doc: object, yaml_ids: frozenset[str]
) -> BlockSeen | None:
    lines = entry.lines
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if rule.admits(line.text) and rule.pattern.search(line.text)
        ),
        None,
    )
    if start is None:
        return None
    if any(r.rule == rule.id for r in done.removed):
        return BlockSeen(rule.id, doc, True)
    end = next((line for line in lines[start:] if rule.end and rule.end.search(line.text)), None)
    if end is None:
        return BlockSeen(rule.id, doc, False)
    taker = next((r.rule for r in done.removed if r.line == end.number), None)
    return BlockSeen(rule.id, doc, False, end.text, taker if taker in yaml_ids else None)


def block_warnings(blocks: Iterable[BlockSeen], rules: dict[str, Rule]) -> list[RuleWarning]:
    """A warning for each tried drop_block whose start matched but which never fired."""
    by_rule: dict[str, list[BlockSeen]] = {}
    for seen in blocks:
        by_rule.setdefault(seen.rule, []).append(seen)
    warnings = []
    for rule_id, sights in sorted(by_rule.items()):
        if any(s.fired for s in sights):
            continue
        taken = Counter((s.taker, s.end) for s in sights if s.taker)
        why = (
            "its end line was removed first in {} of them by {} ({!r})".format(
                sum(taken.values()), *taken.most_common(1)[0][0]
            )
            if taken
            else "its end line never came (or the block ran past max_lines)"
        )
        warnings.append(
            RuleWarning(
                rules[rule_id].where,
                rule_id,
                f"never fired: its start matched in {len(sights)} documents, but {why}",
            )
        )
    return warnings


def effect_warnings(reports: Sequence["RuleReport"]) -> list[RuleWarning]:
    """For each tried rule: the heuristics (and other stages) it set off or held back, and
    the gold lines it removes."""
    warnings = []
    for report in reports:
        for (kind, by), tally in sorted(report.tallies.items()):
            if by == report.owner or kind not in ("taken", "given back"):
                continue
            what = (
                f"set off {by}, which took"
                if kind == "taken"
                else f"kept {by} from taking what it takes without the rule, giving back"
            )
            if kind == "given back" and report.kind == "protect":
                continue  # giving lines back is what a protect rule is for
            warnings.append(
                RuleWarning(
                    report.where,
                    report.owner,
                    f"{report.category_note(by)}{what} {tally.describe()}",
                )
            )
        if report.gold.lines:
            warnings.append(
                RuleWarning(
                    report.where, report.owner, f"removes gold lines: {report.gold.describe()}"
                )
            )
    return warnings
