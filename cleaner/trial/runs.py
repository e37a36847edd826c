"""The two runs `cleaner rules try` compares: each document cleaned once up to the rules
stage (the base run's snapshot, which can be cached), then finished with the base rules
and, where the rules under trial could change anything, with them as well.

Everything before the rules stage (decoding, encoding, whitespace) depends on no rule file,
so both runs share it; the outlet and language are resolved again for the trial, whose files
may declare an outlet. Glue repair is left out of both: it only edits kept lines, removes
none, and costs a third of a document's time. What a run cleans is otherwise exactly what
`cleaner batch` cleans: the record's URL, language field and format.
"""

import dataclasses
from collections.abc import Sequence
from dataclasses import astuple, dataclass

from ..catalog import RuleCatalog
from ..deadline import time_limit
from ..document import Document, Edit, Line, Removal
from ..metadata import language_code, usable_url
from ..options import Options
from ..pipeline import build_stages
from ..rule_model import RuleSet
from ..stage import Stage
from ..stages.decode import to_text
from ..stages.language import LanguageDetector
from ..stages.outlet import OutletResolver, outlet_by_fingerprint, outlet_by_url
from ..stages.rules import RuleApplier

FIRST_RULE_STAGE = "rules"
NOT_COMPARED = frozenset({"glue"})


@dataclass
class Snapshot:
    """A document of the base run, in plain tuples (they pickle and load fast): its lines as
    the rules stage meets them (number, text, position), the removals and edits made before
    (with each removal's position), its outlet and language then and its record's language
    hint; the lines the base run removed in the end; and its gold text."""

    id: object
    url: str | None
    hint: str | None
    outlet: str | None
    lang: str | None
    lines: tuple[tuple[int, str, int], ...]
    earlier: tuple[tuple[tuple[object, ...], int], ...]
    edits: tuple[tuple[object, ...], ...]
    removed: tuple[tuple[object, ...], ...]  # Removal fields
    rule_edits: int  # edits the base run made from the rules stage on
    gold: str | None = None

    def document(self, outlet: str | None, lang: str | None) -> Document:
        """The document as the rules stage meets it, with this outlet and language."""
        doc = Document([Line(*line) for line in self.lines], self.url, lang, outlet)
        for fields, position in self.earlier:
            removal = Removal(*fields)  # type: ignore[arg-type]
            doc.removed.append(removal)
            doc.removed_positions[removal.line] = position
        doc.edits = [Edit(*fields) for fields in self.edits]  # type: ignore[arg-type]
        return doc

    def base_removals(self) -> dict[int, Removal]:
        """The base run's removals by input line."""
        removals = (Removal(*fields) for fields in self.removed)  # type: ignore[arg-type]
        return {removal.line: removal for removal in removals}


@dataclass(frozen=True)
class Pipeline:
    """The stages of one run, split where the rules stage begins."""

    catalog: RuleCatalog
    before: tuple[Stage, ...]
    after: tuple[Stage, ...]

    @classmethod
    def of(cls, options: Options, rulesets: Sequence[RuleSet]) -> "Pipeline":
        catalog = RuleCatalog.of(rulesets)
        stages = build_stages(dataclasses.replace(options, repair_glue=False), catalog)
        names = [stage.name for stage in stages]
        cut = names.index(FIRST_RULE_STAGE)
        after = tuple(s for s in stages[cut:] if s.name not in NOT_COMPARED)
        return cls(catalog, tuple(stages[:cut]), after)

    def with_rules(self, rulesets: Sequence[RuleSet]) -> "Pipeline":
        """This pipeline with other rules (the same outlets and word lists): only its rules
        stage is built anew, since the stages after it read no rule."""
        catalog = RuleCatalog.of(rulesets)
        after = tuple(RuleApplier(catalog) if s.name == FIRST_RULE_STAGE else s for s in self.after)
        return Pipeline(catalog, self.before, after)


def outlet_lang(catalog: RuleCatalog, outlet: str | None) -> str | None:
    """The language an outlet's files declare, if any."""
    return catalog.outlets[outlet].lang if outlet in catalog.outlets else None


