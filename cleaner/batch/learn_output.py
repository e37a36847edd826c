"""`cleaner learn -o DIR`: a directory of learn's own files only, so that `--rules DIR` loads
this run's suggestions and no stale ones beside them.

Learn lists what it wrote, with each file's sha256, in DIR/MANIFEST. A later run replaces
exactly those files, and refuses a DIR holding anything else (a hand-written rule file, a
learned file edited since): it never deletes a file it did not write.
"""

import hashlib
import json
from pathlib import Path

from ..errors import UsageError
from ..files import write_atomic

MANIFEST = ".cleaner-learn.json"


def refuse_foreign_files(out_dir: Path) -> None:
    """UsageError if `out_dir` holds an entry learn did not write, or edited since."""
    if not out_dir.is_dir():
        return
    written = earlier_files(out_dir)
    for entry in sorted(out_dir.iterdir()):
        if entry.name != MANIFEST and written.get(entry.name) != file_digest(entry):
            raise UsageError(
                f"{entry}: not written by `cleaner learn`, or edited since; learn writes into "
                "a new or empty directory, or one of its own earlier files only: move it "
                "out, or choose another -o"
            )


def remove_earlier_files(out_dir: Path) -> None:
    """Delete the files an earlier run listed, each only if it is still as written."""
    for name, digest in earlier_files(out_dir).items():
        path = out_dir / name
        if file_digest(path) == digest:
            path.unlink()


def write_manifest(out_dir: Path, paths: list[Path]) -> None:
    """List the files this run wrote in `out_dir`, with their digests."""
    files = {path.name: file_digest(path) for path in paths}
    write_atomic(out_dir / MANIFEST, json.dumps({"files": files}, indent=2) + "\n")


def earlier_files(out_dir: Path) -> dict[str, str]:
    """{file name: sha256} that an earlier run wrote; {} if there was none."""
    manifest = out_dir / MANIFEST
    if not manifest.exists():
        return {}
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        files = None
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise UsageError(f"{manifest}: unreadable; remove the directory, or choose another -o")
    return {Path(name).name: digest for name, digest in files.items()}


def file_digest(path: Path) -> str | None:
    """The sha256 of a regular file (not through a link); None for anything else."""
    if path.is_symlink() or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()
