"""The `cleaner report` command, and the report as `cleaner batch --report` and `cleaner
explain --format html` write it: argument parsing and printing only."""

import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..exits import EXIT_OK
from ..files import write_atomic
from ..output_names import refuse_compressed
from ..safepaths import refuse_replacing
from .build import build_report, document_data
from .page import render_page
from .results import DocumentResult


def add_report_command(sub) -> None:
    """Register `report` on the main parser's subcommands."""
    report = sub.add_parser(
        "report",
        help="an HTML page showing what cleaner removed from a corpus, rule by rule",
        description="Write one self-contained HTML page from RESULTS, the JSONL that "
        "`cleaner batch --changes` writes (or `cleaner clean --report`).",
    )
    report.add_argument("results", type=Path, metavar="RESULTS", help="results .jsonl(.gz)")
    report.add_argument(
        "-o", "--output", type=Path, required=True, help="the .html to write ('-': standard output)"
    )
    report.add_argument("--title", help="the page's title (default: from RESULTS' name)")
    report.set_defaults(run=run_report)


def run_report(args) -> int:
    refuse_replacing([str(args.results)], [args.output])
    refuse_compressed([args.output])
    write_report(args.results, args.output, args.title)
    return EXIT_OK


def write_report(results: Path, output: Path, title: str | None = None) -> dict[str, Any]:
    """Build the report of `results` and write it to `output` atomically; print what was
    skipped and where the page went. Returns the page's data."""
    if output.is_dir():
        raise UsageError(f"{output}: is a directory; give the .html file to write")
    data, skips = build_report(results)
    page = render_page(data, title or f"cleaner report: {results.name}")
    to_stdout = str(output) == "-"
    if to_stdout:
        sys.stdout.buffer.write(page)
        sys.stdout.flush()
    else:
        write_atomic(output, page)
    if skips.total():
        print(f"cleaner: report: skipped {skips.summary()} of {results}", file=sys.stderr)
    docs, carried = data["total"][0], len(data["docs"])
    sampled = f" ({carried} carried in full)" if carried < docs else ""
    print(
        f"cleaner: report of {docs} documents{sampled} written to "
        f"{'standard output' if to_stdout else output} "
        f"({len(page) / 1e6:.1f} MB)",
        file=sys.stderr,
    )
    return data


def explain_page(result, name: str) -> bytes:
    """`cleaner explain --format html`: one document's view as a page of its own."""
    doc = DocumentResult(
        id=name,
        line=1,
        url=None,
        outlet=result.outlet,
        lang=result.lang,
        kept=tuple(result.text.splitlines()),
        kept_lines=result.kept_lines,
        removed=result.removed,
        edits=result.edits,
    )
    return render_page(document_data(doc, name), f"cleaner explain: {name}")
