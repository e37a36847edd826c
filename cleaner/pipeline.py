"""The ordered stages. A Cleaner builds each stage once, from its options and rule sets, and
runs the list over every document.

Order: decode (HTML -> text) -> encoding -> whitespace -> outlet -> language -> rules ->
captions -> line model -> sections -> duplicates -> article span -> glue, then layout. The
outlet comes first because its file may declare the language, which then needs no detection.
Sections runs after the rules because it extends the headings they removed to the lists those
headings introduce.
The line model runs after the rules, so that protected lines are known, and before sections and
duplicates, whose rules read only the rules' removals. The article span comes last
of the removals, so that it reads every line the others removed as evidence of page chrome.
"""

import copy
import dataclasses
import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .catalog import RuleCatalog
from .deadline import Deadline, time_limit
from .document import Document, Edit, Removal, RuleInfo
from .errors import ConfigError
from .metadata import language_code, usable_url
from .options import Options, value_problem
from .ruleset import builtin_rules_dir, load_rulesets
from .stage import Stage
from .stages.article_span import ArticleSpan
from .stages.captions import CaptionDropper
from .stages.decode import RULE_IDS as DECODE_RULE_IDS
from .stages.decode import to_text
from .stages.duplicates import DuplicateDropper
from .stages.encoding import EncodingRepair
from .stages.glue import GlueRepair
from .stages.language import LanguageDetector
from .stages.layout import layout
from .stages.line_model import LineModel
from .stages.outlet import OutletResolver
from .stages.rules import RuleApplier
from .stages.sections import SectionDropper
from .stages.whitespace import WhitespaceNormalizer


