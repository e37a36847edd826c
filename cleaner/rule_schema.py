"""The rule-file format as one table: key, type, required, meaning, per kind of mapping.

The loader validates every mapping against its table (unknown keys, missing keys, value
types), and docs/rules.md shows the same table, generated: `cleaner rules schema`.
"""

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

CATEGORIES = (
    "advertisement",
    "boilerplate",
    "byline",
    "caption",
    "comments",
    "consent",
    "credit",
    "donation",
    "duplicate",
    "navigation",
    "newsletter",
    "paywall",
    "promo",
    "related",
    "share",
    "tags",
    "timestamp",
)


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_words(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


@dataclass(frozen=True)
class ValueType:
    """A kind of value: its name in the docs, its test, and what to write instead."""

    name: str
    valid: Callable[[object], bool]
    expected: str
    choices: tuple[str, ...] = ()

    def problem(self, value) -> str:
        """What is wrong with an invalid `value`, with the closest choice if there are any."""
        close = difflib.get_close_matches(str(value), self.choices, n=1)
        return f"unknown {value!r}; did you mean {close[0]!r}?" if close else self.expected


TEXT = ValueType("text", _is_text, "must be a non-empty string")
TEMPLATE = ValueType(
    "template", lambda v: isinstance(v, str), "must be a string (use '' to delete)"
)
PATTERN = ValueType(
    "pattern",
    lambda v: isinstance(v, str) and bool(v),
    "must be a non-empty regular expression string",
)
PATTERNS = ValueType(
    "pattern or list of patterns",
    lambda v: (isinstance(v, str) and bool(v)) or (_is_words(v) and bool(v)),
    "must be a regular expression, or a non-empty list of them (alternatives)",
)
WORDS = ValueType("list of text", _is_words, "must be a list of non-empty strings")
PATTERN_LIST = ValueType(
    "list of patterns", _is_words, "must be a list of regular expression strings"
)
WORDS_BY_LANG = ValueType(
    "language -> list of text",
    lambda v: isinstance(v, dict) and all(map(_is_words, v.values())),
    "must be a mapping from a language code to a list of non-empty strings",
)
COUNT = ValueType(
    "whole number >= 1",
    lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
    "must be a whole number of at least 1",
)
CATEGORY = ValueType(
    "category", lambda v: v in CATEGORIES, f"must be one of: {', '.join(CATEGORIES)}", CATEGORIES
)
MAPPING = ValueType("mapping", lambda v: isinstance(v, dict), "must be a mapping")
LIST = ValueType("list", lambda v: isinstance(v, list), "must be a list")


@dataclass(frozen=True)
class Key:
    """One key of a mapping in a rule file."""

    name: str
    type: ValueType
    required: str  # "yes", "no", or when it is required
    meaning: str


FILE = (
    Key(
        "ruleset",
        TEXT,
        "no",
        "the rule set's name, the prefix of its rule ids (default: the "
        "file name without `.yaml`); unique among the files loaded",
    ),
    Key("description", TEXT, "no", "what the file is for"),
    Key(
        "lang",
        TEXT,
        "no",
        "generic file: apply only to documents in this language; outlet "
        "file: the outlet's language, trusted instead of detection",
    ),
    Key("outlet", TEXT, "no", "makes this an outlet file: the outlet's id"),
    Key("name", TEXT, "no", "the outlet's display name (default: its id)"),
    Key("domains", WORDS, "no", "the outlet's domains (subdomains match)"),
    Key(
        "fingerprints", PATTERN_LIST, "no", "patterns that identify the outlet from the text alone"
    ),
    Key("rules", LIST, "no", "the rules, each a mapping as below"),
    Key("names", WORDS, "no", 'names glue repair may trust ("Vladimir Putin")'),
    Key("credits", WORDS, "no", 'photo-credit names ("AFP") for the caption stage'),
    Key("credit_labels", WORDS, "no", 'photo-credit labels ("Photo") for the caption stage'),
    Key("protected_words", WORDS, "no", 'tokens glue repair never splits ("iPhone")'),
    Key(
        "glue_prefixes",
        WORDS_BY_LANG,
        "no",
        "per language: glue repair never splits right after these",
    ),
    Key(
        "glue_suffixes",
        WORDS_BY_LANG,
        "no",
        "per language: glue repair never splits right before these",
    ),
    Key("corpus_names", WORDS, "no", "names seen on their own across a corpus (`cleaner learn`)"),
)
RULE = (
    Key(
        "id",
        TEXT,
        "yes",
        "lower-case letters, digits and hyphens; unique in its file; the "
        "global id is `<ruleset>.<id>`",
    ),
    Key(
        "category",
        CATEGORY,
        "for drop, drop_block",
        "what the rule removes; turns on the heuristics of that category",
    ),
    Key("description", TEXT, "no", "what the rule is for"),
    Key(
        "max_words",
        COUNT,
        "no",
        "act only on lines of at most this many words (for drop_block: its start line)",
    ),
    Key(
        "drop",
        PATTERNS,
        "one kind",
        "drop every line the pattern matches (anywhere in the line: "
        "anchor with `^`/`$`); a list is a list of alternatives",
    ),
    Key("drop_block", MAPPING, "one kind", "drop from a start line through its end line (below)"),
    Key("replace", MAPPING, "one kind", "rewrite what a pattern matches within lines (below)"),
    Key("protect", PATTERNS, "one kind", "no rule or heuristic may drop or edit a matching line"),
    Key("examples", MAPPING, "yes", "texts the rule must drop, keep or fix"),
)
DROP_BLOCK = (
    Key("start", PATTERNS, "yes", "the block's first line"),
    Key("end", PATTERNS, "no", "the block's last line; without it, the document's last line"),
    Key("max_lines", COUNT, "no", "a longer block is left alone"),
)
REPLACE = (
    Key("pattern", PATTERN, "yes", "what to rewrite"),
    Key("with", TEMPLATE, "yes", "its replacement: `\\1`, `\\g<name>` refer to groups"),
)
EXAMPLES = (
    Key(
        "drop",
        WORDS,
        "for drop, drop_block",
        "texts the rule must drop entirely (`\\n` separates the lines of a block)",
    ),
    Key(
        "keep",
        WORDS,
        "for protect",
        "texts the rule must leave alone; for protect, lines it must match",
    ),
    Key(
        "fix",
        LIST,
        "for replace",
        "`{before: ..., after: ...}` pairs; the fixed text must "
        "stay fixed when the rule runs again",
    ),
)
# Each mapping of a rule file, as the docs name it.
SCHEMA = {
    "file": FILE,
    "rule": RULE,
    "drop_block": DROP_BLOCK,
    "replace": REPLACE,
    "examples": EXAMPLES,
}


def keys(table: tuple[Key, ...]) -> dict[str, Key]:
    return {key.name: key for key in table}


def markdown_table() -> str:
    """The schema as the Markdown table docs/rules.md carries (a test holds them equal)."""
    rows = ["| mapping | key | type | required | meaning |", "| --- | --- | --- | --- | --- |"]
    for mapping, table in SCHEMA.items():
        rows += [
            f"| {mapping} | `{key.name}` | {key.type.name} | {key.required} | "
            f"{key.meaning.replace('|', '&#124;')} |"
            for key in table
        ]
    return "\n".join(rows) + "\n"


def required_for(key: Key, kind: str) -> bool:
    """Whether a rule of `kind` needs `key` ("yes", or "for drop, drop_block")."""
    return key.required == "yes" or (
        key.required.startswith("for ") and kind in key.required[4:].split(", ")
    )


def misspelled(mapping: Mapping[Any, Any], name: str, known) -> bool:
    """Whether an unknown key of `mapping` is closest to `name` (reported as unknown, so
    `name` is not reported missing as well)."""
    return any(
        difflib.get_close_matches(str(key), known, n=1) == [name]
        for key in mapping
        if key not in known
    )
