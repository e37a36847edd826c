"""Where an interrupted run stopped, so `--resume` continues it.

A checkpoint records how many input records were consumed, where the output and errors files
ended, and the summary so far; it is written atomically after the outputs are flushed, so
it never points past what is on disk. Work after the last checkpoint is redone on resume and
truncated away first, which makes a resumed run's output identical to an uninterrupted one.
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..files import write_atomic
from ..errors import CleanerError


@dataclass(frozen=True)
class Checkpoint:
    signature: dict     # the run's inputs and settings; a resume must match them
    consumed: int       # input records read (all shards), all written
    output_offset: int
    errors_offset: int
    counts: dict        # Summary.counts()


def checkpoint_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.progress.json")


def save_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    write_atomic(path, json.dumps(asdict(checkpoint), sort_keys=True))


def load_checkpoint(path: Path, signature: dict) -> Checkpoint | None:
    """The saved checkpoint, or None if there is none; a checkpoint of a different run
    (other inputs or settings) is a usage error rather than a silently mixed output."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        raise CleanerError(f"{path}: unreadable checkpoint ({err}); delete it to start over") from None
    checkpoint = Checkpoint(**data)
    if checkpoint.signature != signature:
        changed = sorted(k for k in signature if signature[k] != checkpoint.signature.get(k))
        raise CleanerError(f"--resume: the interrupted run had different {', '.join(changed)}; "
                           f"rerun with the same arguments, or delete {path} to start over")
    return checkpoint