@dataclass(frozen=True)
class Result:
    """Clean text plus everything removed and edited, each with its rule id."""

    text: str
    lang: str | None
    outlet: str | None
    removed: tuple[Removal, ...]
    edits: tuple[Edit, ...]
    source: tuple[str, ...]  # the decoded input lines that `removed` and `edits` refer to
    # The input line number of each line of `text`, in order: where the kept lines stood
    # among the removed ones (blank input lines leave no other trace).
    kept_lines: tuple[int, ...] = ()

    @classmethod
    def of(cls, doc: Document, source: list[str]) -> "Result":
        """The result of a document all stages have seen; removals in input order."""
        return cls(
            layout(doc),
            doc.lang,
            doc.outlet,
            tuple(sorted(doc.removed, key=lambda r: r.line)),
            tuple(doc.edits),
            tuple(source),
            tuple(line.number for line in doc.lines),
        )

    def to_dict(self, include_changes: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; without `include_changes`, just text, lang and outlet."""
        data: dict[str, Any] = {"text": self.text, "lang": self.lang, "outlet": self.outlet}
        if include_changes:
            data["removed"] = [removal_dict(r) for r in self.removed]
            data["edits"] = [dataclasses.asdict(e) for e in self.edits]
        return data


class Cleaner:
    """Options, rule sets and the stages built from them; `clean()` may be called any number
    of times, and the Cleaner never changes after construction."""

    def __init__(self, rules=(), *, builtin_rules: bool = True, **options):
        self.options = make_options(options)
        extra = rule_paths(rules)
        paths = ([builtin_rules_dir()] if builtin_rules else []) + extra
        self.catalog = RuleCatalog.of(load_rulesets(paths, self.options.rule_timeout_s))
        self.stages: tuple[Stage, ...] = build_stages(self.options, self.catalog)

    @property
    def rulesets(self):
        return self.catalog.rulesets

    @property
    def outlets(self):
        return self.catalog.outlets

    def stage(self, name: str) -> Stage:
        """The stage called `name` (see each stage's `name`)."""
        return next(stage for stage in self.stages if stage.name == name)

    def rule_ids(self) -> list[RuleInfo]:
        """Every rule id the stages can emit, built-in and YAML, in pipeline order."""
        return [info for _, info in self.rule_table()]

    def rule_table(self) -> list[tuple[str, RuleInfo]]:
        """(stage name, rule) for every rule id, decoding's first: `cleaner rules list`."""
        return [("decode", info) for info in DECODE_RULE_IDS] + [
            (stage.name, info) for stage in self.stages for info in stage.rule_ids
        ]

    def wrapped(self, wrap: Callable[[Stage], Stage]) -> "Cleaner":
        """A copy whose every stage is wrap(stage): to time or trace the stages."""
        wrapped = copy.copy(self)
        wrapped.stages = tuple(wrap(stage) for stage in self.stages)
        return wrapped

    def clean(self, text, *, url=None, outlet=None, lang=None, fmt="auto") -> Result:
        """Clean one document (str or bytes; fmt "text", "html" or "auto") within
        Options.doc_time_limit_s (DocumentTimeout)."""
        with time_limit(self.options.doc_time_limit_s) as deadline:
            return self._clean(text, usable_url(url), outlet, language_code(lang), fmt, deadline)

    def warm_up(self) -> None:
        """Make the one-time loads (language profiles, the English word list) now, outside
        any time limit, so that a worker's first document is not charged for them."""
        self._clean(WARM_UP_TEXT, None, None, None, "text", Deadline())

    def _clean(self, text, url, outlet, lang, fmt, deadline: Deadline) -> Result:
        """The stages over one document; `deadline` checked after each, where a timeout
        lost in a __del__ or GC callback is raised again."""
        decoded = to_text(text, fmt, url, self.options)
        deadline.check()
        doc = Document.from_lines(
            decoded.lines, url=url, lang=lang, outlet=outlet, extracted=decoded.extracted
        )
        decoded.apply(doc)
        for stage in self.stages:
            stage(doc)
            deadline.check()
        return Result.of(doc, decoded.lines)


# A sentence that takes every stage through its lazy loads (see Cleaner.warm_up).
WARM_UP_TEXT = "The committee met on Monday to discuss the budget for the coming year.\n"


def build_stages(options: Options, catalog: RuleCatalog) -> tuple[Stage, ...]:
    """The pipeline's stages in order, each built once; the repairs only if switched on."""
    encoding: list[Stage] = [EncodingRepair()] if options.repair_encoding else []
    glue: list[Stage] = (
        [GlueRepair(catalog, html=options.repair_glue_html)] if options.repair_glue else []
    )
    model: list[Stage] = [LineModel()] if options.line_model else []
    span: list[Stage] = [ArticleSpan(options.comment_threads)] if options.article_span else []
    return (
        *encoding,
        WhitespaceNormalizer(),
        OutletResolver(catalog.outlets),
        LanguageDetector(options.lang_sample_chars, options.lang_min_letters),
        RuleApplier(catalog),
        CaptionDropper(catalog, options.caption_max_words),
        *model,
        SectionDropper(options.comment_threads),
        DuplicateDropper(
            options.duplicate_min_chars,
            options.near_duplicate_min_words,
            options.near_duplicate_jaccard,
            frozenset(rule.id for ruleset in catalog.rulesets for rule in ruleset.rules),
        ),
        *span,
        *glue,
    )


def removal_dict(removal: Removal) -> dict[str, Any]:
    """A removal as a dict; evidence only where there is some, so a rule's removal reads
    as it always has."""
    data = dataclasses.asdict(removal)
    if data["evidence"] is None:
        del data["evidence"]
    return data


def rule_paths(rules) -> list[str | os.PathLike[str]]:
    """`rules` (a path, or an iterable of paths; None for none) as a list of paths."""
    if rules is None:
        return []
    if isinstance(rules, str | os.PathLike):
        return [rules]
    if not isinstance(rules, Iterable) or isinstance(rules, bytes):
        raise ConfigError(f"rules: expected a path or a list of paths, got {rules!r}")
    paths = list(rules)
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            raise ConfigError(f"rules: expected a path, got {path!r}")
    return paths


def make_options(options: dict[str, Any]) -> Options:
    """Options from keyword arguments; an unknown name is a clear error, not a TypeError."""
    for name in options:
        if name not in Options.names():
            close = difflib.get_close_matches(name, Options.names(), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"unknown option {name!r}{hint}")
        if problem := value_problem(name, options[name]):
            raise ConfigError(f"option {name}: {problem}")
    return Options(**options)
