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
from dataclasses import dataclass

from ..catalog import RuleCatalog
from ..deadline import time_limit
from ..document import Document, Line, Removal
from ..metadata import language_code, usable_url
from ..options import Options
from ..pipeline import build_stages
from ..rule_model import RuleSet
from ..stage import Stage
from ..stages.decode import to_text
from ..stages.language import LanguageDetector
from ..stages.outlet import OutletResolver

FIRST_RULE_STAGE = "rules"
NOT_COMPARED = frozenset({"glue"})


@dataclass
class Snapshot:
    """A document of the base run: its state as the rules stage meets it (`entry`), the
    language hint of its record, the lines the base run removed, and its gold text."""

    id: object
    entry: Document
    hint: str | None
    removed: tuple[Removal, ...]
    rule_edits: int  # edits the base run made from the rules stage on
    gold: str | None = None


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

    def outlet_lang(self, outlet: str | None) -> str | None:
        return self.catalog.outlets[outlet].lang if outlet in self.catalog.outlets else None


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
    with time_limit(options.doc_time_limit_s):
        decoded = to_text(record.data, record.fmt, usable_url(record.url), options.max_input_bytes)
        hint = language_code(record.lang)
        doc = Document.from_lines(decoded.lines, url=usable_url(record.url), lang=hint)
        decoded.apply(doc)
        for stage in base.before:
            stage(doc)
        done = finish(base.after, doc)
    gold = record.meta.get(gold_field) if gold_field else None
    return Snapshot(
        record.id,
        doc,
        hint,
        tuple(done.removed),
        len(done.edits) - len(doc.edits),
        gold if isinstance(gold, str) else None,
    )


def trial_entry(base: Pipeline, trial: Pipeline, shot: Snapshot, options: Options) -> Document:
    """The snapshot's document with the outlet (and so the language) the trial's files give
    it; the language is detected again only where the base run took its outlet's."""
    doc = copy_doc(shot.entry)
    doc.outlet, doc.lang = None, shot.hint
    resolver = next(s for s in trial.before if isinstance(s, OutletResolver))
    resolver(doc)
    if doc.lang is None:
        if shot.hint is None and base.outlet_lang(shot.entry.outlet) is None:
            doc.lang = shot.entry.lang  # detected on these same lines
        else:
            LanguageDetector(options.lang_sample_chars, options.lang_min_letters)(doc)
    return doc


def could_change(entry: Document, shot: Snapshot, trial: Pipeline, tried: Sequence[RuleSet]):
    """Whether the files under trial (`tried`) can change anything in this document: it gets
    another outlet, or one of their active files lists caption credits, or one of their active
    rules matches a line (or the base rules edited a line, which the rule may then match)."""
    if entry.outlet != shot.entry.outlet:
        return True
    own = {id(rs) for rs in tried}
    active = [rs for rs in trial.catalog.active(entry.lang, entry.outlet) if id(rs) in own]
    credited = [
        rs
        for rs in tried
        if (rs.outlet is None or rs.outlet.id == entry.outlet) and (rs.credits or rs.credit_labels)
    ]
    if credited:
        return True
    if not any(rs.rules for rs in active):
        return False
    return shot.rule_edits > 0 or any(matches_a_line(rs, entry) for rs in active)


def matches_a_line(ruleset: RuleSet, doc: Document) -> bool:
    """Whether a rule of `ruleset` (a drop_block by its start) matches one of the lines."""
    for line in doc.lines:
        indices = (
            ruleset.prefilter.candidates(line.text)
            if ruleset.prefilter
            else range(len(ruleset.rules))
        )
        for index in indices:
            rule = ruleset.rules[index]
            if rule.admits(line.text) and rule.pattern.search(line.text):
                return True
    return False
