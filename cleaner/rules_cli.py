"""The `cleaner rules` commands: check rule files, list rule ids, print the schema."""

import sys
from pathlib import Path

from . import Cleaner
from .errors import RuleErrors, printable, rules_readable
from .examples import example_cases
from .exits import EXIT_FAILED_DOCS, EXIT_OK, EXIT_USAGE
from .rule_checks import static_warnings
from .rule_files import add_rules_option
from .rule_schema import markdown_table
from .ruleset import RuleSet, builtin_rules_dir, load_rulesets, name_clashes
from .stress import slow_patterns
from .trial.command import add_try_command


def add_rules_commands(sub) -> None:
    """Register `rules check`, `rules list` and `rules schema`."""
    rules = sub.add_parser("rules", help="work with rule files")
    rules.set_defaults(run=lambda _args: usage(rules))
    rules_sub = rules.add_subparsers(metavar="ACTION")
    check = rules_sub.add_parser("check", help="validate rule files and run their examples")
    check.add_argument(
        "dirs",
        nargs="*",
        metavar="DIR",
        help="rule files or directories (default: the bundled rules)",
    )
    check.set_defaults(run=run_rules_check)
    listing = rules_sub.add_parser(
        "list",
        help="list every rule id the pipeline can emit, "
        "built-in and YAML, with its stage, category and description",
    )
    add_rules_option(listing)
    listing.set_defaults(run=run_rules_list)
    add_try_command(rules_sub)
    schema = rules_sub.add_parser("schema", help="print the rule-file format as a Markdown table")
    schema.set_defaults(run=run_rules_schema)


def usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def run_rules_check(args) -> int:
    paths = args.dirs or [builtin_rules_dir()]
    with rules_readable():
        rulesets = load_rulesets(paths)
        bundled = load_rulesets([builtin_rules_dir()]) if args.dirs else ()
    if clashes := name_clashes(bundled + rulesets):  # as `clean --rules` would refuse them
        raise RuleErrors(clashes)
    cases = example_cases(rulesets)
    failures = [(case.id, case.failure()) for case in cases]
    failures = [(case_id, why) for case_id, why in failures if why]
    for case_id, why in failures:
        print(f"FAIL {case_id}: {why}")
    slow = slow_patterns(rulesets)
    for message in slow:
        print(f"SLOW {message}")
    unfiltered = [
        rule
        for rs in rulesets
        if rs.prefilter
        for index, rule in enumerate(rs.rules)
        if index in rs.prefilter.unfiltered
    ]
    for rule in unfiltered:
        print(
            f"NOTE {rule.pattern.where}: rule {rule.id}: its pattern has no RE2 translation "
            "(or the translation misses an example), so it meets every line: same result, slower"
        )
    warnings = static_warnings(context(bundled, rulesets) + rulesets, rulesets if args.dirs else ())
    for warning in warnings:
        print(warning.format())
    rules = sum(len(rs.rules) for rs in rulesets)
    print(
        f"{len(rulesets)} rule files, {rules} rules, {len(cases)} examples: "
        f"{len(cases) - len(failures)} passed, {len(failures)} failed; "
        f"{len(slow)} patterns slow on adversarial lines; {len(unfiltered)} not prefiltered; "
        f"{len(warnings)} warnings"
    )
    return EXIT_FAILED_DOCS if failures or slow else EXIT_OK


def context(bundled, rulesets) -> tuple[RuleSet, ...]:
    """The bundled rule sets that are not among `rulesets` (given again by path)."""
    given = {Path(rs.path).resolve() for rs in rulesets}
    return tuple(rs for rs in bundled if Path(rs.path).resolve() not in given)


# A description in `rules list` is one line of a table: a longer one is cut.
DESCRIPTION_MAX_CHARS = 2_000


def run_rules_list(args) -> int:
    """One tab-separated line per rule id: stage, id, category, description."""
    with rules_readable():
        cleaner = Cleaner(rules=args.rules)
    for name, info in cleaner.rule_table():  # a tab, newline or escape in a description
        description = printable(info.description, DESCRIPTION_MAX_CHARS)  # would break a row
        print(f"{name}\t{info.id}\t{info.category}\t{description}")
    return EXIT_OK


def run_rules_schema(_args) -> int:
    print(markdown_table(), end="")
    return EXIT_OK
