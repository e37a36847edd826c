"""The `cleaner` command: argument parsing and printing only; cleaning lives in the pipeline.

Exit codes are in cleaner.exits. Errors are one line on stderr, never a traceback.
"""

import argparse
import errno
import os
import sys
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .batch.cli import add_batch_commands
from .batch.remains_cli import add_remains_command
from .document_args import add_document_options, command_cleaner
from .errors import (
    MESSAGE_MAX_CHARS,
    CleanerError,
    RuleErrors,
    UsageError,
    internal_error,
    printable,
)
from .exits import (
    EXIT_FAILED_DOCS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    exit_code,
)
from .explain_cli import add_explain_command
from .files import JsonlWriter, write_atomic
from .interrupts import Terminated, terminate_as_interrupt
from .limit_options import add_limit_options
from .lock import output_locks
from .output_names import refuse_compressed
from .report.cli import add_report_command
from .rules_cli import add_rules_commands, usage
from .safepaths import (
    contained_path,
    input_name,
    path_text,
    refuse_collisions,
    refuse_directories,
    refuse_files_inside,
    refuse_inside_inputs,
    refuse_replacing,
    refuse_shared_targets,
    refuse_special_files,
)
from .sources import document_files, file_format, mirrored_name, read_listed, read_source


def main(argv=None) -> int:
    stand_in_for_closed_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        return usage(parser)
    try:
        with terminate_as_interrupt():
            code: int = args.run(args)
        return code
    except CleanerError as err:
        return fail(err, exit_code(err))
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `head`) has gone; that is not an error
        return EXIT_OK
    except OSError as err:  # an output directory not writable, a full disk
        return fail(f"{err.filename or 'output'}: {err.strerror or err}", EXIT_FAILED_DOCS)
    except Terminated:
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as err:  # noqa: BLE001 -- a bug: one line, not a traceback
        return fail(internal_error(err), EXIT_FAILED_DOCS)


class ClosedStream:
    """Stands for a standard stream the caller closed (`<&-`, `>&-`): any use of it is an
    OSError naming it, which the command reports in one line, not an AttributeError."""

    def __init__(self, name: str):
        self.name = name

    def flush(self) -> None:
        """Nothing to flush (Python flushes stdout at exit)."""

    def __getattr__(self, attribute: str):
        raise OSError(errno.EBADF, "is closed", self.name)


def stand_in_for_closed_streams() -> None:
    """A closed stdin or stdout becomes a ClosedStream; a closed stderr (cron, a daemon)
    becomes /dev/null, so that the run's diagnostics cannot stop its output from being
    written: the exit status and the errors file still tell."""
    if sys.stdin is None:
        sys.stdin = ClosedStream("standard input")
    if sys.stdout is None:
        sys.stdout = ClosedStream("standard output")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 -- for the life of the process


def fail(err, code: int = EXIT_USAGE) -> int:
    """Each problem on one line of stderr (RuleErrors: one per problem); a line break in a
    file name or a template it quotes is escaped, not printed."""
    problems = err.errors if isinstance(err, RuleErrors) else (err,)
    for problem in problems:
        print(f"cleaner: {printable(str(problem), MESSAGE_MAX_CHARS)}", file=sys.stderr)
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner", description="Strip boilerplate and noise from scraped news articles."
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")

    add_clean_commands(sub)
    add_rules_commands(sub)
    add_batch_commands(sub)
    add_remains_command(sub)
    add_report_command(sub)
    return parser


def add_clean_commands(sub) -> None:
    """Register `clean` (and `explain`, cleaner/explain_cli.py): one document or a few
    files at a time."""
    clean = sub.add_parser("clean", help="clean files, directories or stdin")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    clean.add_argument(
        "-o", "--output", type=output_path, help="output file or directory (-: standard output)"
    )
    clean.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text: clean text files; jsonl: one JSON record per document",
    )
    clean.add_argument(
        "--report", type=Path, help="write one JSON line per document with its removals and edits"
    )
    add_document_options(clean)
    add_limit_options(clean)
    clean.set_defaults(run=run_clean)
    add_explain_command(sub)


def output_path(text: str) -> Path | None:
    """`clean -o`'s argument type: '-' is standard output, as it is for an input and for
    `--format jsonl`, not a file named '-'."""
    return None if text == "-" else Path(text)


class CleanJob(NamedTuple):
    """One document of `cleaner clean`: its name, where it is read from ('-': stdin), where
    it is written (None: stdout or the JSONL output), and whether it was found in an input
    directory (then it is read only if it is a regular file)."""

    name: str
    source: str
    target: Path | None
    listed: bool = False


