"""A parsed rule file -> a compiled RuleSet, checked against the schema (rule_schema).

Every problem of a file is collected, each as `file:line: key: problem`, and reported together
(RuleErrors), so one `cleaner rules check` shows them all.
"""

import difflib
from pathlib import Path
from typing import Any

import regex

from .errors import CONTROL, RuleError, RuleErrors
from .patterns import MAX_GROUP_DEPTH, Pattern, group_depth, joined
from .rule_files import Mapping
from .rule_model import RULE_KINDS, Examples, Outlet, Rule, RuleSet, rule_prefilter
from .rule_schema import (
    DROP_BLOCK,
    EXAMPLES,
    FILE,
    REPLACE,
    RULE,
    Key,
    keys,
    misspelled,
    required_for,
)

# A rule's patterns together (its alternatives joined) are at most this long: the longest
# bundled one has 2,673 characters; a longer one is a list pasted in, or aliases repeated.
MAX_PATTERN_CHARS = 100_000

RULE_ID = regex.compile(r"[a-z0-9][a-z0-9-]*")
KIND_KEYS = tuple(RULE_KINDS)
NOT_MAPPING = "each rule must be a mapping with `id:`"


class FileChecker:
    """Builds one file's RuleSet, collecting every problem instead of stopping at the first."""

    def __init__(self, path: Path, timeout_s: float):
        self.path, self.timeout_s = path, timeout_s
        self.problems: list[RuleError] = []

    def report(self, mapping, key: str, problem: str, context: str = "") -> None:
        line = mapping.line_of(key) if isinstance(mapping, Mapping) else None
        self.problems.append(RuleError(self.path, line, f"{context}{key}", problem))

    def check(self, mapping: Mapping, table: tuple[Key, ...], context: str) -> bool:
        """Report unknown, missing and ill-typed keys of `mapping`; whether it had none."""
        before, known = len(self.problems), keys(table)
        for key, value in mapping.items():
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {', '.join(known)}"
                self.report(mapping, str(key), f"unknown key; {hint}", context)
            elif not known[key].type.valid(value):
                self.report(mapping, key, known[key].type.problem(value), context)
        for key in known.values():
            if (
                key.required == "yes"
                and key.name not in mapping
                and not misspelled(mapping, key.name, known)
            ):
                self.report(mapping, key.name, f"missing `{key.name}:`; {key.meaning}", context)
        return len(self.problems) == before

    def valid(self, mapping: Mapping, table: tuple[Key, ...], name: str, default):
        """mapping[name] if present and of its type (else it was reported), else `default`."""
        value = mapping.get(name, default)
        return value if value is default or keys(table)[name].type.valid(value) else default

    def finish(self, data: Mapping) -> RuleSet:
        """The file's RuleSet, or RuleErrors with every problem found."""
        self.check(data, FILE, "")
        name = self.valid(data, FILE, "ruleset", self.path.stem)
        lang = self.valid(data, FILE, "lang", None)
        raw_rules = self.valid(data, FILE, "rules", [])
        rules = [
            self.rule(raw, f"rules[{i}].", name, data.line_of("rules"))
            for i, raw in enumerate(raw_rules)
        ]
        self.check_unique_ids(raw_rules)
        # RuleSet fields by name: the word lists, and the per-language affix lists.
        words: dict[str, Any] = {
            key: tuple(self.valid(data, FILE, key, []))
            for key in ("names", "credits", "credit_labels", "protected_words", "corpus_names")
        }
        by_lang: dict[str, Any] = {
            key: tuple(
                (lang_code, tuple(words))
                for lang_code, words in self.valid(data, FILE, key, {}).items()
            )
            for key in ("glue_prefixes", "glue_suffixes")
        }
        outlet = self.outlet(data, lang, name) if "outlet" in data else None
        if self.problems:
            raise RuleErrors(sorted(self.problems, key=lambda problem: problem.line or 0))
        valid = [rule for rule in rules if rule is not None]  # all of them: no problems
        return RuleSet(
            name=name,
            path=str(self.path),
            rules=tuple(valid),
            lang=lang,
            outlet=outlet,
            description=self.valid(data, FILE, "description", ""),
            prefilter=rule_prefilter(valid),
            **words,
            **by_lang,
        )

    def check_unique_ids(self, raw_rules: list[Any]) -> None:
        first_line: dict[str, int] = {}
        for index, raw in enumerate(raw_rules):
            rule_id = raw.get("id") if isinstance(raw, Mapping) else None
            if not isinstance(rule_id, str):
                continue
            if rule_id in first_line:
                self.report(
                    raw,
                    "id",
                    f"duplicated rule id {rule_id!r} (first used on line {first_line[rule_id]})",
                    f"rules[{index}].",
                )
            first_line.setdefault(rule_id, raw.line)

    def outlet(self, data: Mapping, lang: str | None, ruleset: str) -> Outlet:
        outlet_id = self.valid(data, FILE, "outlet", "")
        fingerprints = [
            self.pattern(source, data, "fingerprints", "", f"{ruleset}.fingerprint")
            for source in self.valid(data, FILE, "fingerprints", [])
        ]
        domains = self.valid(data, FILE, "domains", [])
        return Outlet(
            id=outlet_id,
            name=self.valid(data, FILE, "name", outlet_id),
            domains=tuple(d.lower().removeprefix("www.") for d in domains),
            fingerprints=tuple(p for p in fingerprints if p is not None),
            lang=lang,
            where=f"{self.path}:{data.line_of('domains') or data.line_of('outlet')}",
        )

    def rule(self, raw, context: str, ruleset: str, rules_line: int) -> Rule | None:
        """The rule's object, or None (its problems reported); `rules_line` is the line of
        `rules:`, for a rule that is no mapping and so has no line of its own."""
        if not isinstance(raw, Mapping):
            self.problems.append(RuleError(self.path, rules_line, context.rstrip("."), NOT_MAPPING))
            return None
        before = len(self.problems)
        self.check(raw, RULE, context)
        rule_id = self.valid(raw, RULE, "id", "")
        if rule_id and not RULE_ID.fullmatch(rule_id):
            self.report(raw, "id", "must be lower-case letters, digits and hyphens", context)
        kinds = [key for key in KIND_KEYS if key in raw]
        if len(kinds) != 1:
            self.report(
                raw,
                context.rstrip("."),
                f"needs exactly one of {', '.join(KIND_KEYS)} (found {len(kinds)})",
            )
            return None
        kind = RULE_KINDS[kinds[0]]
        self.check_category(raw, kind.kind, context)
        full_id = f"{ruleset}.{rule_id}"
        fields = self.kind_fields(kind.kind, raw, context, full_id)
        examples = self.examples(raw.get("examples"), kind.kind, context)
        if len(self.problems) > before or fields is None:
            return None
        return kind(
            id=full_id,
            category=raw.get("category"),
            where=f"{self.path}:{raw.line}",
            description=raw.get("description", ""),
            max_words=raw.get("max_words"),
            examples=examples,
            **fields,
        )

    def check_category(self, raw: Mapping, kind: str, context: str) -> None:
        """Report a missing `category:` where the rule's kind needs one."""
        needed = required_for(keys(RULE)["category"], kind)
        if needed and "category" not in raw and not misspelled(raw, "category", keys(RULE)):
            self.report(raw, "category", f"missing; a {kind} rule needs a category", context)

    def kind_fields(
        self, kind: str, raw: Mapping, context: str, owner: str
    ) -> dict[str, Any] | None:
        """The fields particular to the rule's kind; None if its body is not valid."""
        body, here = raw[kind], f"{context}{kind}."
        if not keys(RULE)[kind].type.valid(body):  # reported by check()
            return None
        if kind in ("drop", "protect"):
            return {"pattern": self.pattern(body, raw, kind, context, owner)}
        table = DROP_BLOCK if kind == "drop_block" else REPLACE
        if not isinstance(body, Mapping) or not self.check(body, table, here):
            return None
        if kind == "replace":
            pattern = self.pattern(body["pattern"], body, "pattern", here, owner)
            if pattern is not None:
                self.check_template(pattern, body, here)
            return {"pattern": pattern, "replacement": body["with"]}
        end = self.pattern(body["end"], body, "end", here, owner) if "end" in body else None
        return {
            "pattern": self.pattern(body["start"], body, "start", here, owner),
            "end": end,
            "max_lines": body.get("max_lines"),
        }

    def check_template(self, pattern: Pattern, body: Mapping, context: str) -> None:
        """Expand the template once on an empty match that has every group of the pattern,
        so a bad template fails here and not on each matching document."""
        empty = regex.compile(f"(?:{pattern.source})?").match("")
        assert empty is not None, "an optional pattern matches the empty string"
        template = body["with"]
        try:
            odd = CONTROL.search(empty.expand(template))
            problem = f"holds {odd.group()!a}; a replacement is text on its line" if odd else None
        except IndexError:
            problem = "refers to a group the pattern does not have"
        except (regex.error, ValueError) as err:  # ValueError: chr() of an escape like \U0011FFFF
            problem = f"is not valid: {err}"
        if problem:
            self.report(body, "with", f"template `{template}` {problem}", context)

    def pattern(
        self, source, mapping: Mapping, key: str, context: str, owner: str
    ) -> Pattern | None:
        """The compiled pattern (a list: its alternatives joined), or None if it is invalid."""
        alternatives = source if isinstance(source, list) else [source]
        if sum(len(a) for a in alternatives if isinstance(a, str)) > MAX_PATTERN_CHARS:
            self.report(
                mapping,
                key,
                f"its patterns run past {MAX_PATTERN_CHARS:,} characters; "
                "split the rule (a 3 MB alternation took 30 s and 0.9 GB to compile)",
                context,
            )
            return None
        for alternative in alternatives:
            if not isinstance(alternative, str) or not alternative:
                self.report(mapping, key, "must be a non-empty regular expression string", context)
                return None
            if group_depth(alternative) > MAX_GROUP_DEPTH:
                self.report(
                    mapping, key, f"nests groups over {MAX_GROUP_DEPTH} deep; simplify it", context
                )
                return None
            try:
                regex.compile(alternative)
            except (regex.error, ValueError) as err:  # ValueError: flags such as (?au)
                self.report(
                    mapping, key, f"pattern {alternative!r} does not compile: {err}", context
                )
                return None
        try:
            return Pattern(
                joined(alternatives), owner, f"{self.path}:{mapping.line_of(key)}", self.timeout_s
            )
        except (ValueError, regex.error) as err:
            self.report(mapping, key, str(err), context)
            return None

    def examples(self, examples, kind: str, context: str) -> Examples:
        """The rule's examples; those its kind needs, and no others but `keep`."""
        if not isinstance(examples, Mapping):  # missing or ill-typed: reported by check()
            return Examples()
        here = f"{context}examples."
        self.check(examples, EXAMPLES, here)
        for key in EXAMPLES:
            if required_for(key, kind) and not examples.get(key.name):
                self.report(
                    examples,
                    key.name,
                    f"a {kind} rule needs at least one `{key.name}` example",
                    here,
                )
            elif key.name in examples and key.name != "keep" and not required_for(key, kind):
                wanted = next(k.name for k in EXAMPLES if required_for(k, kind))
                self.report(
                    examples, key.name, f"a {kind} rule takes `{wanted}` and `keep` examples", here
                )
        written = examples.get("fix")
        fixes = written if isinstance(written, list) else []
        if not all(
            isinstance(f, Mapping)
            and set(f) == {"before", "after"}
            and all(isinstance(v, str) for v in f.values())
            for f in fixes
        ):
            self.report(
                examples, "fix", "must be a list of {before: ..., after: ...} mappings", here
            )
            fixes = []
        return Examples(
            drop=tuple(self.valid(examples, EXAMPLES, "drop", [])),
            keep=tuple(self.valid(examples, EXAMPLES, "keep", [])),
            fix=tuple((f["before"], f["after"]) for f in fixes),
        )
