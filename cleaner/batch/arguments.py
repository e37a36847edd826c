"""The arguments of `cleaner batch` and `cleaner learn`, and the types that parse them."""

import argparse
import os
from pathlib import Path

from ..errors import UsageError
from ..rule_files import add_rules_option
from .line_counts import MIN_DOCS, MIN_SHARE
from .runner import CHECKPOINT_EVERY
from .shard import ALL, parse_shard


def add_batch_output_options(parser) -> None:
    """Where `batch` writes its output, errors, summary and changes."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="OUT.jsonl for JSON lines, else a directory of .txt files",
    )
    parser.add_argument(
        "--errors",
        type=Path,
        help="JSONL of failed documents (default: "
        "OUTPUT's name + .errors.jsonl, written only if a document fails)",
    )
    parser.add_argument("--summary", type=Path, help="also write the summary as JSON here")
    parser.add_argument(
        "--changes",
        action="store_true",
        help="include each document's removals and edits in JSONL output",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="HTML",
        help="at the end, write the review page of the run here (as `cleaner report`; "
        "needs a .jsonl output, and implies --changes)",
    )


def add_batch_run_options(parser) -> None:
    """How `batch` runs: resuming, sharding, checkpoints and the corpus-level passes."""
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run")
    parser.add_argument(
        "--shard",
        type=parse_shard_arg,
        default=ALL,
        metavar="I/N",
        help="process only shard I of N (0 <= I < N), chosen by document id",
    )
    parser.add_argument(
        "--checkpoint-every",
        type=positive_int,
        default=CHECKPOINT_EVERY,
        metavar="DOCS",
        help=f"documents between checkpoints (default {CHECKPOINT_EVERY})",
    )
    parser.add_argument(
        "--learned-boilerplate",
        action="store_true",
        help="two passes: learn recurring lines per outlet (see `cleaner learn`; "
        "rules kept in OUTPUT.learned/), then clean with them",
    )
    parser.add_argument(
        "--corpus-names",
        action="store_true",
        help="two passes: collect names seen on their own in at least K documents "
        "(--min-docs) into OUTPUT.learned/, then use them as glue evidence",
    )


def add_learn_output_option(parser) -> None:
    """Where `learn` writes its suggested rule files."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help="directory for the suggested rule files",
    )


def add_input_options(parser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="directory, .jsonl(.gz/.zst), .warc(.gz), .txt/.html file, or -",
    )
    add_engine_options(parser)
    add_rules_option(parser)
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read documents (default: by file suffix, else sniff)",
    )
    parser.add_argument(
        "--stdin-format",
        choices=("jsonl", "text", "html"),
        default="jsonl",
        help="what - reads: JSON lines (default) or one document",
    )
    add_field_options(parser)


def add_engine_options(parser) -> None:
    """How many workers, and on which engine."""
    parser.add_argument(
        "--jobs",
        "-j",
        type=job_count,
        default=os.cpu_count() or 1,
        help="worker processes (default: all cores)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local worker processes, or Ray (pip install 'cleaner[ray]')",
    )
    parser.add_argument("--address", help="Ray cluster address (default: start a local one)")


def add_field_options(parser) -> None:
    """Which JSONL fields hold the id, text, URL and language."""
    parser.add_argument("--id-field", default="id", help="JSONL field with the id (default id)")
    parser.add_argument("--text-field", default="text", help="JSONL field with the text")
    parser.add_argument("--url-field", default="url", help="JSONL field with the URL")
    parser.add_argument(
        "--lang-field",
        help="JSONL field with a trusted language code, "
        "used instead of detection (default: detect)",
    )


def add_learn_options(parser) -> None:
    parser.add_argument(
        "--by",
        choices=("outlet", "domain"),
        default="outlet",
        help="count lines within each outlet (default) or URL domain",
    )
    parser.add_argument(
        "--min-docs",
        type=positive_int,
        default=MIN_DOCS,
        metavar="K",
        help=f"learn lines in at least K documents of a group (default {MIN_DOCS})",
    )
    parser.add_argument(
        "--min-share",
        type=percent,
        default=MIN_SHARE * 100,
        metavar="S",
        help=f"...and in at least S%% of them (default {MIN_SHARE * 100:.0f}%%)",
    )


def percent(text: str) -> float:
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        value = -1
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage from 0 to 100")
    return value


def parse_shard_arg(text: str):
    try:
        return parse_shard(text)
    except UsageError as err:
        raise argparse.ArgumentTypeError(str(err).removeprefix(f"--shard {text!r}: ")) from None


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


# More worker processes than this is a mistake, not a machine: each is a Python process of
# ~150 MB, and the watchdog keeps a slot per worker (10^11 of them filled a disk).
MAX_JOBS = 1024


def job_count(text: str) -> int:
    """--jobs: a whole number from 1 to MAX_JOBS."""
    jobs = positive_int(text)
    if jobs > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"{text} worker processes: at most {MAX_JOBS:,}")
    return jobs
