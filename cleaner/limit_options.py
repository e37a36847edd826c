"""The per-document limits and options on the command line (`--max-input-bytes`,
`--time-limit`, `--option NAME=VALUE`) of `clean`, `explain` and `batch`, and the --outlet
check: argument parsing only."""

import argparse
import difflib
import math
from collections.abc import Mapping
from typing import Any

from .deadline import LONGEST_LIMIT_S
from .errors import UsageError
from .options import Options

DEFAULTS = Options()
# Outlet ids named in an unknown --outlet error: enough to see the naming, one line.
OUTLETS_LISTED = 20
# How --option spells a switch.
SWITCH_WORDS = {"true": True, "on": True, "yes": True, "false": False, "off": False, "no": False}


def add_limit_options(parser) -> None:
    """--max-input-bytes, --time-limit and --option, left unset (None) unless given."""
    parser.add_argument(
        "--max-input-bytes",
        type=byte_count,
        metavar="BYTES",
        help="refuse a document larger than this, read or unpacked "
        f"(default {DEFAULTS.max_input_bytes:,}; suffixes K, M, G, T: 1000s)",
    )
    parser.add_argument(
        "--time-limit",
        type=seconds,
        metavar="SECONDS",
        help=f"fail a document that takes longer to clean (default {DEFAULTS.doc_time_limit_s:g}; "
        "0: no limit)",
    )
    parser.add_argument(
        "--option",
        type=option_pair,
        action="append",
        metavar="NAME=VALUE",
        help="set a cleaner option, e.g. article_span=off or comment_threads=off "
        "(repeatable; the options are listed in docs/library.md)",
    )


def limit_options(args) -> dict[str, Any]:
    """The Options fields --option and the limit flags set (none if not given: defaults
    apply); Cleaner and the batch check them (an unknown name or a wrong value: exit 2)."""
    given: dict[str, Any] = dict(args.option or ())
    if args.max_input_bytes is not None:
        given["max_input_bytes"] = args.max_input_bytes
    if args.time_limit is not None:
        given["doc_time_limit_s"] = args.time_limit or None
    return given


def option_pair(text: str) -> tuple[str, Any]:
    """NAME=VALUE of --option; the value a switch word (on/off, true/false, yes/no), none,
    a number, or else the text as given (for make_options to refuse by name)."""
    name, equals, value = text.partition("=")
    name = name.strip()
    if not equals or not name:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE (e.g. article_span=off)")
    word = value.strip().lower()
    if word in SWITCH_WORDS:
        return name, SWITCH_WORDS[word]
    if word == "none":
        return name, None
    for number in (int, float):
        try:
            return name, number(word)
        except ValueError:
            pass
    return name, value


BYTE_SUFFIXES = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}
# The largest --max-input-bytes (1 TB): far past any document, and below what reads
# (sys.maxsize) can take. The largest --time-limit is deadline.LONGEST_LIMIT_S (a year).
MAX_BYTE_COUNT = 10**12


def byte_count(text: str) -> int:
    """A whole number of bytes, at least 1, with an optional K, M, G or T (powers of 1000)."""
    number, suffix = text.strip().upper().removesuffix("B"), ""
    if number[-1:] in ("K", "M", "G", "T"):
        number, suffix = number[:-1], number[-1]
    count = int(number) * BYTE_SUFFIXES[suffix] if number.isdigit() else 0
    if not 1 <= count <= MAX_BYTE_COUNT:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a byte count from 1 to {MAX_BYTE_COUNT:,} (e.g. 20M)"
        )
    return count


def seconds(text: str) -> float:
    """A number of seconds from 0 (no limit) to LONGEST_LIMIT_S."""
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not (math.isfinite(value) and 0 <= value <= LONGEST_LIMIT_S):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds from 0 (no limit) to {LONGEST_LIMIT_S:,.0f}"
        )
    return value


def check_outlet(outlet: str | None, outlets: Mapping[str, object]) -> None:
    """A usage error, before any document is read, if --outlet names no known outlet."""
    if outlet is None or outlet in outlets:
        return
    close = difflib.get_close_matches(outlet.lower(), list(outlets), n=3)  # "WION": wion
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    known = sorted(outlets)
    listed = ", ".join(known[:OUTLETS_LISTED]) + (", ..." if len(known) > OUTLETS_LISTED else "")
    raise UsageError(f"--outlet {outlet!r}: unknown outlet{hint}; known: {listed or 'none'}")
