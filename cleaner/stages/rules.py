"""Apply YAML rules: protect first, then each rule set's rules in file order.

A rule set's prefilter (all its patterns in one RE2 pass) tells which rules could match
each line: a rule runs only on those lines, and most lines meet none.
"""

from ..document import Document, Edit, Line, RuleInfo
from ..ruleset import Rule, RuleSet, admits, word_count


def apply_rules(doc: Document, rulesets: list[RuleSet]) -> Document:
    """Run the active rule sets (generic first, then the outlet's) over the document."""
    for rule in (rule for ruleset in rulesets for rule in ruleset.rules):
        if rule.kind == "protect":
            protect_lines(doc, rule)
    for ruleset in rulesets:
        if not ruleset.rules:
            continue
        pending = candidate_lines(doc.lines, ruleset)
        for index, rule in enumerate(ruleset.rules):
            lines = pending.pop(index, None)
            if not lines or rule.kind == "protect":
                continue
            alive = {id(line) for line in doc.lines}
            lines = [line for line in lines if id(line) in alive]
            if rule.kind == "drop":
                drop_lines(doc, rule, lines)
            elif rule.kind == "drop_block":
                drop_block(doc, rule, lines)
            elif rule.kind == "replace":
                edited = replace_spans(doc, rule, lines)
                for later, more in candidate_lines(edited, ruleset).items():  # their new text
                    if later > index:
                        merged = {id(line): line for line in pending.get(later, []) + more}
                        pending[later] = sorted(merged.values(), key=lambda line: line.number)
    return doc


def candidate_lines(lines: list[Line], ruleset: RuleSet) -> dict[int, list[Line]]:
    """Rule index -> the lines, in order, that the rule set's prefilter lets through to it
    (all of them without a prefilter, as for a single rule tried on its examples)."""
    found, every_rule = {}, range(len(ruleset.rules))
    for line in lines:
        for index in ruleset.prefilter.candidates(line.text) if ruleset.prefilter else every_rule:
            found.setdefault(index, []).append(line)
    return found


def protect_lines(doc: Document, rule: Rule) -> None:
    for line in doc.lines:
        if not line.protected_by and rule.pattern.search(line.text):
            line.protected_by = rule.id


def within_length(line: Line, rule: Rule) -> bool:
    return admits(rule, word_count(line.text))


def drop_lines(doc: Document, rule: Rule, lines: list[Line]) -> None:
    """Drop those of `lines` (still in the document, in order) that `rule` matches."""
    hits = [line for line in lines if not line.protected_by and within_length(line, rule)
            and rule.pattern.search(line.text)]
    if hits:
        doc.drop(hits, rule.id, rule.category)


def drop_block(doc: Document, rule: Rule, starts: list[Line]) -> None:
    """Drop each run from a start line (one of `starts` that the rule's start pattern
    matches) to its end line (inclusive), or to the document's end when the rule has no
    `end`. A start without its end, or a run longer than max_lines, is left alone: a
    misfiring block rule must not eat the article."""
    starts = {id(line) for line in starts}
    index = 0
    while index < len(doc.lines):
        line = doc.lines[index]
        if id(line) in starts and within_length(line, rule) and rule.pattern.search(line.text):
            stop = block_end(doc.lines, index, rule)
            if stop is not None:
                doc.drop([l for l in doc.lines[index:stop + 1] if not l.protected_by],
                         rule.id, rule.category)
                index = next((i for i, l in enumerate(doc.lines) if l.number > line.number),
                             len(doc.lines))
                continue
        index += 1


def block_end(lines: list[Line], start: int, rule: Rule) -> int | None:
    last = len(lines) - 1
    if rule.end is not None:
        last = next((i for i in range(start, len(lines)) if rule.end.search(lines[i].text)), None)
        if last is None:
            return None
    if rule.max_lines is not None and last - start + 1 > rule.max_lines:
        return None
    return last


def replace_spans(doc: Document, rule: Rule, lines: list[Line]) -> list[Line]:
    """Rewrite what `rule` matches in `lines`; the lines it changed."""
    edited = []
    for line in lines:
        if not within_length(line, rule):
            continue
        edits = [Edit(line.number, m.start(), m.group(), m.expand(rule.replacement), rule.id)
                 for m in rule.pattern.finditer(line.text) if m.group() or rule.replacement]
        edits = [e for e in edits if e.before != e.after]
        if edits:
            doc.rewrite(line, edits)
            edited.append(line)
    return edited


class RuleApplier:
    """Stage: the YAML rules active for the document's language and outlet."""

    name = "rules"

    def __init__(self, catalog):
        self.catalog = catalog
        self.rule_ids = tuple(RuleInfo(rule.id, rule.category or rule.kind, rule.description)
                              for ruleset in catalog.rulesets for rule in ruleset.rules)

    def __call__(self, doc: Document) -> None:
        apply_rules(doc, self.catalog.active(doc.lang, doc.outlet))
