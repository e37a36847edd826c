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
        starts = {id(line) for line in lines}
        index = 0
        while index < len(doc.lines):
            line = doc.lines[index]
            if id(line) in starts and self.admits(line.text) and self.pattern.search(line.text):
                stop = self.block_end(doc.lines, index)
                if stop is not None:
                    doc.drop(
                        [kept for kept in doc.lines[index : stop + 1] if not kept.protected_by],
                        self.id,
                        self.removal_category,
                    )
                    index = next(
                        (i for i, later in enumerate(doc.lines) if later.number > line.number),
                        len(doc.lines),
                    )
                    continue
            index += 1
        return []

    def block_end(self, lines: list[Line], start: int) -> int | None:
        """The index of the block's last line, or None if the block is not to be dropped."""
        last: int | None = len(lines) - 1
        if self.end is not None:
            last = next(
                (i for i in range(start, len(lines)) if self.end.search(lines[i].text)), None
            )
        if last is None:
            return None
        if self.max_lines is not None and last - start + 1 > self.max_lines:
            return None
        return last


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