def read_input(cleaner, job: CleanJob) -> bytes:
    """The bytes of a document file (gunzipped if .gz), or of stdin for '-'."""
    limit = cleaner.options.max_input_bytes
    return read_listed(Path(job.source), limit) if job.listed else read_source(job.source, limit)


def clean_one(cleaner, data, args, name="-"):
    return cleaner.clean(
        data,
        url=args.url,
        outlet=args.outlet,
        lang=args.lang,
        fmt=file_format(name, args.input_format),
    )


def run_clean(args) -> int:
    refuse_compressed((args.output, args.report))
    cleaner = command_cleaner(args)
    jobs = list(plan_jobs(args))
    if args.output is None and args.format == "text" and len(jobs) > 1:
        raise UsageError("several inputs need -o OUTPUT_DIR (or --format jsonl for stdout)")
    targets = [job.target for job in jobs if job.target is not None]
    refuse_shared_targets((job.source, job.target) for job in jobs)
    refuse_special_files(targets + [args.output, args.report])
    jsonl_target = (args.output or Path("-")) if args.format == "jsonl" else None
    refuse_directories(targets + [jsonl_target, args.report])
    refuse_collisions({"-o": args.output, "--report": args.report})
    refuse_shared_stdout(args.output, args.report)
    refuse_replacing(args.paths, targets + [args.output, args.report])
    output_dirs = {args.output for t in targets if t != args.output}
    refuse_inside_inputs(args.paths, output_dirs)
    refuse_files_inside(args.paths, output_dirs, [jsonl_target, args.report])
    with (
        output_locks(jsonl_target, args.report),
        JsonlWriter(jsonl_target) as records,
        JsonlWriter(args.report) as report,
    ):
        failed = sum(not clean_job(cleaner, args, job, records, report) for job in jobs)
    if failed:
        print(f"cleaner: {failed} of {len(jobs)} documents failed", file=sys.stderr)
    return EXIT_FAILED_DOCS if failed else EXIT_OK


def refuse_shared_stdout(output: Path | None, report: Path | None) -> None:
    """UsageError if the report and the cleaned text would both go to standard output, where
    their lines would interleave."""
    if str(report) == "-" and (output is None or str(output) == "-"):
        raise UsageError(
            "--report - and the cleaned text would both go to standard output; "
            "give one of them a file (-o FILE or DIR, or --report FILE)"
        )


def clean_job(cleaner, args, job: CleanJob, records: JsonlWriter, report: JsonlWriter) -> bool:
    """Clean and write one document; a failure is one line on stderr and False."""
    source, target, name = job.source, job.target, path_text(job.name)
    try:
        result = clean_one(cleaner, read_input(cleaner, job), args, source)
        if args.format == "jsonl":
            records.write({"id": name, **result.to_dict(include_changes=False)})
        elif target is None:
            sys.stdout.write(result.text)
        else:
            write_atomic(target, result.text.encode("utf-8"))
        report.write({"id": name, **result.to_dict(), "kept_lines": list(result.kept_lines)})
    except (CleanerError, UnicodeEncodeError) as err:
        print(
            f"cleaner: {printable(name)}: {printable(str(err), MESSAGE_MAX_CHARS)}", file=sys.stderr
        )
        return False
    except OSError:
        raise  # the output itself failed: that ends the run
    except Exception as err:  # noqa: BLE001 -- a bug must cost one document, not the others
        print(f"cleaner: {printable(name)}: {internal_error(err)}", file=sys.stderr)
        return False
    return True


def plan_jobs(args):
    """A CleanJob for every input document; every target lies inside the output (see
    cleaner.safepaths)."""
    single = len(args.paths) == 1
    for raw in args.paths:
        path = Path(raw)
        if raw == "-":
            if args.output is None or args.format == "jsonl":
                yield CleanJob("-", "-", None)
            elif single and not args.output.is_dir():
                yield CleanJob("-", "-", args.output)
            else:
                raise UsageError(
                    "- (standard input) has no file name to write into an output directory: "
                    "give it alone with -o FILE, or use --format jsonl"
                )
        elif path.is_dir():
            if args.output is None and args.format == "text":
                raise UsageError(f"{raw} is a directory: give -o OUTPUT_DIR")
            for rel in document_files(path):
                mirrored = (
                    mirrored_name(rel) if single else (f"{input_name(raw)}/{mirrored_name(rel)}")
                )
                target = None if args.format == "jsonl" else contained_path(args.output, mirrored)
                yield CleanJob(str(path / rel), str(path / rel), target, listed=True)
        elif not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        elif args.output is None or args.format == "jsonl":
            yield CleanJob(raw, raw, None)
        elif single and not args.output.is_dir():
            yield CleanJob(raw, raw, args.output)
        else:
            yield CleanJob(raw, raw, contained_path(args.output, mirrored_name(path.name)))


if __name__ == "__main__":
    sys.exit(main())
