"""Outputs that survive a crash: a JSONL file, or a directory mirroring the input's tree.

JSONL records are appended, in input order, to a hidden partial file beside the target that
replaces it only when the run completes; `position()` is where a resumed run truncates it
back to. Directory outputs are written one file at a time, each atomically, each at a path
proven to lie inside the directory (see cleaner.safepaths).
"""

from pathlib import Path
from typing import Any

from ..errors import MESSAGE_MAX_CHARS, RecordError, printable
from ..files import JsonlWriter, remove_leftovers, write_atomic
from ..safepaths import contained_path
from ..sources import has_suffix
from .records import Outcome


class DirectoryOutput:
    """Cleaned documents as .txt files mirroring the input paths, each written atomically."""

    def __init__(self, root: Path):
        self.root = root

    def open(self, offset: int | None) -> None:
        """Create the directory, and sweep the temporary files a killed run left in it."""
        self.root.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.root, recursive=True)

    def write_outcome(self, outcome: Outcome) -> int:
        """Write the document's text; returns 0 (text files hold no NaN to null)."""
        try:
            data = outcome.output()["text"].encode("utf-8")
        except UnicodeEncodeError as err:
            raise RecordError(
                f"not valid UTF-8: {printable(err.object[err.start : err.end])} "
                "(a lone surrogate) in its text; fix the input"
            ) from None
        if outcome.path is None:  # every reader of files and streams names one
            raise RecordError("the document has no output path; it was not written")
        target = contained_path(self.root, outcome.path)
        try:
            write_atomic(target, data)
        except IsADirectoryError:
            raise RecordError(f"its output {target} is a directory; it was not written") from None
        return 0

    def position(self) -> int:
        return 0

    def close(self) -> None:
        pass

    def finish(self, keep: bool = True) -> None:
        pass


class JsonlOutput(JsonlWriter):
    """Cleaned documents as JSON lines, through the one JSONL writer."""

    def write_outcome(self, outcome: Outcome) -> int:
        """Append the document's record; returns how many NaN/Infinity became null."""
        return self.write(outcome.output())


def writes_jsonl(target: Path) -> bool:
    """A target ending in .jsonl (in any case, as inputs are told) gets JSON lines; any
    other is a directory of .txt files."""
    return has_suffix(target.name, (".jsonl",))


def open_output(target: Path):
    """JSONL for a target ending in .jsonl, else a mirrored directory of .txt files."""
    return JsonlOutput(target) if writes_jsonl(target) else DirectoryOutput(target)


def default_errors_path(target: Path) -> Path:
    """'out.jsonl' (or 'out.JSONL') -> 'out.errors.jsonl'; 'outdir' -> 'outdir.errors.jsonl'."""
    stem = target.name[: -len(".jsonl")] if writes_jsonl(target) else target.name
    return target.with_name(stem + ".errors.jsonl")


def error_line(outcome_id, error: str) -> dict[str, Any]:
    """An errors-file record: the id and message made safe to write and print."""
    return {"id": printable(outcome_id), "error": printable(error, MESSAGE_MAX_CHARS)}
