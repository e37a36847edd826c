"""The compiled rule model: one class per rule kind, each applying itself to a document.

A rule set's rules run in file order (stages/rules.py); `protect` rules run before all the
others, so no rule of any file removes or edits a line a `protect` rule claims.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from .document import Document, Edit, Line
from .patterns import Pattern
from .prefilter import Prefilter
from .slices import word_count
from .stages.whitespace import SPACE_RUN, TRIM


def rewritten(text: str, edits: list[Edit]) -> str:
    """`text` with `edits` (in order, not overlapping, offsets into `text`) applied."""
    pieces, done = [], 0
    for edit in edits:
        pieces += [text[done : edit.offset], edit.after]
        done = edit.offset + len(edit.before)
    return "".join(pieces) + text[done:]


@dataclass(frozen=True)
class Examples:
    """Lines (or multi-line texts) a rule must drop, must keep, and must fix."""

    drop: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    fix: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Rule:
    """What every kind shares. `id` is global: '<ruleset>.<rule id>'; `where` is file:line."""

    # The YAML key that declares the kind (the examples each kind needs: rule_schema).
    kind: ClassVar[str]
    # Whether the rule runs over the whole document before any other rule does.
    runs_first: ClassVar[bool] = False

    id: str
    category: str | None
    pattern: Pattern
    where: str
    max_words: int | None = None
    description: str = ""
    examples: Examples = Examples()

    @property
    def patterns(self) -> tuple[Pattern, ...]:
        """Every pattern the rule runs (`cleaner rules check` stress-tests each)."""
        return (self.pattern,)

    def admits(self, text: str) -> bool:
        """Whether a line this long is within the rule's `max_words`."""
        return self.max_words is None or word_count(text) <= self.max_words

    def applies_to(self, line: Line) -> bool:
        """Whether the rule may act on `line` and its pattern matches it."""
        return (
            not line.protected_by
            and self.admits(line.text)
            and bool(self.pattern.search(line.text))
        )

    @property
    def removal_category(self) -> str:
        """The category of the lines the rule removes: the loader requires one of a rule
        that removes lines."""
        if self.category is None:
            raise ValueError(f"{self.where}: rule {self.id} removes lines but has no category")
        return self.category

    def apply(self, doc: Document, lines: list[Line]) -> list[Line]:
        """Act on those of `lines` (still in `doc`, in order) the rule matches; the lines
        whose text it changed, which later rules must see again."""
        raise NotImplementedError


@dataclass(frozen=True)
class Drop(Rule):
    """Drop each line the pattern matches."""

    kind: ClassVar[str] = "drop"

    def apply(self, doc: Document, lines: list[Line]) -> list[Line]:
        hits = [line for line in lines if self.applies_to(line)]
        if hits:
            doc.drop(hits, self.id, self.removal_category)
        return []


@dataclass(frozen=True)
class DropBlock(Rule):
    """Drop each run from a start line (the pattern) to its end line (inclusive), or to the
    document's end without `end`. A start without its end, or a run longer than
    `max_lines`, is left alone: a misfiring block rule must not eat the article."""

    kind: ClassVar[str] = "drop_block"

    end: Pattern | None = None
    max_lines: int | None = None

    @property
    def patterns(self) -> tuple[Pattern, ...]:
        return (self.pattern,) if self.end is None else (self.pattern, self.end)

    def apply(self, doc: Document, lines: list[Line]) -> list[Line]:
        """Drop the blocks in one pass over the lines left (a block's protected lines stay
        and are read again), then from the document at once: dropping each block from the
        document in turn took time quadratic in the blocks (24,000 blocks: 26 s)."""
        starts = {id(line) for line in lines}
        left, dropped = list(doc.lines), []
        index, endless = 0, False  # endless: no end line after a start, so after none later
        while index < len(left) and not endless:
            line = left[index]
            if id(line) in starts and self.admits(line.text) and self.pattern.search(line.text):
                stop = self.block_end(left, index)
                endless = stop is None and self.end is not None and self.max_lines is None
                if stop is not None:
                    block = left[index : stop + 1]
                    dropped += [kept for kept in block if not kept.protected_by]
                    left[index : stop + 1] = [kept for kept in block if kept.protected_by]
                    index += 1 if line.protected_by else 0  # on after the block's first line
                    continue
            index += 1
        if dropped:
            doc.drop(dropped, self.id, self.removal_category)
        return []

    def block_end(self, lines: list[Line], start: int) -> int | None:
        """The index of the block's last line, or None if the block is not to be dropped.
        The end is looked for no further than `max_lines` (a block past it stays)."""
        stop = len(lines) if self.max_lines is None else min(len(lines), start + self.max_lines)
        if self.end is None:
            last = len(lines) - 1
            return last if last < stop else None
        return next((i for i in range(start, stop) if self.end.search(lines[i].text)), None)


