"""Outputs that survive a crash: a JSONL file, or a directory mirroring the input's tree.

JSONL records are appended, in input order, to a hidden partial file beside the target that
replaces it only when the run completes; `position()` is where a resumed run truncates it
back to. Directory outputs are written one file at a time, each atomically.
"""

from pathlib import Path

from ..files import JsonlFile, write_atomic
from .records import Outcome


class JsonlOutput(JsonlFile):
    """Cleaned documents as JSON lines."""

    def write_outcome(self, outcome: Outcome) -> None:
        self.write(outcome.record)


class DirectoryOutput:
    """Cleaned documents as .txt files mirroring the input paths, each written atomically."""

    def __init__(self, root: Path):
        self.root = root

    def open(self, offset: int | None) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def write_outcome(self, outcome: Outcome) -> None:
        write_atomic(self.root / outcome.path, outcome.record["text"])

    def position(self) -> int:
        return 0

    def close(self) -> None:
        pass

    def finish(self, keep: bool = True) -> None:
        pass


def open_output(target: Path):
    """JSONL for a target ending in .jsonl, else a mirrored directory of .txt files."""
    return JsonlOutput(target) if target.suffix == ".jsonl" else DirectoryOutput(target)


def default_errors_path(target: Path) -> Path:
    """'out.jsonl' -> 'out.errors.jsonl'; 'outdir' -> 'outdir.errors.jsonl'."""
    return target.with_name(target.name.removesuffix(".jsonl") + ".errors.jsonl")
