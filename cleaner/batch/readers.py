"""Inputs -> a stream of Records, in a fixed order: directories of .txt/.html files (optionally
.gz), JSONL (.jsonl, .jsonl.gz, .jsonl.zst), WARC (.warc, .warc.gz) and stdin.

Everything streams: memory does not grow with the input, and no document, JSON line or WARC
payload is read past Options.max_input_bytes. A line or file that cannot be read becomes a
Record with an error, so it reaches the errors file instead of vanishing; an input that
cannot be read at all is refused before the run starts (check_inputs).
"""

import codecs
import gzip
import io
import json
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from ..errors import CleanerError, InputError
from ..metadata import language_code
from ..safepaths import input_label, path_text
from ..sources import (
    DEFAULT_MAX_BYTES,
    READ_CHUNK_BYTES,
    document_files,
    document_format,
    file_format,
    has_suffix,
    mirrored_name,
    read_document,
    read_limited,
    read_listed,
)
from .records import Record
from .shard import stable_hash
from .warc import check_warc, describe, warc_records

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")
WARC_SUFFIXES = (".warc", ".warc.gz")
UTF8_BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class Fields:
    """Names of the JSONL fields to read; `lang` (optional) is a language hint."""

    id: str = "id"
    text: str = "text"
    url: str = "url"
    lang: str | None = None


def check_inputs(paths) -> None:
    """Fail before any work if an input is missing, of an unknown kind, or not readable as
    its kind at its start (random bytes named .jsonl.gz, .jsonl.zst or .warc.gz)."""
    for raw in paths:
        path = Path(raw)
        if raw == "-" or path.is_dir():
            continue
        if not path.exists():
            raise CleanerError(f"{raw}: no such file or directory")
        if input_kind(raw) is None:
            raise CleanerError(
                f"{raw}: unknown input type; give a directory, .txt/.html(.gz), "
                f"{', '.join(JSONL_SUFFIXES + WARC_SUFFIXES)} or - for stdin"
            )
        if not path.is_file():  # a pipe is read once: its start cannot be checked
            continue
        if input_kind(raw) == "warc":
            check_warc(path)
        elif has_suffix(raw, (".gz", ".zst")):
            check_stream(path)


def check_stream(path: Path) -> None:
    """InputError unless the first bytes of the (decompressed) file can be read."""
    try:
        with open_stream(path) as stream:
            stream.read(1)
    except stream_errors() as err:
        raise InputError(f"{path}: cannot read it ({describe(err)})") from None


def stream_errors() -> tuple[type[BaseException], ...]:
    """What a broken or truncated compressed stream raises while it is read."""
    errors = [EOFError, zlib.error, OSError]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


def input_kind(raw: str) -> str | None:
    if has_suffix(raw, JSONL_SUFFIXES):
        return "jsonl"
    if has_suffix(raw, WARC_SUFFIXES):
        return "warc"
    if document_format(raw) is not None:
        return "file"
    return None


def input_limit(options) -> int:
    """Options.max_input_bytes of a CleanConfig's `options` pairs (the default if unset)."""
    limit: int = dict(options).get("max_input_bytes", DEFAULT_MAX_BYTES)
    return limit


def read_inputs(
    paths,
    fields: Fields,
    fmt: str = "auto",
    stdin_format: str = "jsonl",
    max_bytes: int = DEFAULT_MAX_BYTES,
):
    """Records from every input in turn; with several inputs, output paths are prefixed
    with the input's name so mirrored outputs do not collide. No document is read past
    `max_bytes` (Options.max_input_bytes)."""
    several = len(paths) > 1
    for raw in paths:
        prefix = input_label(raw) + "/" if several and raw != "-" else ""
        yield from read_input(raw, fields, fmt, stdin_format, prefix, max_bytes)


def read_input(
    raw: str,
    fields: Fields,
    fmt: str,
    stdin_format: str,
    prefix: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
):
    path = Path(raw)
    if raw == "-":
        if stdin_format == "jsonl":
            yield from jsonl_records(sys.stdin.buffer, "-", fields, fmt, prefix, max_bytes)
        else:
            yield stdin_record(stdin_format, prefix + "stdin.txt", max_bytes)
    elif path.is_dir():
        yield from directory_records(path, fmt, prefix, max_bytes)
    elif input_kind(raw) == "jsonl":
        with open_stream(path) as stream:
            yield from jsonl_records(stream, raw, fields, fmt, prefix, max_bytes)
    elif input_kind(raw) == "warc":
        yield from warc_records(path, prefix, max_bytes, safe_name)
    else:
        yield file_record(path, raw, path.name, fmt, prefix, max_bytes)


def stdin_record(fmt: str, path: str, max_bytes: int) -> Record:
    try:
        return Record("-", read_limited(sys.stdin.buffer, max_bytes), fmt, path=path)
    except InputError as err:
        return Record("-", None, path=path, error=str(err))


