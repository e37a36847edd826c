"""YAML rule files -> validated, compiled, immutable rule sets.

Every mistake in a rule file is reported as one RuleError naming the file, line and key.
"""

import difflib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import regex
import yaml

from .errors import RuleError
from .patterns import DEFAULT_TIMEOUT_S, Pattern
from .prefilter import Prefilter

CATEGORIES = (
    "advertisement", "boilerplate", "byline", "caption", "comments", "consent", "credit",
    "donation", "duplicate", "navigation", "newsletter", "paywall", "promo", "related", "share", "tags",
    "timestamp",
)
KINDS = ("drop", "drop_block", "replace", "protect")
FILE_KEYS = ("ruleset", "description", "lang", "outlet", "name", "domains", "fingerprints",
             "rules", "names", "credits", "credit_labels", "protected_words",
             "glue_prefixes", "glue_suffixes", "corpus_names")
RULE_KEYS = ("id", "category", "description", "max_words", "examples") + KINDS
BLOCK_KEYS = ("start", "end", "max_lines")
REPLACE_KEYS = ("pattern", "with")
EXAMPLE_KEYS = ("drop", "keep", "fix")
RULE_ID = regex.compile(r"[a-z0-9][a-z0-9-]*")
TEMPLATE_REF = regex.compile(r"\\(\d+)|\\g<([^>]+)>")


@dataclass(frozen=True)
class Examples:
    """Lines (or multi-line texts) a rule must drop, must keep, and must fix."""

    drop: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    fix: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Rule:
    """One compiled rule. `id` is global: '<ruleset>.<rule id>'."""

    id: str
    kind: str
    category: str | None
    pattern: Pattern
    where: str
    end: Pattern | None = None
    replacement: str | None = None
    max_words: int | None = None
    max_lines: int | None = None
    description: str = ""
    examples: Examples = Examples()


@dataclass(frozen=True)
class Outlet:
    """What identifies an outlet: its id, display name, domains, fingerprints, language."""

    id: str
    name: str
    domains: tuple[str, ...]
    fingerprints: tuple[Pattern, ...]
    lang: str | None


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
    # The rules' patterns in one RE2 pass: which rules could match a line (rule_prefilter).
    prefilter: Prefilter | None = None
    # Names a batch run saw on their own across the corpus (`cleaner learn`): glue evidence.
    corpus_names: tuple[str, ...] = ()


def word_count(text: str) -> int:
    """Words as `max_words` counts them."""
    return len(text.split())


def admits(rule: Rule, words: int) -> bool:
    return rule.max_words is None or words <= rule.max_words


def rule_prefilter(rules: list[Rule]) -> Prefilter | None:
    """The Prefilter of a rule set's patterns. A rule whose prefilter misses one of its own
    examples (a translation RE2 reads otherwise) is left to run on every line instead."""
    if not rules:
        return None
    sources = [rule.pattern.source for rule in rules]
    prefilter = Prefilter(sources)
    for index, rule in enumerate(rules):
        examples = rule.examples.drop + rule.examples.keep + tuple(b for b, _ in rule.examples.fix)
        if any(rule.pattern.search(text) and index not in prefilter.candidates(text)
               for text in examples):
            sources[index] = None
    return prefilter if None not in sources else Prefilter(sources)


def builtin_rules_dir() -> Path:
    """The rule files shipped with the package: the repository's `rules/`, installed as the
    package data `cleaner.rules`; `rules/` beside the package when run from a checkout."""
    spec = importlib.util.find_spec("cleaner.rules")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(paths) -> list[Path]:
    """All *.yaml/*.yml files under `paths` (files or directories), sorted for determinism."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
        elif path.is_file():
            found.append(path)
        else:
            raise RuleError(path, None, None, "no such rule file or directory")
    return found


def load_rulesets(paths, timeout_s: float = DEFAULT_TIMEOUT_S) -> tuple[RuleSet, ...]:
    """Load and validate every rule file under `paths`; ruleset names must be unique."""
    rulesets, seen = [], {}
    for path in rule_files(paths):
        ruleset = load_ruleset(path, timeout_s)
        if ruleset.name in seen:
            raise RuleError(path, None, "ruleset",
                            f"name {ruleset.name!r} is already used by {seen[ruleset.name]}; "
                            "rename the file or set a different `ruleset:`")
        seen[ruleset.name] = path
        rulesets.append(ruleset)
    return tuple(rulesets)


def load_ruleset(path, timeout_s: float = DEFAULT_TIMEOUT_S) -> RuleSet:
    """Parse and validate one rule file."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except UnicodeDecodeError:
        raise RuleError(path, None, None, "not UTF-8 text; save the rule file as UTF-8") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise RuleError(path, mark.line + 1 if mark else None, None,
                        f"malformed YAML: {problem}") from None
    if data is None:
        data = _Mapping()
    if not isinstance(data, dict):
        raise RuleError(path, 1, None, "a rule file must be a mapping with a `rules:` list")
    return _FileReader(path, timeout_s).ruleset(data)


