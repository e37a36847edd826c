"""Outputs that survive a crash: a JSONL file, or a directory mirroring the input's tree.

JSONL records are appended, in input order, to a hidden partial file beside the target that
replaces it only when the run completes; `position()` is where a resumed run truncates it
back to. Directory outputs are written one file at a time, each atomically.
"""

import json
import os
from pathlib import Path

from ..cli import write_atomic
from .records import Outcome


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


class JsonlFile:
    """JSON lines written to `partial_path(target)`, renamed to `target` by `finish()`."""

    def __init__(self, target: Path):
        self.target, self.partial, self.out = target, partial_path(target), None

    def open(self, offset: int | None) -> None:
        """Start afresh (offset None) or continue a run whose output ended at `offset`."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if offset is None:
            self.out = self.partial.open("wb")
        else:
            self.out = self.partial.open("r+b")
            self.out.truncate(offset)
            self.out.seek(offset)

    def write(self, record: dict) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")

    def position(self) -> int:
        """Flush to disk and return the size written so far."""
        self.out.flush()
        os.fsync(self.out.fileno())
        return self.out.tell()

    def close(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None

    def finish(self, keep: bool = True) -> None:
        """Publish the file atomically; `keep=False` removes it (and any stale target)."""
        self.position()
        self.close()
        if keep:
            os.replace(self.partial, self.target)
        else:
            self.partial.unlink(missing_ok=True)
            self.target.unlink(missing_ok=True)


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
