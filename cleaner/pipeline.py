"""The ordered stages. A Cleaner compiles its rule sets once and reuses them for every call.

Order: decode (HTML -> text) -> encoding -> whitespace -> outlet -> language -> rules
-> captions -> sections -> duplicates -> glue -> layout. The outlet comes first because its
file may declare the language, which then needs no detection. Sections runs after the rules
because it extends the headings they removed to the lists those headings introduce.
"""

import dataclasses
import difflib
import os
from dataclasses import dataclass

from .document import Document, Edit, Removal
from .errors import CleanerError
from .options import Options
from .ruleset import Outlet, RuleSet, builtin_rules_dir, load_rulesets
from .stages.captions import caption_patterns, drop_captions
from .stages.decode import to_text
from .stages.duplicates import drop_duplicates
from .stages.encoding import repair_encoding
from .stages.glue import glue_lexicon, repair_glue
from .stages.language import detect_language
from .stages.layout import layout
from .stages.outlet import fingerprint_prefilter, resolve_outlet
from .stages.rules import apply_rules
from .stages.sections import drop_sections
from .stages.whitespace import normalize_whitespace


@dataclass(frozen=True)
class Result:
    """Clean text plus everything removed and edited, each with its rule id."""

    text: str
    lang: str | None
    outlet: str | None
    removed: tuple[Removal, ...]
    edits: tuple[Edit, ...]
    source: tuple[str, ...]  # the decoded input lines that `removed` and `edits` refer to

    def to_dict(self, include_changes: bool = True) -> dict:
        """A JSON-ready dict; without `include_changes`, just text, lang and outlet."""
        data = {"text": self.text, "lang": self.lang, "outlet": self.outlet}
        if include_changes:
            data["removed"] = [dataclasses.asdict(r) for r in self.removed]
            data["edits"] = [dataclasses.asdict(e) for e in self.edits]
        return data


class Cleaner:
    """Compiled rule sets and options; `clean()` may be called any number of times."""

    def __init__(self, rules=(), *, builtin_rules: bool = True, **options):
        self.options = make_options(options)
        extra = [rules] if isinstance(rules, (str, os.PathLike)) else list(rules)
        paths = ([builtin_rules_dir()] if builtin_rules else []) + extra
        self.rulesets = load_rulesets(paths, self.options.rule_timeout_s)
        self.outlets = merge_outlets(self.rulesets)
        self._fingerprints = fingerprint_prefilter(self.outlets)
        # Word lists are compiled once per outlet: the generic lists plus the outlet's own.
        self._captions, self._lexicons = {}, {}
        for outlet in [None, *self.outlets]:
            lists = self.word_lists(outlet)
            self._captions[outlet] = caption_patterns(lists("credits"), lists("credit_labels"))
            self._lexicons[outlet] = glue_lexicon(lists("names"), lists("protected_words"),
                                                  lists("glue_prefixes"), lists("glue_suffixes"),
                                                  lists("corpus_names"))

    def word_lists(self, outlet: str | None):
        """A function giving the concatenated word list `name` of the generic rule sets
        and the outlet's."""
        sources = [rs for rs in self.rulesets if rs.outlet is None] + self.outlet_rulesets(outlet)
        return lambda name: [word for rs in sources for word in getattr(rs, name)]

    def outlet_rulesets(self, outlet: str | None) -> list[RuleSet]:
        return [rs for rs in self.rulesets if rs.outlet and rs.outlet.id == outlet]

    def active_rulesets(self, lang: str | None, outlet: str | None) -> list[RuleSet]:
        """Generic rule sets, then those for `lang`, then the outlet's."""
        generic = [rs for rs in self.rulesets if rs.outlet is None and rs.lang is None]
        by_lang = [rs for rs in self.rulesets if rs.outlet is None and rs.lang and rs.lang == lang]
        return generic + by_lang + self.outlet_rulesets(outlet)

    def clean(self, text, *, url=None, outlet=None, lang=None, fmt="auto") -> Result:
        """Clean one document (str or bytes; fmt "text", "html" or "auto")."""
        opts = self.options
        source = to_text(text, fmt, url, opts.max_input_bytes).splitlines()
        doc = Document.from_lines(source, url=url, lang=lang)
        if opts.repair_encoding:
            repair_encoding(doc)
        normalize_whitespace(doc)
        resolve_outlet(doc, self.outlets, outlet, self._fingerprints)
        if doc.lang is None and doc.outlet is not None:
            doc.lang = self.outlets[doc.outlet].lang  # an outlet file's language is trusted
        detect_language(doc, opts.lang_sample_chars, opts.lang_min_letters)
        apply_rules(doc, self.active_rulesets(doc.lang, doc.outlet))
        drop_captions(doc, self._captions[doc.outlet], opts.caption_max_words)
        drop_sections(doc)
        drop_duplicates(doc, opts.duplicate_min_chars, opts.near_duplicate_min_words,
                        opts.near_duplicate_jaccard)
        if opts.repair_glue:
            repair_glue(doc, self._lexicons[doc.outlet])
        return Result(layout(doc), doc.lang, doc.outlet,
                      tuple(sorted(doc.removed, key=lambda r: r.line)), tuple(doc.edits),
                      tuple(source))


def make_options(options: dict) -> Options:
    """Options from keyword arguments; an unknown name is a clear error, not a TypeError."""
    for name in options:
        if name not in Options.names():
            close = difflib.get_close_matches(name, Options.names(), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise CleanerError(f"unknown option {name!r}{hint}")
    return Options(**options)


def merge_outlets(rulesets) -> dict[str, Outlet]:
    """One Outlet per id; several files may describe the same outlet (domains add up)."""
    outlets = {}
    for rs in rulesets:
        if rs.outlet is None:
            continue
        known = outlets.get(rs.outlet.id)
        outlets[rs.outlet.id] = rs.outlet if known is None else dataclasses.replace(
            known, domains=known.domains + rs.outlet.domains,
            fingerprints=known.fingerprints + rs.outlet.fingerprints, lang=known.lang or rs.outlet.lang)
    return outlets
