"""Files that are never half-written: a crash leaves the old file or the new one. One JSONL
writer serves every command (`clean --format jsonl`, `--report`, `batch` output and errors)."""

import json
import math
import os
import re
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ConfigError, RecordError, UsageError, printable
from .safepaths import open_working_file, partial_path

# The name write_atomic gives its temporary file: only names of this shape are swept.
LEFTOVER = re.compile(r"\..+\.[0-9a-f]{32}\.tmp")


def write_atomic(target: Path, text: str | bytes) -> None:
    """Write `text` to a hidden temporary file beside `target`, then rename it over `target`.
    The file gets the usual permissions (the process umask), not a temp file's 0600."""
    target = Path(target)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("xb") as out:
            out.write(data)
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        if err.filename == str(tmp):  # name the file the user asked for, not our temporary
            raise OSError(err.errno, err.strerror, str(target)) from None
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fresh_directory(path: Path) -> None:
    """Remove `path` and make it anew, empty; UsageError if either cannot be done (a
    symbolic link is not followed), so a run finds out before its work, not after."""
    try:
        if os.path.lexists(path):
            shutil.rmtree(path)
        path.mkdir(parents=True)
    except OSError as err:
        raise UsageError(
            f"{path}: cannot be emptied and written ({err.strerror or err}); remove it, or "
            "choose another output"
        ) from None


def remove_leftovers(folder: Path, target: str = "*", recursive: bool = False) -> None:
    """Delete the temporary files write_atomic leaves when killed between writing and
    renaming ('.NAME.<32 hex>.tmp'), for `target` or every name, in `folder` (and below)."""
    pattern = f".{target}.*.tmp"
    for path in folder.rglob(pattern) if recursive else folder.glob(pattern):
        if LEFTOVER.fullmatch(path.name) and path.is_file():
            path.unlink(missing_ok=True)


def encode_record(record: dict[str, Any]) -> tuple[bytes, int]:
    """One JSON line as UTF-8, and how many NaN/Infinity values it held: those are not JSON,
    so they are written as null. A record that cannot be a JSON line (a lone surrogate,
    nesting too deep) is a RecordError, raised before anything is written."""
    nulled = 0
    try:
        try:
            line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        except ValueError as err:
            if "Out of range float" not in str(err):
                raise
            nulled_record, nulled = finite(record)
            line = json.dumps(nulled_record, ensure_ascii=False, allow_nan=False)
        return line.encode("utf-8") + b"\n", nulled
    except UnicodeEncodeError as err:
        raise RecordError(
            f"not valid UTF-8: {printable(err.object[err.start : err.end])} "
            "(a lone surrogate) in a field; fix the input"
        ) from None
    except RecursionError:
        raise RecordError("a field is nested too deeply to write as JSON") from None
    except (TypeError, ValueError) as err:
        raise RecordError(f"cannot be written as JSON: {printable(str(err))}") from None


def finite(value) -> tuple[object, int]:
    """`value` with every NaN or infinite float replaced by None, and how many were."""
    if isinstance(value, float) and not math.isfinite(value):
        return None, 1
    if isinstance(value, dict):
        pairs = [(key, finite(item)) for key, item in value.items()]
        return {key: item for key, (item, _) in pairs}, sum(n for _, (_, n) in pairs)
    if isinstance(value, (list, tuple)):
        items = [finite(item) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    return value, 0


class JsonlWriter:
    """JSON lines to `target`: written to `partial_path(target)` and renamed over it by
    `finish()`; '-' streams to stdout; None writes nothing."""

    def __init__(self, target: Path | str | None):
        self.target = None if target is None or str(target) == "-" else Path(target)
        self.to_stdout = target is not None and str(target) == "-"
        self.out: BinaryIO | None = None

    def open(self, offset: int | None = None) -> "JsonlWriter":
        """Start afresh (offset None) or continue a run whose output ended at `offset`."""
        if self.target is None:
            return self
        self.target.parent.mkdir(parents=True, exist_ok=True)
        partial = partial_path(self.target)
        if offset is None or (offset == 0 and not partial.exists()):
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
            self.out = os.fdopen(open_working_file(partial, flags), "wb")
            return self
        try:
            self.out = os.fdopen(open_working_file(partial, os.O_RDWR), "r+b")
        except FileNotFoundError:
            raise ConfigError(
                f"{partial}: the interrupted run's output is gone; rerun "
                "without --resume to start over"
            ) from None
        size = self.out.seek(0, os.SEEK_END)
        if offset > size:  # truncate() would pad it with NUL bytes
            self.out.close()
            raise ConfigError(
                f"{partial}: the interrupted run's output is shorter ({size:,} bytes) than its "
                f"checkpoint says ({offset:,}); rerun without --resume to start over"
            )
        self.out.truncate(offset)
        self.out.seek(offset)
        return self

    def write(self, record: dict[str, Any]) -> int:
        """Append one record; returns how many NaN/Infinity values became null."""
        line, nulled = encode_record(record)
        if self.out is not None:
            self.out.write(line)
        elif self.to_stdout:
            sys.stdout.buffer.write(line)
        return nulled

    def position(self) -> int:
        """Flush to disk and return the size written so far."""
        if self.out is None:
            return 0
        self.out.flush()
        os.fsync(self.out.fileno())
        return self.out.tell()

    def close(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None

    def finish(self, keep: bool = True) -> None:
        """Publish the file atomically; `keep=False` removes it (and any stale target)."""
        if self.to_stdout:
            sys.stdout.flush()
        if self.target is None:
            return
        self.position()
        self.close()
        if keep:
            os.replace(partial_path(self.target), self.target)
        else:
            partial_path(self.target).unlink(missing_ok=True)
            self.target.unlink(missing_ok=True)

    def __enter__(self) -> "JsonlWriter":
        return self.open()

    def __exit__(self, kind, *_) -> None:
        self.finish(keep=kind is None)
