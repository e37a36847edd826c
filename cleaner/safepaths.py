"""Paths a run writes, proven to stay inside its output and off its inputs.

Output names come from input names and document ids, which a hostile or careless input
controls (`../../etc/x`, `/abs`, 214 characters). Every path written is built from safe
components, resolved, then checked to lie inside the output root; an output that would
overwrite an input, or be read back as one, is a usage error before anything is written.
"""

import hashlib
import os
import stat
from pathlib import Path
from urllib.parse import quote

from .errors import RecordError, UsageError

# Longest file name component written, in bytes: under the usual 255-byte NAME_MAX of
# ext4, xfs and btrfs, with room for a '~2' copy number and a '.tmp' suffix's hidden name.
NAME_MAX_BYTES = 200
# Hex digits of the sha256 that stands for a shortened name's cut part: 64 bits, so two
# long ids with the same first 180 bytes collide with odds of 1 in 2**64.
NAME_HASH_HEX = 16


def partial_path(target: Path) -> Path:
    """Where a JSONL output is written before it is renamed over `target`."""
    return target.with_name(f".{target.name}.partial")


def lock_path(target: Path) -> Path:
    """The lock file a run holds for `target` (lock.py)."""
    return target.with_name(target.name + ".lock")


def checkpoint_path(target: Path) -> Path:
    """A batch run's progress record for `target` (batch/checkpoint.py)."""
    return target.with_name(f".{target.name}.progress.json")


def learned_path(target: Path) -> Path:
    """The directory of rules a batch run learns for `target` (--learned-boilerplate,
    --corpus-names), made anew each run."""
    return target.with_name(target.name + ".learned")


def working_paths(target: Path) -> tuple[Path, ...]:
    """The files a run names itself beside `target`."""
    return partial_path(target), lock_path(target), checkpoint_path(target)


def open_working_file(path: Path, flags: int) -> int:
    """os.open of a file a run names itself beside its output (`.NAME.partial`, `NAME.lock`)
    that never follows a symbolic link: one planted at that name is removed (its target is
    left alone), and O_NOFOLLOW refuses one planted after that, so no write lands outside
    the output."""
    if path.is_symlink():
        path.unlink()
    return os.open(path, flags | os.O_NOFOLLOW, 0o644)


def safe_component(part: str) -> str:
    """One path component as it may be written: '.', '..', NUL and lone surrogates
    percent-encoded, and a name over NAME_MAX_BYTES shortened, keeping its suffix, with a
    hash of the whole name (deterministic: every run names the document alike)."""
    if part in (".", ".."):
        part = part.replace(".", "%2E")
    part = "".join(
        c if c != "\x00" and is_fs_encodable(c) else quote(c, safe="", errors="surrogatepass")
        for c in part
    )
    raw = os.fsencode(part)
    if len(raw) <= NAME_MAX_BYTES:
        return part
    _, dot, suffix = part.rpartition(".")
    suffix = dot + suffix if dot and 0 < len(suffix) <= 8 and suffix.isalnum() else ""
    digest = hashlib.sha256(raw).hexdigest()[:NAME_HASH_HEX]
    keep = NAME_MAX_BYTES - NAME_HASH_HEX - 1 - len(os.fsencode(suffix))
    return f"{raw[:keep].decode('utf-8', 'ignore')}~{digest}{suffix}"


def is_fs_encodable(char: str) -> bool:
    """False for a lone surrogate that no file name can hold (one from a JSON escape)."""
    try:
        os.fsencode(char)
    except UnicodeEncodeError:
        return False
    return True


