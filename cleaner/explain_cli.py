"""The `cleaner explain` command: one document with every removal and edit marked. The
document is a file, standard input, or one record of a corpus (`--id`), which is read and
cleaned exactly as `cleaner batch` reads and cleans it: its text, URL and language fields."""

import sys

from . import Cleaner
from .batch.arguments import add_field_options
from .batch.readers import Fields, check_inputs, input_kind, read_inputs
from .batch.records import Record
from .document_args import add_document_options, command_cleaner
from .errors import CleanerError, InputError, UsageError, printable
from .exits import EXIT_OK
from .explain import explain
from .limit_options import add_limit_options
from .pipeline import Result
from .report.cli import explain_page
from .sources import file_format, read_source


def add_explain_command(sub) -> None:
    show = sub.add_parser("explain", help="show what each rule removed or changed in a document")
    show.add_argument("path", metavar="PATH", help="file, or - for stdin; or a corpus with --id")
    show.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    show.add_argument(
        "--format",
        choices=("text", "html"),
        default="text",
        help="text: marked lines on stdout; html: a page with the report's document view",
    )
    add_document_options(show)
    add_limit_options(show)
    show.add_argument(
        "--id",
        dest="record_id",
        metavar="ID",
        help="explain the record with this id of a corpus (.jsonl(.gz/.zst), .warc(.gz), a "
        "directory, or - for JSON lines on stdin), read as `cleaner batch` reads it; "
        "--url, --lang and --input-format override its fields",
    )
    add_field_options(show)
    show.set_defaults(run=run_explain)


def run_explain(args) -> int:
    cleaner = command_cleaner(args)
    if args.record_id is not None:
        result = clean_record(cleaner, args)
    elif input_kind(args.path) in ("jsonl", "warc"):
        raise UsageError(
            f"{args.path} is a corpus of records: name one with --id ID "
            "(explain reads its text, URL and language fields as batch does)"
        )
    else:
        result = clean_file(cleaner, args)
    if args.format == "html":
        name = args.path if args.record_id is None else f"{args.path} {args.record_id}"
        sys.stdout.buffer.write(explain_page(result, name))
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        write_printable(explain(result, color))
    print(
        f"# lang={result.lang} outlet={result.outlet} removed={len(result.removed)} "
        f"edits={len(result.edits)}",
        file=sys.stderr,
    )
    return EXIT_OK


def write_printable(text: str) -> None:
    """`text` to stdout in its encoding; what that cannot hold (a lone surrogate from a JSON
    escape, any non-ASCII under PYTHONIOENCODING=ascii) is written as a \\x, \\u escape."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
    sys.stdout.buffer.flush()


def clean_file(cleaner: Cleaner, args) -> Result:
    """A document file (or stdin) cleaned with the document options."""
    try:
        data = read_source(args.path, cleaner.options.max_input_bytes)
    except CleanerError as err:
        raise InputError(f"{args.path}: {err}") from None
    try:
        fmt = file_format(args.path, args.input_format)
        return cleaner.clean(data, url=args.url, outlet=args.outlet, lang=args.lang, fmt=fmt)
    except InputError as err:  # binary, empty, over a limit: the file is named, as clean does
        raise InputError(f"{args.path}: {err}") from None


def clean_record(cleaner: Cleaner, args) -> Result:
    """The corpus record `--id` cleaned as batch cleans it (clean_record in batch/records.py),
    with --url, --lang, --outlet and --input-format, if given, instead of its own."""
    record = find_record(cleaner, args)
    fmt = record.fmt if args.input_format == "auto" else args.input_format
    return cleaner.clean(
        record.data,
        url=args.url or record.url,
        outlet=args.outlet,
        lang=args.lang or record.lang,
        fmt=fmt,
    )


def find_record(cleaner: Cleaner, args) -> Record:
    """The first record of the corpus whose id (as text) is --id."""
    check_inputs([args.path])
    fields = Fields(args.id_field, args.text_field, args.url_field, args.lang_field)
    limit = cleaner.options.max_input_bytes
    first = None
    for record in read_inputs([args.path], fields, "auto", "jsonl", limit):
        first = record.id if first is None else first
        if str(record.id) == args.record_id:
            if record.error:
                raise InputError(f"{args.path}: record {args.record_id!r}: {record.error}")
            found: Record = record
            return found
    like = f"; ids here look like {printable(str(first))!r}" if first is not None else ""
    raise UsageError(
        f"{args.path}: no record with id {args.record_id!r} (field {args.id_field!r}){like}"
    )
