"""The `cleaner` command: argument parsing and printing only; cleaning lives in the pipeline.

Exit codes: 0 all good, 1 some documents failed (the others were written), 2 usage or
configuration error. Errors are one line on stderr, never a traceback.
"""

import argparse
import json
import sys
from pathlib import Path

from . import Cleaner, __version__
from .errors import CleanerError, internal_error
from .examples import example_cases
from .files import JsonlFile, write_atomic
from .explain import explain
from .ruleset import builtin_rules_dir, load_rulesets
from .sources import document_files, mirrored_name, read_document
from .stress import slow_patterns

EXIT_OK, EXIT_FAILED_DOCS, EXIT_USAGE = 0, 1, 2


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        return usage(parser)
    try:
        return args.run(args)
    except CleanerError as err:
        return fail(err)
    except OSError as err:  # an output directory not writable, a full disk
        return fail(f"{err.filename or 'output'}: {err.strerror}", EXIT_FAILED_DOCS)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `head`) has gone; that is not an error
        return EXIT_OK


def fail(err, code=EXIT_USAGE) -> int:
    print(f"cleaner: {err}", file=sys.stderr)
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleaner", description="Strip boilerplate and noise "
                                     "from scraped news articles.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean files, directories or stdin")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    clean.add_argument("-o", "--output", type=Path, help="output file or directory")
    clean.add_argument("--format", choices=("text", "jsonl"), default="text",
                       help="text: clean text files; jsonl: one JSON record per document")
    clean.add_argument("--report", type=Path, help="write one JSON line per document with its "
                       "removals and edits")
    add_document_options(clean)
    clean.set_defaults(run=run_clean)

    show = sub.add_parser("explain", help="show what each rule removed or changed in a document")
    show.add_argument("path", metavar="PATH", help="file, or - for stdin")
    show.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    add_document_options(show)
    show.set_defaults(run=run_explain)

    rules = sub.add_parser("rules", help="work with rule files")
    rules.set_defaults(run=lambda _args: usage(rules))
    rules_sub = rules.add_subparsers(metavar="ACTION")
    check = rules_sub.add_parser("check", help="validate rule files and run their examples")
    check.add_argument("dirs", nargs="*", metavar="DIR", help="rule files or directories "
                       "(default: the bundled rules)")
    check.set_defaults(run=run_rules_check)
    listing = rules_sub.add_parser("list", help="list every rule id the pipeline can emit, "
                                   "built-in and YAML, with its stage, category and description")
    listing.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                         help="extra rule file or directory (repeatable)")
    listing.set_defaults(run=run_rules_list)

    from .batch.cli import add_batch_commands  # here: cleaner.batch imports this module
    add_batch_commands(sub)
    return parser


def usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def add_document_options(parser):
    parser.add_argument("--outlet", help="outlet id (default: from --url or fingerprints)")
    parser.add_argument("--url", help="the document's URL (selects the outlet by domain)")
    parser.add_argument("--lang", help="language code (default: detected)")
    parser.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                        help="extra rule file or directory (repeatable)")
    parser.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                        help="how to read inputs (default: sniff)")


def read_input(path: str) -> bytes:
    """The bytes of a document file (gunzipped if .gz), or of stdin for '-'."""
    return sys.stdin.buffer.read() if path == "-" else read_document(Path(path))


def clean_one(cleaner, data, args, url=None):
    return cleaner.clean(data, url=url or args.url, outlet=args.outlet, lang=args.lang,
                         fmt=args.input_format)


def run_explain(args) -> int:
    cleaner = Cleaner(rules=args.rules)
    try:
        data = read_input(args.path)
    except CleanerError as err:
        raise CleanerError(f"{args.path}: {err}") from None
    result = clean_one(cleaner, data, args)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(explain(result, color))
    print(f"# lang={result.lang} outlet={result.outlet} removed={len(result.removed)} "
          f"edits={len(result.edits)}", file=sys.stderr)
    return EXIT_OK


