"""Apply YAML rules: protect first, then each rule set's rules in file order.

A rule set's `screen` (its drop patterns joined, per line length) is tested on each line
first: most lines match no rule, and one search then stands in for dozens.
"""

from ..document import Document, Edit, Line
from ..ruleset import DropScreen, Rule, RuleSet, admits, word_count


def apply_rules(doc: Document, rulesets: list[RuleSet]) -> Document:
    """Run the active rule sets (generic first, then the outlet's) over the document."""
    for rule in (rule for ruleset in rulesets for rule in ruleset.rules):
        if rule.kind == "protect":
            protect_lines(doc, rule)
    for ruleset in rulesets:
        screened = screened_lines(doc, ruleset.screen) if ruleset.screen else None
        for rule in ruleset.rules:
            before = len(doc.lines)
            if rule.kind == "drop":
                drop_lines(doc, rule, screened)
            elif rule.kind == "drop_block":
                drop_block(doc, rule)
            elif rule.kind == "replace":
                replace_spans(doc, rule)
            if screened and len(doc.lines) < before:
                alive = {id(line) for line in doc.lines}
                screened = [(line, words) for line, words in screened if id(line) in alive]
    return doc


def screened_lines(doc: Document, screen: DropScreen) -> list[tuple[Line, int]]:
    """(line, word count) of the lines that pass `screen`: the only ones its rules can drop."""
    counted = ((line, word_count(line.text)) for line in doc.lines)
    return [(line, words) for line, words in counted if screen.search(line.text, words)]


def protect_lines(doc: Document, rule: Rule) -> None:
    for line in doc.lines:
        if not line.protected_by and rule.pattern.search(line.text):
            line.protected_by = rule.id


def within_length(line: Line, rule: Rule) -> bool:
    return admits(rule, word_count(line.text))


def drop_lines(doc: Document, rule: Rule, screened: list[tuple[Line, int]] | None) -> None:
    """Drop the lines `rule` matches: among `screened` (lines still in the document with
    their word counts, from screened_lines) or, if it is None, among all."""
    if screened is None:
        screened = [(line, word_count(line.text)) for line in doc.lines]
    hits = [line for line, words in screened
            if not line.protected_by and admits(rule, words) and rule.pattern.search(line.text)]
    if hits:
        doc.drop(hits, rule.id, rule.category)


def drop_block(doc: Document, rule: Rule) -> None:
    """Drop each run from a start line to its end line (inclusive), or to the document's end
    when the rule has no `end`. A start without its end, or a run longer than max_lines,
    is left alone: a misfiring block rule must not eat the article."""
    index = 0
    while index < len(doc.lines):
        line = doc.lines[index]
        if within_length(line, rule) and rule.pattern.search(line.text):
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


def replace_spans(doc: Document, rule: Rule) -> None:
    for line in doc.lines:
        if not within_length(line, rule):
            continue
        edits = [Edit(line.number, m.start(), m.group(), m.expand(rule.replacement), rule.id)
                 for m in rule.pattern.finditer(line.text) if m.group() or rule.replacement]
        edits = [e for e in edits if e.before != e.after]
        if edits:
            doc.rewrite(line, edits)
