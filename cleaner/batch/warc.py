"""HTML responses of a WARC file as Records, read as a stream: a payload over the size limit,
a record without an id, headers without end, or an archive that breaks off becomes an error
Record or a fallback id, never a traceback, a hang or a lost document."""

import gzip
import io
from contextlib import contextmanager, redirect_stderr
from pathlib import Path

from ..errors import InputError, UsageError
from ..sources import has_suffix
from .records import Record


def archive_iterator(stream):
    """warcio's records of `stream`, and the LineBudget its header lines are read through."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise UsageError("reading WARC needs warcio: pip install 'cleaner[warc]'") from None
    archive = ArchiveIterator(stream)
    archive.reader = lines = LineBudget(archive.reader)  # each record is parsed from it
    return iter(archive), lines


# Bytes warcio may read as lines for one record: the blank lines before it, its WARC headers
# and its HTTP headers. Real ones take a few KB (servers refuse HTTP headers past 8-64 KB).
# warcio grows a line by copying it whole for each 16 KB read: a 50 MB header line without
# an end took 46 s and 310 MB, and a 194 KB .warc.gz of one ran for minutes.
RECORD_HEADER_BYTES = 1 << 20


class HeadersTooLong(Exception):
    """A record's header lines run past RECORD_HEADER_BYTES."""


class LineBudget:
    """warcio's reader, with the lines it reads while a record's headers are parsed
    (`headers()`) bounded to RECORD_HEADER_BYTES in all. Payloads, read with read() and
    bounded by the size limit, are not counted."""

    def __init__(self, reader):
        self.reader, self.left = reader, None

    def __getattr__(self, name: str):
        return getattr(self.reader, name)

    @contextmanager
    def headers(self):
        self.left = RECORD_HEADER_BYTES
        try:
            yield
        finally:
            self.left = None

    def readline(self, length: int | None = None) -> bytes:
        if self.left is None:
            line: bytes = self.reader.readline(length)
            return line
        limit = self.left + 1 if length is None or length < 0 else min(length, self.left + 1)
        line = whole_line(self.reader, limit)
        self.left -= len(line)
        if self.left < 0:
            raise HeadersTooLong(f"a record's header lines run past {RECORD_HEADER_BYTES:,} bytes")
        return line