def run_rules_check(args) -> int:
    paths = args.dirs or [builtin_rules_dir()]
    rulesets = load_rulesets(paths)
    cases = example_cases(rulesets)
    failures = [(case.id, case.failure()) for case in cases]
    failures = [(case_id, why) for case_id, why in failures if why]
    for case_id, why in failures:
        print(f"FAIL {case_id}: {why}")
    slow = slow_patterns(rulesets)
    for message in slow:
        print(f"SLOW {message}")
    unfiltered = [rule for rs in rulesets if rs.prefilter
                  for index, rule in enumerate(rs.rules) if index in rs.prefilter.unfiltered]
    for rule in unfiltered:
        print(f"NOTE {rule.pattern.where}: rule {rule.id}: its pattern has no RE2 translation (or the "
              "translation misses an example), so it meets every line: same result, slower")
    rules = sum(len(rs.rules) for rs in rulesets)
    print(f"{len(rulesets)} rule files, {rules} rules, {len(cases)} examples: "
          f"{len(cases) - len(failures)} passed, {len(failures)} failed; "
          f"{len(slow)} patterns slow on adversarial lines; {len(unfiltered)} not prefiltered")
    return EXIT_FAILED_DOCS if failures or slow else EXIT_OK


def run_rules_list(args) -> int:
    """One tab-separated line per rule id: stage, id, category, description."""
    cleaner = Cleaner(rules=args.rules)
    for stage in cleaner.stages:
        for info in stage.rule_ids:
            print(f"{stage.name}\t{info.id}\t{info.category}\t{info.description}")
    return EXIT_OK


def run_clean(args) -> int:
    cleaner = Cleaner(rules=args.rules)
    jobs = list(plan_jobs(args))
    to_stdout = args.output is None
    if to_stdout and args.format == "text" and len(jobs) > 1:
        raise CleanerError("several inputs need -o OUTPUT_DIR (or --format jsonl for stdout)")
    failed = 0
    jsonl_target = (args.output or Path("-")) if args.format == "jsonl" else None
    with Sink(jsonl_target) as records, \
            Sink(args.report) as report:
        for name, source, target in jobs:
            try:
                result = clean_one(cleaner, read_input(source), args)
            except CleanerError as err:
                failed += 1
                print(f"cleaner: {name}: {err}", file=sys.stderr)
                continue
            except Exception as err:  # a bug must cost one document, not the others
                failed += 1
                print(f"cleaner: {name}: {internal_error(err)}", file=sys.stderr)
                continue
            if args.format == "jsonl":
                records.write({"id": name, **result.to_dict(include_changes=False)})
            elif target is None:
                sys.stdout.write(result.text)
            else:
                write_atomic(target, result.text)
            report.write({"id": name, **result.to_dict()})
    if failed:
        print(f"cleaner: {failed} of {len(jobs)} documents failed", file=sys.stderr)
    return EXIT_FAILED_DOCS if failed else EXIT_OK


def plan_jobs(args):
    """(name, source path or '-', target path or None) for every input document."""
    single = len(args.paths) == 1
    for raw in args.paths:
        path = Path(raw)
        if raw == "-":
            yield "-", "-", None if args.output is None else args.output
        elif path.is_dir():
            if args.output is None and args.format == "text":
                raise CleanerError(f"{raw} is a directory: give -o OUTPUT_DIR")
            for rel in document_files(path):
                mirror = args.output if single else args.output / path.name
                target = None if args.format == "jsonl" else mirror / mirrored_name(rel)
                yield str(path / rel), str(path / rel), target
        elif not path.exists():
            raise CleanerError(f"{raw}: no such file or directory")
        elif args.output is None or args.format == "jsonl":
            yield raw, raw, None
        elif single and not args.output.is_dir():
            yield raw, raw, args.output
        else:
            yield raw, raw, args.output / mirrored_name(path.name)


class Sink:
    """JSON lines streamed to stdout ('-'), or to a file published atomically when the run
    completes (a crash never leaves half a file); None writes nothing."""

    def __init__(self, path: Path | None):
        self.path = path
        self.file = JsonlFile(path) if path is not None and str(path) != "-" else None

    def __enter__(self):
        if self.file is not None:
            self.file.open()
        return self

    def write(self, record: dict) -> None:
        if self.file is not None:
            self.file.write(record)
        elif self.path is not None:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")

    def __exit__(self, kind, *_):
        if self.file is not None:
            self.file.finish(keep=kind is None)
        return False


if __name__ == "__main__":
    sys.exit(main())
