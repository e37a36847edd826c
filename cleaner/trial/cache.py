"""The base run of `cleaner rules try`, kept on disk between tries: a rule author tries
rule after rule on the same corpus, and the base run is most of the work.

A cached run is used only for the very same inputs (their fingerprints), fields, format,
base rule files (their bytes), options and cleaner code (the bytes of its modules); anything
else makes a new key. The cache holds the most recent MAX_CACHED runs.
"""

import hashlib
import os
import pickle
import re
from dataclasses import asdict
from pathlib import Path
from typing import TypeGuard

from ..batch.checkpoint import input_fingerprints
from ..files import write_atomic
from ..options import Options
from ..rule_model import RuleSet
from .runs import Snapshot

# Runs kept (each corpus, base rule set and option set makes one): older ones are removed.
MAX_CACHED = 4
SUFFIX = ".pickle"
# The cache's own files, "rules-try-<key>.pickle": the only ones it ever prunes, whatever
# else the folder holds.
PREFIX = "rules-try-"
OWN_FILE = re.compile(rf"{PREFIX}[0-9a-f]{{32}}{re.escape(SUFFIX)}")


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/cleaner/rules-try, or ~/.cache/cleaner/rules-try."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "cleaner" / "rules-try"


def code_digest() -> str:
    """A digest of cleaner's modules: a changed stage invalidates every cached run."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_key(
    inputs, settings: tuple[object, ...], rulesets: tuple[RuleSet, ...], options: Options
) -> str:
    """The key of a base run: inputs (fingerprints, modification times), `settings`
    (fields, format, gold field), the base rule files' bytes, options and code."""
    digest = hashlib.sha256()
    for part in (
        *input_fingerprints(inputs),
        *(modified(raw) for raw in inputs),
        repr(settings),
        repr(sorted(asdict(options).items())),
        code_digest(),
    ):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for ruleset in rulesets:
        digest.update(Path(ruleset.path).read_bytes() + b"\0")
    return digest.hexdigest()[:32]


BaseRun = tuple[list[Snapshot], int]  # the snapshots, and the documents that failed


def modified(raw: str) -> str:
    """A file's modification time: its fingerprint reads only its ends."""
    try:
        return str(Path(raw).stat().st_mtime_ns)
    except OSError:
        return "-"


def load_run(folder: Path, key: str) -> BaseRun | None:
    """The cached base run of `key`, or None (none, or unreadable: it is then made anew)."""
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    try:
        with path.open("rb") as stream:
            run = pickle.load(stream)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return None
    except (ValueError, TypeError, IndexError, KeyError):  # a damaged pickle's odd opcodes
        return None
    if not is_base_run(run):  # a file of another shape under the cache's name
        return None
    os.utime(path)  # recently used: pruned last
    return run


def is_base_run(run: object) -> TypeGuard[BaseRun]:
    return (
        isinstance(run, tuple)
        and len(run) == 2
        and isinstance(run[0], list)
        and all(isinstance(shot, Snapshot) for shot in run[0])
        and isinstance(run[1], int)
    )


def save_run(folder: Path, key: str, run: BaseRun) -> None:
    """Keep the base run of `key`, and only the MAX_CACHED most recent runs."""
    folder.mkdir(parents=True, exist_ok=True)
    data = pickle.dumps(run, protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(folder / f"{PREFIX}{key}{SUFFIX}", data)
    own = [path for path in folder.glob(PREFIX + "*") if OWN_FILE.fullmatch(path.name)]
    for old in sorted(own, key=lambda p: p.stat().st_mtime, reverse=True)[MAX_CACHED:]:
        old.unlink(missing_ok=True)
