"""Loading rule files: YAML -> validated, compiled, immutable rule sets.

Finding and reading files is rule_files, the format is rule_schema, checking and compiling
is rule_loader, and the rules themselves are rule_model. Every mistake in the rule files is
reported (RuleErrors, one line per problem) naming the file, line and key.
"""

import importlib.util
import os
from pathlib import Path

from .errors import RuleError, RuleErrors
from .patterns import DEFAULT_TIMEOUT_S
from .rule_files import Mapping, parse_yaml, read_text, rule_files
from .rule_loader import FileChecker
from .rule_model import Outlet, Rule, RuleSet

__all__ = ["Outlet", "Rule", "RuleSet", "builtin_rules_dir", "load_ruleset", "load_rulesets"]


def builtin_rules_dir() -> Path:
    """The rule files shipped with the package: the repository's `rules/`, installed as the
    package data `cleaner.rules`; `rules/` beside the package when run from a checkout."""
    spec = importlib.util.find_spec("cleaner.rules")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "rules"


def load_rulesets(paths, timeout_s: float = DEFAULT_TIMEOUT_S) -> tuple[RuleSet, ...]:
    """Load and validate every rule file under `paths`; ruleset names must be unique. Raises
    RuleErrors with the problems of every file, not only the first."""
    rulesets: list[RuleSet] = []
    problems: list[RuleError] = []
    for path in rule_files(paths):
        try:
            rulesets.append(load_ruleset(path, timeout_s))
        except RuleError as error:
            problems += getattr(error, "errors", (error,))
    problems += name_clashes(rulesets)
    if problems:
        raise RuleErrors(problems)
    return tuple(rulesets)


def name_clashes(rulesets) -> list[RuleError]:
    """A RuleError for each rule set whose name an earlier one (another file) already took."""
    seen: dict[str, str] = {}  # ruleset name -> the file that first declared it
    clashes = []
    for ruleset in rulesets:
        first = seen.setdefault(ruleset.name, ruleset.path)
        if os.path.realpath(first) != os.path.realpath(ruleset.path):
            clashes.append(
                RuleError(
                    Path(ruleset.path),
                    None,
                    "ruleset",
                    f"name {ruleset.name!r} is already used by {first}; "
                    "rename the file or set a different `ruleset:`",
                )
            )
    return clashes


def load_ruleset(path, timeout_s: float = DEFAULT_TIMEOUT_S) -> RuleSet:
    """Parse and validate one rule file."""
    path = Path(path)
    data = parse_yaml(path, read_text(path))
    if not isinstance(data, Mapping):
        raise RuleError(path, 1, None, "a rule file must be a mapping with a `rules:` list")
    return FileChecker(path, timeout_s).finish(data)
