"""`cleaner rules try RULES CORPUS...`: clean a corpus with and without the rule files RULES
(the bundled rules, and any --rules, are always on) and report, rule by rule, what they would
change; a dry run that writes nothing but its report (and its cache of the base run)."""

import json
import os
import time
from pathlib import Path
from typing import Any

from ..batch.arguments import add_field_options, job_count
from ..batch.readers import Fields, check_inputs, read_inputs
from ..catalog import RuleCatalog
from ..errors import UsageError, rules_readable
from ..exits import EXIT_OK
from ..options import Options
from ..rule_checks import blocked_block_ends, domain_conflicts
from ..rule_files import add_rules_option, rule_files
from ..ruleset import RuleSet, builtin_rules_dir, load_rulesets
from .cache import default_cache_dir, load_run, run_key, save_run
from .checks import block_warnings, effect_warnings
from .compare import Trial
from .report import format_report, headline, rule_reports
from .runs import Pipeline
from .work import base_run, trial_run


def add_try_command(rules_sub) -> None:
    """Register `rules try` on the `rules` subcommands."""
    tryout = rules_sub.add_parser(
        "try",
        help="report what rule files would change on a corpus, rule by rule (a dry run)",
    )
    tryout.add_argument("tried", type=Path, metavar="RULES", help="rule file or directory to try")
    tryout.add_argument(
        "inputs",
        nargs="+",
        metavar="CORPUS",
        help="what `cleaner batch` reads: directory, .jsonl(.gz/.zst), .warc(.gz), .txt/.html file",
    )
    add_rules_option(tryout, "rule files on in both runs, as the bundled ones (repeatable)")
    tryout.add_argument(
        "--input-format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read documents (default: by file suffix, else sniff)",
    )
    add_field_options(tryout)
    add_report_options(tryout)
    tryout.set_defaults(run=run_try)


def add_report_options(tryout) -> None:
    """The gold field, the report's form, and how the runs are made."""
    tryout.add_argument(
        "--gold-field",
        metavar="FIELD",
        help="JSONL field with each document's reference article text: "
        "report the gold lines a rule removes",
    )
    tryout.add_argument("--json", action="store_true", help="print the report as one JSON object")
    tryout.add_argument(
        "--jobs",
        "-j",
        type=job_count,
        default=os.cpu_count() or 1,
        help="worker processes (default: all cores)",
    )
    tryout.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where the base run is kept between tries (default {default_cache_dir()})",
    )
    tryout.add_argument(
        "--no-cache", action="store_true", help="make the base run anew, keep nothing"
    )


def run_try(args) -> int:
    started = time.perf_counter()
    check_inputs(args.inputs)
    options = Options()
    rulesets, tried = load_tried(args)
    base_sets = tuple(rs for rs in rulesets if all(rs is not t for t in tried))
    shots, failed = base_snapshots(args, base_sets, options)
    trial = Trial(options, RuleCatalog.of(base_sets), Pipeline.of(options, rulesets), tried)
    done = trial_run(trial, shots, args.jobs)
    rules = [rule for rs in tried for rule in rs.rules]
    reports = rule_reports((c for doc in done for c in doc.changes), rules)
    warnings = (
        domain_conflicts(rulesets)
        + blocked_block_ends(rulesets, tried)
        + block_warnings((b for doc in done for b in doc.blocks), {r.id: r for r in rules})
        + effect_warnings(reports)
    )
    counts = {
        "documents": len(shots),
        "failed": failed,
        "changed": sum(1 for doc in done if doc.changes),
        "seconds": round(time.perf_counter() - started, 2),
    }
    print_report(args.json, counts, len(rules), reports, warnings)
    return EXIT_OK


def load_tried(args) -> tuple[tuple[RuleSet, ...], tuple[RuleSet, ...]]:
    """Every rule set (bundled, --rules, tried) in load order, and the tried ones."""
    with rules_readable():
        tried_paths = {Path(p).resolve() for p in rule_files([args.tried])}
        rulesets = load_rulesets([builtin_rules_dir(), *args.rules, args.tried])
    tried = tuple(rs for rs in rulesets if Path(rs.path).resolve() in tried_paths)
    if not tried:
        raise UsageError(f"{args.tried}: no rule files to try")
    return rulesets, tried


def print_report(as_json: bool, counts: dict[str, Any], rules: int, reports, warnings) -> None:
    """The report as one JSON object, or as text: headline, each rule, the warnings."""
    if as_json:
        report = {
            **counts,
            "rules": [report.to_dict() for report in reports],
            "warnings": [warning.to_dict() for warning in warnings],
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(headline(counts, rules))
    for report in reports:
        print("\n".join(format_report(report)))
    for warning in warnings:
        print(warning.format())


def cache_folder(given: Path | None) -> Path:
    """--cache DIR, or the default; a file there is a usage error."""
    if given is None:
        return default_cache_dir()
    if given.exists() and not given.is_dir():
        raise UsageError(f"--cache {str(given)!r}: not a directory; give a folder for the cache")
    return given


def base_snapshots(args, base_sets, options: Options):
    """The base run: from the cache if it holds this one, else made (and cached)."""
    fields = Fields(args.id_field, args.text_field, args.url_field, args.lang_field)
    settings = (fields, args.input_format, args.gold_field)
    folder = cache_folder(args.cache)
    key = run_key(args.inputs, settings, base_sets, options)
    keep = not args.no_cache and "-" not in args.inputs  # stdin cannot be fingerprinted
    cached = load_run(folder, key) if keep else None
    if cached is not None:
        return cached
    records = list(
        read_inputs(args.inputs, fields, args.input_format, "jsonl", options.max_input_bytes)
    )
    base = Pipeline.of(options, base_sets)
    shots, failed = base_run(base, options, records, args.gold_field, args.jobs)
    if keep:
        save_run(folder, key, (shots, failed))
    return shots, failed
