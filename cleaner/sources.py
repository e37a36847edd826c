"""Document files on disk, as `cleaner clean` and `cleaner batch` both read them: which files
under a directory are documents, their format by suffix, their bytes (read as a stream, never
past the size limit), their output name."""

import gzip
import stat
import sys
import zlib
from pathlib import Path

from .errors import InputError
from .options import Options

# HTML goes straight to the HTML path; .txt is sniffed. A .gz suffix is read through.
DOCUMENT_FORMATS = {".txt": "auto", ".html": "html", ".htm": "html"}
# Bytes read (or decompressed) at a time: small enough that stopping at the limit costs
# little over it, large enough that a 20 MB document takes 20 reads.
READ_CHUNK_BYTES = 1 << 20
DEFAULT_MAX_BYTES = Options().max_input_bytes


def has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    """True if `name` ends in one of `suffixes` in any letter case ('a.JSONL' is JSONL): the
    one rule by which every input and output is told by its name."""
    return name.lower().endswith(suffixes)


def document_format(name: str) -> str | None:
    """The cleaning format of a document file by its suffix (.gz ignored), or None."""
    return DOCUMENT_FORMATS.get(Path(name.lower().removesuffix(".gz")).suffix)


def file_format(name: str, requested: str) -> str:
    """The format to clean a document file in: the one asked for, or with "auto" the one its
    suffix says (HTML files are HTML whatever sniffing would say). One rule for `cleaner
    clean` and `cleaner batch`, so both treat a file alike."""
    return requested if requested != "auto" else document_format(name) or "auto"


def document_files(root: Path) -> list[str]:
    """The document files under `root`, as sorted relative POSIX paths: every entry named
    like a document that is not a directory, so that one that is no regular file (a FIFO, a
    dangling link) is reported when read (read_listed) instead of passed over unmentioned."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if document_format(p.name) is not None and not p.is_dir()
    )


def not_a_regular_file(path: Path) -> str | None:
    """Why a file found in a directory is no document to open (a FIFO would block the run
    for good), or None for a regular file, a link to one, or one that stat cannot see
    (reading it says why)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling symbolic link" if path.is_symlink() else None
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return f"not a regular file: {SPECIAL_FILES.get(stat.S_IFMT(mode), 'special file')}"


SPECIAL_FILES = {
    stat.S_IFIFO: "FIFO",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFDIR: "directory",
}


def too_large(limit: int) -> InputError:
    return InputError(
        f"input is over the {limit:,}-byte limit (Options.max_input_bytes, "
        "--max-input-bytes); "
        "split it or raise the limit"
    )


def read_limited(stream, limit: int) -> bytes:
    """All of `stream`, refused (InputError) as soon as it passes `limit` bytes: a stream
    that never ends (/dev/zero) or a decompression bomb costs `limit` bytes of memory."""
    chunks, size = [], 0
    while chunk := stream.read(min(READ_CHUNK_BYTES, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
    return b"".join(chunks)


# Names of compressed files. A document file is read as is or gunzipped (.gz); in any other
# compression its bytes would read as binary ("NUL bytes"), which says nothing of the cause.
COMPRESSED_SUFFIXES = (".gz", ".zst", ".bz2", ".xz", ".lz4", ".lzma", ".br", ".zip", ".7z", ".tgz")
OTHER_COMPRESSIONS = tuple(suffix for suffix in COMPRESSED_SUFFIXES if suffix != ".gz")


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped if its name ends in .gz; at most `max_bytes` of them.
    Another compression's name is an InputError saying so (its bytes read as binary)."""
    other = next((s for s in OTHER_COMPRESSIONS if has_suffix(path.name, (s,))), None)
    if other:
        raise InputError(f"compressed as {other}: a document file is read as is or gunzipped (.gz)")
    try:
        if not has_suffix(path.name, (".gz",)):
            with path.open("rb") as stream:
                return read_limited(stream, max_bytes)
        with gzip.open(path, "rb") as stream:
            return read_limited(stream, max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:  # BadGzipFile is an OSError: first
        raise InputError(f"cannot read: not valid gzip ({err or 'truncated'})") from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None


def read_listed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A document file found in an input directory (document_files): refused unopened
    (InputError) if it is no regular file, else read as read_document reads it. A file
    named on the command line is read whatever it is: `<(zcat a.txt.gz)` is a pipe."""
    problem = not_a_regular_file(path)
    if problem:
        raise InputError(f"{problem}; it was not read")
    return read_document(path, max_bytes)


def read_source(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a document file, or of stdin for '-', at most `max_bytes` of them."""
    return (
        read_limited(sys.stdin.buffer, max_bytes)
        if source == "-"
        else read_document(Path(source), max_bytes)
    )


def mirrored_name(rel: str) -> str:
    """The output name of a document file: 'a/b.html.gz' -> 'a/b.txt'."""
    stem = rel.removesuffix(".gz").removesuffix(".GZ")
    return str(Path(stem).with_suffix(".txt"))
