"""Inputs -> a stream of Records, in a fixed order: directories of .txt/.html files (optionally
.gz), JSONL (.jsonl, .jsonl.gz, .jsonl.zst), WARC (.warc, .warc.gz) and stdin.

Everything streams: memory does not grow with the input. A line or file that cannot be read
becomes a Record with an error, so it reaches the errors file instead of vanishing.
"""

import gzip
import io
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from ..errors import CleanerError
from ..safepaths import input_label
from ..sources import document_files, document_format, mirrored_name, read_document
from .records import Record
from .shard import stable_hash

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Fields:
    """Names of the JSONL fields to read; `lang` (optional) is a language hint."""

    id: str = "id"
    text: str = "text"
    url: str = "url"
    lang: str | None = None


def check_inputs(paths) -> None:
    """Fail before any work if an input is missing or of an unknown kind."""
    for raw in paths:
        path = Path(raw)
        if raw == "-" or path.is_dir():
            continue
        if not path.exists():
            raise CleanerError(f"{raw}: no such file or directory")
        if input_kind(raw) is None:
            raise CleanerError(f"{raw}: unknown input type; give a directory, .txt/.html(.gz), "
                               f"{', '.join(JSONL_SUFFIXES + WARC_SUFFIXES)} or - for stdin")


def input_kind(raw: str) -> str | None:
    name = raw.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if document_format(name) is not None:
        return "file"
    return None


def read_inputs(paths, fields: Fields, fmt: str = "auto", stdin_format: str = "jsonl"):
    """Records from every input in turn; with several inputs, output paths are prefixed
    with the input's name so mirrored outputs do not collide."""
    several = len(paths) > 1
    for raw in paths:
        prefix = input_label(raw) + "/" if several and raw != "-" else ""
        yield from read_input(raw, fields, fmt, stdin_format, prefix)


def read_input(raw: str, fields: Fields, fmt: str, stdin_format: str, prefix: str = ""):
    path = Path(raw)
    if raw == "-":
        if stdin_format == "jsonl":
            yield from jsonl_records(sys.stdin.buffer, "-", fields, fmt, prefix)
        else:
            yield Record("-", sys.stdin.buffer.read(), stdin_format, path=prefix + "stdin.txt")
    elif path.is_dir():
        yield from directory_records(path, fmt, prefix)
    elif input_kind(raw) == "jsonl":
        with open_stream(path) as stream:
            yield from jsonl_records(stream, raw, fields, fmt, prefix)
    elif input_kind(raw) == "warc":
        yield from warc_records(path, prefix)
    else:
        yield file_record(path, raw, path.name, fmt, prefix)


def directory_records(root: Path, fmt: str, prefix: str):
    """Every document file under `root`, sorted by relative path; output mirrors the tree."""
    for rel in document_files(root):
        yield file_record(root / rel, str(root / rel), rel, fmt, prefix)


def file_record(path: Path, name: str, rel: str, fmt: str, prefix: str) -> Record:
    """One document file (gzipped or not) as a Record with its mirrored .txt path."""
    target = prefix + mirrored_name(rel)
    try:
        data = read_document(path)
    except CleanerError as err:
        return Record(name, None, path=target, error=str(err))
    doc_fmt = document_format(path.name) if fmt == "auto" else fmt
    return Record(name, data, doc_fmt, path=target)


def open_stream(path: Path):
    """A binary stream of the file's lines, decompressing .gz and .zst."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise CleanerError(f"{path}: reading .zst needs zstandard: "
                               "pip install 'cleaner[zstd]'") from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(path.open("rb")))
    return path.open("rb")


def jsonl_records(stream, source: str, fields: Fields, fmt: str, prefix: str):
    """One Record per JSON line; a bad line becomes a Record with an error, id 'source:line'."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:  # RecursionError: nested too deep
            yield Record(where, None, path=prefix + safe_name(where), error=f"invalid JSON: {err}")
            continue
        yield json_record(obj, where, fields, fmt, prefix)


def json_record(obj, where: str, fields: Fields, fmt: str, prefix: str) -> Record:
    if not isinstance(obj, dict):
        return Record(where, None, path=prefix + safe_name(where),
                      error="a JSONL line must be a JSON object")
    doc_id = obj.get(fields.id, where)
    text, url = obj.get(fields.text), obj.get(fields.url)
    lang = obj.get(fields.lang) if fields.lang else None
    meta = {k: v for k, v in obj.items() if k not in (fields.id, fields.text, fields.url)}
    path = prefix + safe_name(str(doc_id))
    if not isinstance(text, str):
        return Record(doc_id, None, path=path, error=f"field {fields.text!r} is missing or not "
                      "a string; name the text field with --text-field")
    return Record(doc_id, text, fmt, url if isinstance(url, str) else None,
                  lang if isinstance(lang, str) and lang else None, meta, path)


def unique_paths(records):
    """The records with their output paths made unique in input order: a second document
    with the same id, so the same path, is written as 'name~2.txt', never over the first.
    Applied to the whole input before a resume or a shard skips any, so every run names a
    document alike. Keeps an 8-byte hash per document."""
    seen = set()
    for record in records:
        path, copy = record.path, 1
        while (key := stable_hash(str(path))) in seen:
            copy += 1
            path = f"{record.path.removesuffix('.txt')}~{copy}.txt"
        seen.add(key)
        yield record if copy == 1 else replace(record, path=path)


def safe_name(doc_id: str) -> str:
    """A file name for a document id (slashes and other specials percent-encoded)."""
    return quote(doc_id, safe="", errors="surrogatepass") + ".txt"


def warc_records(path: Path, prefix: str):
    """HTML responses of a WARC file: id = WARC-Record-ID, url = WARC-Target-URI."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise CleanerError(f"{path}: reading WARC needs warcio: pip install 'cleaner[warc]'") from None
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            doc_id = record.rec_headers.get_header("WARC-Record-ID")
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield Record(doc_id, record.content_stream().read(), "html", url,
                         path=prefix + safe_name(doc_id))