def whole_line(reader, limit: int) -> bytes:
    """A line of `reader`, at most `limit` bytes of it: warcio's readline(limit) may stop
    short of both the line's end and the limit."""
    parts, size = [], 0
    while size < limit:
        part = reader.readline(limit - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
        if part.endswith(b"\n"):
            break
    return b"".join(parts)


def read_errors() -> tuple[type[BaseException], ...]:
    """What a broken or truncated archive raises while it is read."""
    import zlib

    from warcio.exceptions import ArchiveLoadFailed

    return (ArchiveLoadFailed, BrokenOff, EOFError, zlib.error, OSError, ValueError)


class BrokenOff(Exception):
    """A compressed WARC file ends in the middle of a gzip member."""


class GzipGuard(io.RawIOBase):
    """A gzip stream whose EOFError at a break reaches the reader as BrokenOff: warcio's own
    decompression, and its handling of EOFError, end there quietly, and the records past the
    break would be lost without a word. read1 hands on what was read before the break."""

    def __init__(self, path: Path):
        # Not a with-block: the stream lives as long as the guard, whose close() closes it.
        self.stream = gzip.open(path, "rb")  # noqa: SIM115

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        try:
            return self.stream.read1(size)
        except EOFError as err:
            raise BrokenOff(str(err)) from None

    def close(self) -> None:
        self.stream.close()
        super().close()


def open_warc(path: Path):
    return GzipGuard(path) if has_suffix(path.name, (".gz",)) else path.open("rb")


def check_warc(path: Path) -> None:
    """InputError unless the file is empty or starts as WARC does ("WARC/"): random bytes
    named .warc.gz are refused before the run starts (warcio would read some as ARC)."""
    with open_warc(path) as stream:
        try:
            head = stream.read(5)
        except read_errors() as err:
            raise InputError(f"{path}: not a readable WARC file ({describe(err)})") from None
    if head and head != b"WARC/":
        raise InputError(f"{path}: not a WARC file (it does not start with 'WARC/')")


def warc_records(path: Path, prefix: str, max_bytes: int, safe_name):
    """Records of the HTML responses: id = WARC-Record-ID (else 'path#N', N counting
    records from 1), url = WARC-Target-URI. A file that breaks off ends with an error Record."""
    number = 0
    with open_warc(path) as stream:
        records, lines = archive_iterator(stream)
        while True:
            try:
                # warcio prints its warnings on stderr
                with redirect_stderr(io.StringIO()), lines.headers():
                    record = next(records, None)
                if record is None:
                    return
                number += 1
                if record.rec_headers.get_header("Content-Length") is None:
                    raise NoLength(number)
                item = html_response(record, f"{path}#{number}", prefix, max_bytes, safe_name)
            except NoLength:  # warcio read the rest of the file as this record's payload
                where = f"{path}#{number}"
                error = "no Content-Length: this record and any after it cannot be read"
                yield Record(where, None, path=prefix + safe_name(where), error=error)
                return
            # warcio parsing hostile bytes raises whatever its code trips on (a response record
            # without WARC-Target-URI: AttributeError); none of it may end the run.
            except Exception as err:  # noqa: BLE001 -- see above
                where = f"{path}#{number + 1}"
                yield Record(
                    where,
                    None,
                    path=prefix + safe_name(where),
                    error=f"cannot read the WARC file past record {number}: {describe(err)}",
                )
                return
            if item is not None:
                yield item


class NoLength(Exception):
    """A WARC record without Content-Length: where the next one starts is unknown."""


def html_response(
    record, fallback_id: str, prefix: str, max_bytes: int, safe_name
) -> Record | None:
    """The record as a Record if it is an HTML response, else None."""
    if getattr(record, "format", "warc") != "warc":
        raise ValueError(f"a {record.format.upper()} record where a WARC record should be")
    if (
        record.rec_type != "response"
        or record.http_headers is None
        or "html" not in (record.http_headers.get_header("Content-Type") or "").lower()
    ):
        skip(record)
        return None
    doc_id = record.rec_headers.get_header("WARC-Record-ID") or fallback_id
    url = record.rec_headers.get_header("WARC-Target-URI")
    path = prefix + safe_name(doc_id)
    try:
        payload = record.content_stream().read(max_bytes + 1)
    # the payload's Content-Encoding failed to decode (warcio with brotli 1.2 raises
    # AttributeError on every "br" payload): this record fails, the file reads on
    except Exception as err:  # noqa: BLE001 -- see above
        skip(record)  # the framing is intact; a file that breaks off inside raises EOFError
        return Record(
            doc_id, None, url=url, path=path, error=f"cannot decode its payload: {describe(err)}"
        )
    if getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= max_bytes:
        raise EOFError("the record's payload is shorter than its Content-Length")
    if len(payload) > max_bytes:
        return Record(
            doc_id,
            None,
            url=url,
            path=path,
            error=f"payload over the {max_bytes:,}-byte limit "
            "(Options.max_input_bytes, --max-input-bytes)",
        )
    return Record(doc_id, payload, "html", url, path=path)


def skip(record) -> None:
    """Read past a record that is not cleaned: warcio would skip it quietly even if the file
    breaks off inside it, losing the break (EOFError here)."""
    while record.raw_stream.read(SKIP_CHUNK_BYTES):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError("a record's payload is shorter than its Content-Length")


# Bytes read at a time past a record that is not cleaned.
SKIP_CHUNK_BYTES = 1 << 16
# An error's message is cut to its first line and this many characters: warcio's quotes the
# bytes it could not read, which is no use on one line of a terminal.
MESSAGE_CHARS = 120


def describe(err: BaseException) -> str:
    """One short line: the error's type and the start of its message."""
    message = str(err).split("\n", 1)[0]
    if len(message) > MESSAGE_CHARS:
        message = message[:MESSAGE_CHARS] + "..."
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
