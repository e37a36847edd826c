"""Read what `cleaner batch --changes` (or `cleaner clean --report`) wrote: one cleaned
document a JSON line, with its removals and edits. A line that is not a usable document is
counted by reason and skipped, never fatal: a report of 100,000 documents should not fail
on one bad line, and it says how many it left out."""

import gzip
import json
import stat
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..document import Edit, Removal
from ..errors import UsageError

# A JSON line longer than this is skipped unread (bytes): a cleaned news article with its
# changes is a few kB; 64 MiB leaves room for any real document and bounds memory.
MAX_LINE_BYTES = 64 * 2**20
# How far a skipped line is read at a time, looking for its end (bytes).
SKIP_CHUNK_BYTES = 2**20
# What bounded_lines yields where a compressed file breaks off.
BROKEN_OFF = b""
# Line numbers kept per skip reason, to name in the message (the count is exact).
SKIP_EXAMPLES = 3


class BadRecord(ValueError):
    """A JSON line that is not a cleaned document with its changes; the message says why."""


@dataclass(frozen=True)
class DocumentResult:
    """One cleaned document: its clean lines, where they stood in the input (None when the
    file does not say), and what was removed and edited, by input line number."""

    id: str
    line: int  # in the results file
    url: str | None
    outlet: str | None
    lang: str | None
    kept: tuple[str, ...]
    kept_lines: tuple[int, ...] | None
    removed: tuple[Removal, ...]
    edits: tuple[Edit, ...]


@dataclass
class Skips:
    """Lines left out of the report, counted by reason, with the first few line numbers."""

    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[int]] = field(default_factory=dict)

    def add(self, reason: str, line: int) -> None:
        self.counts[reason] = self.counts.get(reason, 0) + 1
        seen = self.examples.setdefault(reason, [])
        if len(seen) < SKIP_EXAMPLES:
            seen.append(line)

    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        """'2 not JSON (lines 3, 9); 1 too large (line 12)'."""
        parts = []
        for reason, count in sorted(self.counts.items()):
            lines = self.examples[reason]
            where = ", ".join(map(str, lines)) + (", ..." if count > len(lines) else "")
            parts.append(f"{count} {reason} (line{'s' if len(lines) > 1 else ''} {where})")
        return "; ".join(parts)


def read_results(
    path: Path, skips: Skips, only: Container[int] | None = None
) -> Iterator[DocumentResult]:
    """Every usable document of the file at `path` (.jsonl or .jsonl.gz), in order; the
    others are counted in `skips`. With `only`, just the documents on those lines."""
    with open_results(path) as stream:
        for number, line in bounded_lines(stream, MAX_LINE_BYTES):
            if only is not None and number not in only:
                continue
            if line is None:
                skips.add(f"over {MAX_LINE_BYTES // 2**20} MiB", number)
            elif line is BROKEN_OFF:
                skips.add("where the compressed file breaks off", number)
            elif line.strip():
                try:
                    yield parse_record(decode_json(line), number)
                except BadRecord as err:
                    skips.add(str(err), number)


def open_results(path: Path) -> BinaryIO:
    """The file as bytes (gunzipped for .gz); a missing or unreadable file is a usage error."""
    try:
        if path.is_dir():
            raise UsageError(f"{path}: is a directory; give the .jsonl that `cleaner batch` wrote")
        mode = path.stat().st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
            # /dev/urandom or /dev/zero would be read forever (a pipe ends with its writer)
            raise UsageError(
                f"{path}: a device, not a file; give the .jsonl that `cleaner batch` wrote"
            )
        return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")  # type: ignore[return-value]
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from None


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line over `limit` bytes, which is read
    past in chunks, never held whole; BROKEN_OFF, last, where a gzip file breaks off."""
    number = 0
    while True:
        try:
            line = stream.readline(limit + 1)
        except (EOFError, OSError):  # gzip.BadGzipFile is an OSError
            yield number + 1, BROKEN_OFF
            return
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        rest = stream.readline(SKIP_CHUNK_BYTES)
        if not rest or rest.endswith(b"\n"):
            return


def decode_json(line: bytes) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise BadRecord("not JSON") from None


def parse_record(data: Any, number: int) -> DocumentResult:
    """A DocumentResult from one decoded JSON line, or BadRecord saying what is missing."""
    if not isinstance(data, dict):
        raise BadRecord("not a JSON object")
    if "error" in data and not isinstance(data.get("text"), str):
        raise BadRecord("failed documents (error records)")
    if not isinstance(data.get("text"), str):
        raise BadRecord("without a text field")
    if not isinstance(data.get("removed"), list) or not isinstance(data.get("edits"), list):
        raise BadRecord("without removed/edits (write them with `cleaner batch --changes`)")
    kept = tuple(data["text"].splitlines())
    doc_id = data.get("id")
    return DocumentResult(
        id=f"line {number}" if doc_id is None else str(doc_id),
        line=number,
        url=text_or_none(data.get("url")),
        outlet=text_or_none(data.get("outlet")),
        lang=text_or_none(data.get("lang")),
        kept=kept,
        kept_lines=line_numbers(data.get("kept_lines"), len(kept)),
        removed=tuple(removal(item) for item in data["removed"]),
        edits=tuple(edit(item) for item in data["edits"]),
    )


def text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def line_numbers(value: Any, count: int) -> tuple[int, ...] | None:
    """The kept lines' input numbers, if the record holds one for each clean line."""
    if isinstance(value, list) and len(value) == count and all(map(is_int, value)):
        return tuple(value)
    return None


def removal(item: Any) -> Removal:
    """A Removal from its JSON object (exact types checked: this runs a million times)."""
    try:
        line, text, rule, category = item["line"], item["text"], item["rule"], item["category"]
    except (TypeError, KeyError, IndexError):
        line = None
    if type(line) is int and line >= 0 and type(text) is type(rule) is type(category) is str:
        return Removal(line, text, rule, category)
    raise BadRecord("with a malformed removal (needs line, text, rule, category)")


def edit(item: Any) -> Edit:
    if not (
        isinstance(item, dict)
        and is_int(item.get("line"))
        and is_int(item.get("offset"))
        and all(isinstance(item.get(key), str) for key in ("before", "after", "rule"))
    ):
        raise BadRecord("with a malformed edit (needs line, offset, before, after, rule)")
    return Edit(item["line"], item["offset"], item["before"], item["after"], item["rule"])