def copy_doc(doc: Document) -> Document:
    """A copy of `doc` whose lines and records can change without touching `doc`."""
    return Document(
        [Line(line.number, line.text, line.position, line.protected_by) for line in doc.lines],
        doc.url,
        doc.lang,
        doc.outlet,
        list(doc.removed),
        list(doc.edits),
        dict(doc.removed_positions),
    )


def finish(stages: Sequence[Stage], doc: Document) -> Document:
    """A copy of `doc` through `stages`."""
    done = copy_doc(doc)
    for stage in stages:
        stage(done)
    return done


def snapshot(base: Pipeline, options: Options, record, gold_field: str | None) -> Snapshot:
    """The base run of one batch Record (raises CleanerError for a bad document)."""
    url = usable_url(record.url)
    with time_limit(options.doc_time_limit_s):
        decoded = to_text(record.data, record.fmt, url, options)
        hint = language_code(record.lang)
        doc = Document.from_lines(decoded.lines, url=url, lang=hint)
        decoded.apply(doc)
        for stage in base.before:
            stage(doc)
        done = finish(base.after, doc)
    gold = record.meta.get(gold_field) if gold_field else None
    return Snapshot(
        record.id,
        url,
        hint,
        doc.outlet,
        doc.lang,
        tuple((line.number, line.text, line.position) for line in doc.lines),
        tuple((astuple(r), doc.removed_positions[r.line]) for r in doc.removed),
        tuple(astuple(e) for e in doc.edits),
        tuple(astuple(r) for r in done.removed),
        len(done.edits) - len(doc.edits),
        gold if isinstance(gold, str) else None,
    )


def trial_outlet(
    base: RuleCatalog, trial: Pipeline, shot: Snapshot
) -> tuple[str | None, str | None]:
    """The outlet the trial's files give the document (by URL, else fingerprint, as the
    outlet stage does for batch, which names none), and so its language: the hint, else the
    outlet's, else the one detected in the base run, unless that was the base outlet's."""
    outlets = trial.catalog.outlets
    resolver = next(s for s in trial.before if isinstance(s, OutletResolver))
    outlet = outlet_by_url(shot.url, outlets) or outlet_by_fingerprint(
        shot.document(None, None), outlets, resolver.prefilter
    )
    lang = shot.hint or outlet_lang(trial.catalog, outlet)
    if lang is None and outlet_lang(base, shot.outlet) is None:
        lang = shot.lang  # detected on these same lines
    return outlet, lang


def trial_entry(shot: Snapshot, outlet: str | None, lang: str | None, options: Options):
    """The document as the trial's rules stage meets it; its language detected if need be."""
    doc = shot.document(outlet, lang)
    if lang is None:
        LanguageDetector(options.lang_sample_chars, options.lang_min_letters)(doc)
    return doc


def could_change(
    outlet: str | None, lang: str | None, shot: Snapshot, trial: Pipeline, tried: Sequence[RuleSet]
) -> bool:
    """Whether the files under trial (`tried`) can change anything in this document: it gets
    another outlet or language, or one of their files for it lists caption credits, or one of
    their active rules matches a line (or the base rules edited a line, which it may match)."""
    if outlet != shot.outlet or lang != shot.lang:
        return True
    if any(
        (rs.outlet is None or rs.outlet.id == outlet) and (rs.credits or rs.credit_labels)
        for rs in tried
    ):
        return True
    own = {id(rs) for rs in tried}
    active = [rs for rs in trial.catalog.active(lang, outlet) if id(rs) in own and rs.rules]
    if not active:
        return False
    return shot.rule_edits > 0 or any(matches_a_line(rs, shot.lines) for rs in active)


def matches_a_line(ruleset: RuleSet, lines: Sequence[tuple[int, str, int]]) -> bool:
    """Whether a rule of `ruleset` (a drop_block by its start) matches one of the lines."""
    every = range(len(ruleset.rules))
    for _, text, _ in lines:
        for index in ruleset.prefilter.candidates(text) if ruleset.prefilter else every:
            rule = ruleset.rules[index]
            if rule.admits(text) and rule.pattern.search(text):
                return True
    return False
