"""Files that are never half-written: a crash leaves the old file or the new one."""

import json
import os
import uuid
from pathlib import Path


def write_atomic(target: Path, text: str) -> None:
    """Write `text` to a hidden temporary file beside `target`, then rename it over `target`.
    The file gets the usual permissions (the process umask), not a temp file's 0600."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


class JsonlFile:
    """JSON lines written to `partial_path(target)`, renamed to `target` by `finish()`."""

    def __init__(self, target: Path):
        self.target, self.partial, self.out = target, partial_path(target), None

    def open(self, offset: int | None = None) -> None:
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
