"""Document files on disk, as `cleaner clean` and `cleaner batch` both read them: which files
under a directory are documents, their format by suffix, their bytes, their output name."""

import gzip
from pathlib import Path

from .errors import InputError

# HTML goes straight to the HTML path; .txt is sniffed. A .gz suffix is read through.
DOCUMENT_FORMATS = {".txt": "auto", ".html": "html", ".htm": "html"}


def document_format(name: str) -> str | None:
    """The cleaning format of a document file by its suffix (.gz ignored), or None."""
    return DOCUMENT_FORMATS.get(Path(name.lower().removesuffix(".gz")).suffix)


def document_files(root: Path) -> list[str]:
    """The document files under `root`, as sorted relative POSIX paths."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and document_format(p.name) is not None)


def read_document(path: Path) -> bytes:
    """The file's bytes, gunzipped if its name ends in .gz."""
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.name.lower().endswith(".gz") else data
    except (EOFError, gzip.BadGzipFile) as err:  # BadGzipFile is an OSError: test it first
        raise InputError(f"cannot read: not valid gzip ({err})") from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None


def mirrored_name(rel: str) -> str:
    """The output name of a document file: 'a/b.html.gz' -> 'a/b.txt'."""
    stem = rel.removesuffix(".gz").removesuffix(".GZ")
    return str(Path(stem).with_suffix(".txt"))