def contained_path(root: Path, rel: str) -> Path:
    """`root/rel` with every component made safe, resolved and proven inside `root` (a
    symbolic link in the output pointing elsewhere is refused, as a RecordError)."""
    parts = [safe_component(p) for p in rel.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts:
        parts = ["%2E"]
    path = root.joinpath(*parts)
    if not is_inside(root, path):
        raise RecordError(
            f"{rel}: its output path would lie outside {root} (through a "
            "symbolic link?); the document was not written"
        )
    return path


def is_inside(root: Path, path: Path) -> bool:
    """True if `path`, resolved, lies strictly inside `root`, resolved."""
    real_root, real = Path(root).resolve(), Path(path).resolve()
    return real != real_root and real.is_relative_to(real_root)


def refuse_replacing(inputs, files) -> None:
    """UsageError if an output file (None skipped) is one of the input files."""
    for raw, source in real_inputs(inputs):
        for target in files:
            if target is not None and str(target) != "-" and same_path(source, Path(target)):
                raise UsageError(
                    f"{target}: this output is also the input {raw}; choose another output name"
                )


def refuse_special_files(outputs) -> None:
    """UsageError if an output (None and stdout skipped) exists and is neither a regular
    file nor a directory: outputs are written beside it and renamed over it, which would
    replace a device such as /dev/null with a plain file."""
    for target in outputs:
        if target is None or str(target) == "-":
            continue
        try:
            mode = Path(target).stat().st_mode
        except OSError:  # missing (it will be made) or unreachable (the write will say)
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise UsageError(
                f"{target}: not a regular file or directory (a device, pipe or socket); "
                "name a file, or leave out -o to write to stdout where the command can"
            )


def refuse_collisions(outputs: dict[str, Path | None]) -> None:
    """UsageError if two outputs (option -> path; None and stdout skipped) are one file, or one
    is a working file of another (working_paths): the later write would replace the other,
    or the run would delete it as its own."""
    seen: dict[Path, str] = {}
    for option, target in outputs.items():
        if target is None or str(target) == "-":
            continue
        own = {Path(target).resolve(): option}
        own |= {path.resolve(): f"{option}'s working file" for path in working_paths(Path(target))}
        for path, role in own.items():
            if path in seen:
                raise UsageError(
                    f"{target}: {role} and {seen[path]} are the same file; give each its own"
                )
        seen |= own


def refuse_directories(files) -> None:
    """UsageError if an output that is written as one file (None and stdout skipped) is an
    existing directory: found before the run, not when its finished file is renamed over it."""
    for target in files:
        if target is not None and str(target) != "-" and Path(target).is_dir():
            raise UsageError(f"{target}: is a directory; name a file to write")


def refuse_non_directories(dirs) -> None:
    """UsageError if an output written as a directory (None skipped) exists and is not one
    (a file, a device, a link to nowhere): found before the run, not when its first file is
    written after the whole input was cleaned."""
    for target in dirs:
        if target is not None and os.path.lexists(target) and not Path(target).is_dir():
            raise UsageError(
                f"{target}: File exists, and is not a directory; name a directory to write into"
            )


def refuse_directory_overlap(inputs, target: Path) -> None:
    """UsageError if an output written as a directory exists and is not one, lies inside an
    input directory or holds an input."""
    refuse_non_directories([target])
    refuse_inside_inputs(inputs, [target])
    refuse_holding_inputs(inputs, [target])


def refuse_shared_targets(pairs) -> None:
    """UsageError if two inputs would be written to one output file, (source, target)
    pairs (None targets skipped): the second would silently replace the first."""
    seen: dict[Path, str] = {}
    for source, target in pairs:
        if target is None:
            continue
        first = seen.setdefault(Path(target).resolve(), source)
        if first != source:
            raise UsageError(
                f"{first} and {source} would both be written to {target}; clean them into "
                "separate outputs, or use `cleaner batch`, which numbers such names"
            )


def refuse_inside_inputs(inputs, dirs) -> None:
    """UsageError if an output directory is, or lies inside, an input directory: its files
    would overwrite inputs or be read back as inputs by the next run."""
    for raw, source in real_inputs(inputs):
        for target in dirs:
            if source.is_dir() and Path(target).resolve().is_relative_to(source):
                raise UsageError(
                    f"{target}: the output directory lies inside the input {raw}; "
                    "choose an output outside the inputs"
                )


def refuse_files_inside(inputs, output_dirs, files) -> None:
    """UsageError if an output file (None and stdout skipped) lies inside an input directory
    or a directory output: it would replace a document there, or be read back as one."""
    dirs = [(raw, source) for raw, source in real_inputs(inputs) if source.is_dir()]
    dirs += [(str(folder), Path(folder).resolve()) for folder in output_dirs if folder]
    for target in files:
        if target is None or str(target) == "-":
            continue
        for raw, folder in dirs:
            if Path(target).resolve().is_relative_to(folder):
                raise UsageError(
                    f"{target}: this output lies inside the directory {raw}, where it would "
                    "replace a document or be read as one; choose a path outside it"
                )


def refuse_holding_inputs(inputs, dirs) -> None:
    """UsageError if an input lies inside an output directory, where a document named
    after an id could replace it."""
    for raw, source in real_inputs(inputs):
        for target in dirs:
            if source.is_relative_to(Path(target).resolve()):
                raise UsageError(
                    f"{target}: the output directory holds the input {raw}; "
                    "choose an output outside the inputs"
                )


def real_inputs(inputs):
    """(as given, resolved) for every input but stdin."""
    return [(raw, Path(raw).resolve()) for raw in inputs if raw != "-"]


def same_path(source: Path, target: Path) -> bool:
    """True if `target` names the file `source` (resolved, or the same file by inode)."""
    if target.resolve() == source:
        return True
    try:
        return os.path.samefile(source, target)
    except OSError:
        return False


def path_text(name: str) -> str:
    """A file name as text a record can hold: bytes the file system gave that are not UTF-8
    (Python's surrogate escapes, which JSON cannot carry) written as \\xNN."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system gave: kept as its UTF-8 bytes
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def input_name(raw: str) -> str:
    """An input's name, '.' and '..' (and '/') as their resolved directory's name."""
    name = Path(raw).name
    return name if name not in ("", ".", "..") else Path(raw).resolve().name or "root"


def input_label(raw: str) -> str:
    """The name of a batch input's subdirectory of the output: 'corpus.jsonl' -> 'corpus';
    a dot-file's name without its dot, never an empty or parent component."""
    return input_name(raw).lstrip(".").split(".")[0] or "input"
