"""Where an interrupted run stopped, so `--resume` continues it.

A checkpoint records how many input records were consumed, where the output and errors files
ended, and the summary so far; it is written atomically after the outputs are flushed, so
it never points past what is on disk. Work after the last checkpoint is redone on resume and
truncated away first, which makes a resumed run's output identical to an uninterrupted one.
It also holds a fingerprint of each input, so a resume refuses an input that changed.
"""

import hashlib
import json
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..files import write_atomic
from ..sources import document_files

# Bytes hashed at each end of an input file: a changed header, an appended or cut tail, or
# a changed size is caught at the cost of two reads, whatever the input's size.
FINGERPRINT_END_BYTES = 64 * 1024


@dataclass(frozen=True)
class Checkpoint:
    signature: dict[str, Any]  # the run's inputs and settings; a resume must match them
    consumed: int  # input records read (all shards), all written
    output_offset: int
    errors_offset: int
    counts: dict[str, Any]  # Summary.counts()


def save_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    write_atomic(path, json.dumps(asdict(checkpoint), sort_keys=True))


def load_checkpoint(path: Path, signature: dict[str, Any]) -> Checkpoint | None:
    """The saved checkpoint, or None if there is none; a checkpoint of a different run
    (other inputs, input contents or settings) is a ConfigError rather than a silently
    mixed output."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        checkpoint = Checkpoint(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as err:
        raise unreadable(path, err) from None
    if isinstance(checkpoint.signature, dict) and checkpoint.signature != signature:
        raise ConfigError(mismatch(path, checkpoint.signature, signature))
    try:
        check_fields(checkpoint)
    except ValueError as err:
        raise unreadable(path, err) from None
    return checkpoint


def unreadable(path: Path, err: Exception) -> ConfigError:
    return ConfigError(f"{path}: unreadable checkpoint ({err}); delete it to start over")


def check_fields(checkpoint: Checkpoint) -> None:
    """ValueError unless every field has the type and range a run saves (a hand-edited or
    damaged checkpoint would make a resume skip, repeat or pad records)."""
    for name in ("consumed", "output_offset", "errors_offset"):
        if not is_count(getattr(checkpoint, name)):
            raise ValueError(f"{name}: not a whole number >= 0")
    if not isinstance(checkpoint.signature, dict):
        raise ValueError("signature: not a mapping")
    counts = checkpoint.counts
    if not isinstance(counts, dict):
        raise ValueError("counts: not a mapping")
    for name in ("docs_in", "docs_out", "docs_failed"):
        if not is_count(counts.get(name)):
            raise ValueError(f"counts.{name}: not a whole number >= 0")
    for name in ("removed_by_category", "removed_by_rule", "edits_by_rule"):
        table = counts.get(name)
        if not isinstance(table, dict) or not all(map(is_count, table.values())):
            raise ValueError(f"counts.{name}: not a mapping of whole numbers >= 0")
    if not is_count(counts.get("values_nulled", 0)):
        raise ValueError("counts.values_nulled: not a whole number >= 0")


def is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def mismatch(path: Path, saved: dict[str, Any], signature: dict[str, Any]) -> str:
    """What differs between the interrupted run and this one, and what to do."""
    changed = sorted(k for k in signature if signature[k] != saved.get(k))
    if "inputs" in changed and "input_fingerprints" in changed:  # say the cause only
        changed.remove("input_fingerprints")
    if changed == ["input_fingerprints"]:
        # Not strict: a checkpoint from before fingerprints has none, and names no input.
        inputs = [
            raw
            for raw, old, new in zip(
                signature["inputs"],
                saved.get(changed[0]) or [],
                signature[changed[0]],
                strict=False,
            )
            if old != new
        ]
        return (
            f"--resume: {', '.join(inputs) or 'an input'} changed since the interrupted run "
            f"(size or content); rerun without --resume to start over"
        )
    return (
        f"--resume: the interrupted run had different {', '.join(changed)}; "
        f"rerun with the same arguments, or delete {path} to start over"
    )


def input_fingerprints(inputs) -> list[str]:
    """One fingerprint per input: a file's size and a hash of its first and last
    FINGERPRINT_END_BYTES; a directory's document names, sizes and modification times;
    stdin cannot be checked ('-')."""
    return [input_fingerprint(Path(raw)) if raw != "-" else "-" for raw in inputs]


def input_fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        if not (path.is_dir() or stat.S_ISREG(path.stat().st_mode)):
            return "-"  # a FIFO or device: reading it here would consume it
    except OSError:
        return "-"  # unreadable: the reader reports it
    if path.is_dir():
        for rel in document_files(path):
            info = entry_stat(path / rel)
            entry = f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\n"
            digest.update(entry.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()
    with path.open("rb") as stream:
        size = stream.seek(0, 2)
        stream.seek(0)
        digest.update(stream.read(FINGERPRINT_END_BYTES))
        stream.seek(max(0, size - FINGERPRINT_END_BYTES))
        digest.update(stream.read(FINGERPRINT_END_BYTES))
    return f"{size}:{digest.hexdigest()}"


def entry_stat(path: Path) -> os.stat_result:
    """A listed document file's status; a dangling or looping link's own (it is listed, as
    a failure)."""
    try:
        return path.stat()
    except OSError:  # FileNotFoundError, or ELOOP: too many levels of symbolic links
        return path.lstat()