class _Mapping(dict):
    """A YAML mapping that remembers the line of each key."""

    line = 1

    def __init__(self):
        super().__init__()
        self.key_lines = {}


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader whose mappings remember their lines; libyaml's parser where PyYAML was
    built with it (its wheels are): it loads the rule files an order of magnitude faster,
    at every process start."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicated key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _FileReader:
    """Validates one parsed file; every error names the file, line and key."""

    def __init__(self, path: Path, timeout_s: float):
        self.path, self.timeout_s = path, timeout_s

    def fail(self, mapping, key, problem):
        line = mapping.key_lines.get(key.rsplit(".", 1)[-1], mapping.line) if mapping else None
        raise RuleError(self.path, line, key, problem)

    def check_keys(self, mapping, allowed, context):
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; valid keys: {', '.join(allowed)}"
                line = mapping.key_lines.get(key, mapping.line)
                raise RuleError(self.path, line, f"{context}{key}", f"unknown key{hint}")

    def ruleset(self, data) -> RuleSet:
        self.check_keys(data, FILE_KEYS, "")
        name = self.string(data, "ruleset", default=self.path.stem)
        self.name = name
        lang = self.string(data, "lang", default=None)
        rules = data.get("rules", [])
        if not isinstance(rules, list):
            self.fail(data, "rules", "must be a list of rules")
        compiled = [self.rule(rule, f"rules[{i}]") for i, rule in enumerate(rules)]
        first_line = {}
        for index, raw in enumerate(rules):
            if raw["id"] in first_line:
                self.fail(raw, f"rules[{index}].id", f"duplicated rule id {raw['id']!r} "
                          f"(first used on line {first_line[raw['id']]})")
            first_line[raw["id"]] = raw.line
        return RuleSet(
            prefilter=rule_prefilter(compiled),
            name=name, path=str(self.path), rules=tuple(compiled), lang=lang,
            outlet=self.outlet(data, lang) if "outlet" in data else None,
            description=self.string(data, "description", default=""),
            names=self.strings(data, "names"), credits=self.strings(data, "credits"),
            credit_labels=self.strings(data, "credit_labels"),
            protected_words=self.strings(data, "protected_words"),
            glue_prefixes=self.strings_by_lang(data, "glue_prefixes"),
            glue_suffixes=self.strings_by_lang(data, "glue_suffixes"),
            corpus_names=self.strings(data, "corpus_names"),
        )

    def outlet(self, data, lang) -> Outlet:
        outlet_id = self.string(data, "outlet")
        return Outlet(
            id=outlet_id, name=self.string(data, "name", default=outlet_id),
            domains=tuple(d.lower().removeprefix("www.") for d in self.strings(data, "domains")),
            fingerprints=tuple(self.pattern(p, data, "fingerprints", f"{self.name}.fingerprint")
                               for p in self.strings(data, "fingerprints")),
            lang=lang,
        )

    def rule(self, raw, context) -> Rule:
        if not isinstance(raw, dict):
            raise RuleError(self.path, None, context, "each rule must be a mapping with `id:`")
        self.check_keys(raw, RULE_KEYS, f"{context}.")
        if "id" not in raw:
            self.fail(raw, context, "missing `id:`; give every rule a short unique id")
        rule_id = raw["id"]
        if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
            self.fail(raw, f"{context}.id", "must be lower-case letters, digits and hyphens")
        kinds = [k for k in KINDS if k in raw]
        if len(kinds) != 1:
            self.fail(raw, context, f"needs exactly one of {', '.join(KINDS)} (found {len(kinds)})")
        kind = kinds[0]
        category = raw.get("category")
        if kind in ("drop", "drop_block") or category is not None:
            if category not in CATEGORIES:
                close = difflib.get_close_matches(str(category), CATEGORIES, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; one of: {', '.join(CATEGORIES)}"
                self.fail(raw, f"{context}.category", f"missing or unknown category {category!r}{hint}")
        full_id = f"{self.name}.{rule_id}"
        fields = dict(id=full_id, kind=kind, category=category,
                      where=f"{self.path}:{raw.line}", description=raw.get("description", ""),
                      max_words=self.count(raw, "max_words", context))
        body = raw[kind]
        if kind in ("drop", "protect"):
            fields["pattern"] = self.pattern(body, raw, f"{context}.{kind}", full_id)
        elif kind == "drop_block":
            if not isinstance(body, dict):
                self.fail(raw, f"{context}.drop_block", "must be a mapping with `start:` (and `end:`)")
            self.check_keys(body, BLOCK_KEYS, f"{context}.drop_block.")
            if "start" not in body:
                self.fail(body, f"{context}.drop_block", "missing `start:` pattern")
            fields["pattern"] = self.pattern(body["start"], body, f"{context}.drop_block.start", full_id)
            if "end" in body:
                fields["end"] = self.pattern(body["end"], body, f"{context}.drop_block.end", full_id)
            fields["max_lines"] = self.count(body, "max_lines", f"{context}.drop_block")
        else:
            if not isinstance(body, dict) or "pattern" not in body or "with" not in body:
                self.fail(raw, f"{context}.replace", "must be a mapping with `pattern:` and `with:`")
            self.check_keys(body, REPLACE_KEYS, f"{context}.replace.")
            fields["pattern"] = self.pattern(body["pattern"], body, f"{context}.replace.pattern", full_id)
            if not isinstance(body["with"], str):
                self.fail(body, f"{context}.replace.with", "must be a string (use '' to delete)")
            fields["replacement"] = body["with"]
            self.check_replacement(fields["pattern"], body)
        fields["examples"] = self.examples(raw, kind, context)
        return Rule(**fields)

    def check_replacement(self, pattern, body):
        compiled = pattern.compiled
        for number, name in TEMPLATE_REF.findall(body["with"]):
            ref = number or name
            known = int(ref) <= compiled.groups if ref.isdigit() else ref in compiled.groupindex
            if not known:
                self.fail(body, "with", f"refers to group {ref!r}, which the pattern does not have")

    def examples(self, raw, kind, context) -> Examples:
        examples = raw.get("examples")
        if examples is None:
            self.fail(raw, f"{context}", "missing `examples:`; list lines the rule must "
                      "`drop` (or `fix`) and lines it must `keep`")
        if not isinstance(examples, dict):
            self.fail(raw, f"{context}.examples", "must be a mapping with `drop:`/`fix:` and `keep:`")
        self.check_keys(examples, EXAMPLE_KEYS, f"{context}.examples.")
        wanted = {"replace": "fix", "protect": "keep"}.get(kind, "drop")
        if not examples.get(wanted):
            self.fail(examples, f"{context}.examples.{wanted}",
                      f"a {kind} rule needs at least one `{wanted}` example")
        unwanted = [k for k in examples if k != "keep" and k != wanted]
        if unwanted:
            self.fail(examples, f"{context}.examples.{unwanted[0]}",
                      f"a {kind} rule takes `{wanted}` and `keep` examples")
        fix = examples.get("fix") or []
        if not isinstance(fix, list) or not all(isinstance(f, dict) and set(f) == {"before", "after"}
                                                 and all(isinstance(v, str) for v in f.values())
                                                 for f in fix):
            self.fail(examples, f"{context}.examples.fix",
                      "must be a list of {before: ..., after: ...} mappings")
        return Examples(drop=self.strings(examples, "drop", context=f"{context}.examples."),
                        keep=self.strings(examples, "keep", context=f"{context}.examples."),
                        fix=tuple((f["before"], f["after"]) for f in fix))

    def pattern(self, source, mapping, key, owner) -> Pattern:
        if not isinstance(source, str) or not source:
            self.fail(mapping, key, "must be a non-empty regular expression string")
        try:
            return Pattern(source, owner, f"{self.path}:{mapping.key_lines.get(key.rsplit('.', 1)[-1], mapping.line)}",
                           self.timeout_s)
        except regex.error as err:
            self.fail(mapping, key, f"pattern {source!r} does not compile: {err}")

    def string(self, mapping, key, default=...):
        if key not in mapping:
            if default is ...:
                self.fail(mapping, key, "missing")
            return default
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(mapping, key, "must be a non-empty string")
        return value

    def strings(self, mapping, key, context="") -> tuple[str, ...]:
        value = mapping.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(mapping, f"{context}{key}", "must be a list of non-empty strings")
        return tuple(value)

    def strings_by_lang(self, mapping, key) -> tuple[tuple[str, tuple[str, ...]], ...]:
        value = mapping.get(key, {})
        if not isinstance(value, dict):
            self.fail(mapping, key, "must be a mapping from a language code to a list of words")
        return tuple((lang, self.strings(value, lang, context=f"{key}.")) for lang in value)

    def count(self, mapping, key, context):
        value = mapping.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            self.fail(mapping, f"{context}.{key}", "must be a whole number of at least 1")
        return value