def directory_records(root: Path, fmt: str, prefix: str, max_bytes: int = DEFAULT_MAX_BYTES):
    """Every document file under `root`, sorted by relative path; output mirrors the tree. One
    that is no regular file is a Record with an error: it reaches the errors file unopened."""
    for rel in document_files(root):
        yield file_record(root / rel, str(root / rel), rel, fmt, prefix, max_bytes, read_listed)


def file_record(
    path: Path,
    name: str,
    rel: str,
    fmt: str,
    prefix: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    read=read_document,
) -> Record:
    """One document file (gzipped or not) as a Record with its mirrored .txt path; `read`
    reads it (read_listed for a file found in a directory)."""
    target, name = prefix + mirrored_name(rel), path_text(name)
    try:
        data = read(path, max_bytes)
    except CleanerError as err:
        return Record(name, None, path=target, error=str(err))
    return Record(name, data, file_format(path.name, fmt), path=target)


def open_stream(path: Path):
    """A binary stream of the file's lines, decompressing .gz and .zst."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise CleanerError(
                f"{path}: reading .zst needs zstandard: pip install 'cleaner[zstd]'"
            ) from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(path.open("rb")))
    return path.open("rb")


def jsonl_records(
    stream, source: str, fields: Fields, fmt: str, prefix: str, max_bytes: int = DEFAULT_MAX_BYTES
):
    """One Record per JSON line; a bad or too long line becomes a Record with an error, id
    'source:line'; a stream that breaks off (truncated gzip) ends with one."""
    number = 0
    try:
        while line := stream.readline(max_bytes + 1):
            number += 1
            if number == 1:  # a byte order mark alone on the first line is no record
                line = line.removeprefix(UTF8_BOM)
            if line.strip():
                yield jsonl_record(
                    stream, line, f"{source}:{number}", fields, fmt, prefix, max_bytes
                )
    except stream_errors() as err:
        where = f"{source}:{number + 1}"
        yield Record(
            where,
            None,
            path=prefix + safe_name(where),
            error=f"cannot read past line {number}: {describe(err)}",
        )


def jsonl_record(
    stream, line: bytes, where: str, fields: Fields, fmt: str, prefix: str, max_bytes: int
) -> Record:
    """The Record of one JSON line, which is skipped (not kept) if it is over `max_bytes`."""
    if len(line) > max_bytes and not line.endswith(b"\n"):
        while (rest := stream.readline(READ_CHUNK_BYTES)) and not rest.endswith(b"\n"):
            pass
        return Record(
            where,
            None,
            path=prefix + safe_name(where),
            error=f"line over the {max_bytes:,}-byte limit "
            "(Options.max_input_bytes, --max-input-bytes)",
        )
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as err:  # RecursionError: nested too deep
        problem = str(err).split(";")[0]  # Python's advice on integer digits is not the user's
        return Record(where, None, path=prefix + safe_name(where), error=f"invalid JSON: {problem}")
    return json_record(obj, where, fields, fmt, prefix)


def json_record(obj, where: str, fields: Fields, fmt: str, prefix: str) -> Record:
    if not isinstance(obj, dict):
        return Record(
            where, None, path=prefix + safe_name(where), error="a JSONL line must be a JSON object"
        )
    doc_id = obj.get(fields.id, where)
    text, url = obj.get(fields.text), obj.get(fields.url)
    lang = language_code(obj.get(fields.lang)) if fields.lang else None
    meta = {k: v for k, v in obj.items() if k not in (fields.id, fields.text, fields.url)}
    path = prefix + safe_name(str(doc_id))
    if not isinstance(text, str):
        return Record(
            doc_id,
            None,
            path=path,
            error=f"field {fields.text!r} is missing or not "
            "a string; name the text field with --text-field",
        )
    return Record(doc_id, text, fmt, url if isinstance(url, str) else None, lang, meta, path)


def unique_paths(records):
    """The records with their output paths made unique in input order: a second document
    with the same id, so the same path, is written as 'name~2.txt', never over the first.
    Applied to the whole input before a resume or a shard skips any, so every run names a
    document alike. Keeps an 8-byte hash per document, and per repeated path the last copy
    number given, where the next search for a free number starts (10,000 documents of one
    id took 48 s, searching from 2 each time)."""
    seen = set()
    last_copy: dict[int, int] = {}
    for record in records:
        base = stable_hash(str(record.path))
        copy = last_copy.get(base, 1)
        key = base if copy == 1 else stable_hash(numbered(record.path, copy))
        while key in seen:
            copy += 1
            key = stable_hash(numbered(record.path, copy))
        seen.add(key)
        if copy > 1:
            last_copy[base] = copy
        yield record if copy == 1 else replace(record, path=numbered(record.path, copy))


def numbered(path: str, copy: int) -> str:
    """The output path of a document's `copy`th occurrence ('name~2.txt'; the first as is)."""
    return path if copy == 1 else f"{path.removesuffix('.txt')}~{copy}.txt"


def safe_name(doc_id: str) -> str:
    """A file name for a document id (slashes and other specials percent-encoded)."""
    return quote(doc_id, safe="", errors="surrogatepass") + ".txt"