@dataclass(frozen=True)
class Replace(Rule):
    """Rewrite what the pattern matches with `replacement` (a template: \\1, \\g<name>)."""

    kind: ClassVar[str] = "replace"

    replacement: str = ""

    def apply(self, doc: Document, lines: list[Line]) -> list[Line]:
        """Rewrite the lines; a line the rewrite would leave blank goes instead, whole, as a
        removal of this rule (category `boilerplate` unless the rule names one)."""
        edited, blanked = [], []
        for line in lines:
            if not self.admits(line.text):
                continue
            edits = [
                Edit(line.number, m.start(), m.group(), m.expand(self.replacement), self.id)
                for m in self.pattern.finditer(line.text)
                if m.group() or self.replacement
            ]
            edits = [e for e in edits if e.before != e.after]
            if edits and not rewritten(line.text, edits).strip():
                blanked.append(line)
            elif edits:
                doc.rewrite(line, edits)
                self.tidy_spacing(doc, line)
                edited.append(line)
        if blanked:
            doc.drop(blanked, self.id, self.category or "boilerplate")
        return edited

    def tidy_spacing(self, doc: Document, line: Line) -> None:
        """Leave the rewritten line spaced as the whitespace stage leaves every line (its
        trim and collapse passes), by edits under this rule's id."""
        for pattern, replacement in ((TRIM, ""), (SPACE_RUN, " ")):
            edits = [
                Edit(line.number, m.start(), m.group(), replacement, self.id)
                for m in pattern.finditer(line.text)
                if m.group() != replacement
            ]
            if edits:
                doc.rewrite(line, edits)


@dataclass(frozen=True)
class Protect(Rule):
    """Claim each line the pattern matches, so that no other rule drops or edits it."""

    kind: ClassVar[str] = "protect"
    runs_first: ClassVar[bool] = True

    def apply(self, doc: Document, lines: list[Line]) -> list[Line]:
        for line in lines:
            if not line.protected_by and self.pattern.search(line.text):
                line.protected_by = self.id
        return []


# The kinds by their YAML key, in the order the rule-format documentation lists them.
RULE_KINDS: dict[str, type[Rule]] = {
    kind.kind: kind for kind in (Drop, DropBlock, Replace, Protect)
}


@dataclass(frozen=True)
class Outlet:
    """What identifies an outlet: its id, display name, domains, fingerprints, language;
    `where` is the file:line that declares its domains (or its id)."""

    id: str
    name: str
    domains: tuple[str, ...]
    fingerprints: tuple[Pattern, ...]
    lang: str | None
    where: str = ""


@dataclass(frozen=True)
class RuleSet:
    """The rules of one YAML file, plus the word lists it declares."""

    name: str
    path: str
    rules: tuple[Rule, ...]
    lang: str | None = None
    outlet: Outlet | None = None
    description: str = ""
    names: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    credit_labels: tuple[str, ...] = ()
    protected_words: tuple[str, ...] = ()
    # Per language: word-forming prefixes and suffixes glue repair never splits off.
    glue_prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    glue_suffixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The rules' patterns in one RE2 pass: which rules could match a line (rule_loader).
    prefilter: Prefilter | None = None
    # Names a batch run saw on their own across the corpus (`cleaner learn`): glue evidence.
    corpus_names: tuple[str, ...] = ()


def rule_prefilter(rules: Sequence[Rule]) -> Prefilter | None:
    """The Prefilter of a rule set's patterns. A rule whose prefilter misses one of its own
    examples (a translation RE2 reads otherwise) is left to run on every line instead."""
    if not rules:
        return None
    sources: list[str | None] = [rule.pattern.source for rule in rules]
    prefilter = Prefilter(sources)
    for index, rule in enumerate(rules):
        examples = rule.examples.drop + rule.examples.keep + tuple(b for b, _ in rule.examples.fix)
        if any(
            rule.pattern.search(text) and index not in prefilter.candidates(text)
            for text in examples
        ):
            sources[index] = None
    return prefilter if None not in sources else Prefilter(sources)
