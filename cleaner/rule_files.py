"""Finding rule files and reading them as YAML whose mappings remember their lines.

Only regular files are read (a FIFO named `x.yaml` would block the run), at most
MAX_RULE_FILE_BYTES each. Symlinked subdirectories of a rules folder are followed, each real
directory once, so a link loop ends; a dangling link or a directory named `*.yaml` is an error.
"""

import argparse
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import RuleError

RULE_SUFFIXES = (".yaml", ".yml")
# The largest bundled file is 34 KB and a learned outlet file of a thousand rules about
# 400 KB; past 4 MB a "rule file" is a mistake (a corpus saved as .yaml) that would cost
# seconds of YAML parsing and its size again in memory.
MAX_RULE_FILE_BYTES = 4 << 20
DANGLING_LINK = "cannot read rule file: a symlink to nothing; fix or remove it"
# A rules folder past this many directories or rule files is a mistake (`--rules /`, which
# walked the whole disk for minutes and read every YAML file on it), not a rule collection:
# one outlet a file, this is ten thousand outlets.
MAX_RULE_DIRS = 10_000
MAX_RULE_FILES = 10_000


def rules_path(text: str) -> Path:
    """`--rules`' argument type: a path, not the empty string (which Path reads as the
    current directory, and with it every YAML file below)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path; name a rules folder or file")
    return Path(text)


def add_rules_option(parser, help_text: str = "extra rule file or directory (repeatable)") -> None:
    """`--rules DIR` (repeatable, a list of paths), as every command that takes rule files
    spells it."""
    parser.add_argument(
        "--rules", action="append", type=rules_path, default=[], metavar="DIR", help=help_text
    )


def rule_files(paths) -> list[Path]:
    """All *.yaml/*.yml files under `paths` (files or directories), sorted for determinism
    within each directory given."""
    found = []
    for path in map(Path, paths):
        try:
            found += given_rule_files(path)
        except OSError as err:  # a name too long, a loop of links...
            raise RuleError(path, None, None, f"cannot read it: {err.strerror}") from None
    unique = {os.path.realpath(path): path for path in reversed(found)}  # a file given twice
    return [path for path in found if unique[os.path.realpath(path)] is path]


def given_rule_files(path: Path) -> list[Path]:
    """The rule files `path` names: itself, or those of the directory it is."""
    if path.is_dir():
        return sorted(files_under(path))
    if path.is_symlink() and not path.exists():
        raise RuleError(path, None, None, DANGLING_LINK)
    if path.exists():
        return [path]
    raise RuleError(path, None, None, "no such rule file or directory")


def files_under(folder: Path) -> list[Path]:
    """The rule files in `folder` and its subdirectories, symlinked ones included."""
    found: list[Path] = []
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back to a directory already read
            dirs[:] = []
            continue
        seen.add(real)
        if len(seen) > MAX_RULE_DIRS or len(found) > MAX_RULE_FILES:
            raise RuleError(
                folder,
                None,
                None,
                f"over {MAX_RULE_DIRS:,} folders or {MAX_RULE_FILES:,} rule files under it: "
                "not a rules folder; name the folder that holds the rule files",
            )
        for name in dirs + files:
            path = Path(root, name)
            if path.suffix not in RULE_SUFFIXES:
                continue
            if path.is_symlink() and not path.exists():
                raise RuleError(path, None, None, DANGLING_LINK)
            if name in dirs:
                raise RuleError(
                    path,
                    None,
                    None,
                    "cannot read rule file: a directory; rename it "
                    "(rule files are the *.yaml and *.yml files in a rules folder)",
                )
            found.append(path)
    return found


def read_text(path: Path) -> str:
    """The file's text, if it is a regular UTF-8 file within MAX_RULE_FILE_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the open
    except OSError as err:
        raise RuleError(path, None, None, f"cannot be read: {err.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise RuleError(path, None, None, "not a regular file; a rule file must be one")
        data = file.read(MAX_RULE_FILE_BYTES + 1)
    if len(data) > MAX_RULE_FILE_BYTES:
        raise RuleError(
            path,
            None,
            None,
            f"over {MAX_RULE_FILE_BYTES >> 20} MB; a rule file is at most that large: split it",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise RuleError(path, None, None, "not UTF-8 text; save the rule file as UTF-8") from None


def parse_yaml(path: Path, text: str):
    """The YAML document, its mappings as `Mapping`s (an empty file is an empty one)."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise RuleError(
            path, mark.line + 1 if mark else None, None, f"malformed YAML: {problem}"
        ) from None
    except RecursionError:
        raise RuleError(path, None, None, "malformed YAML: nested too deeply") from None
    if not fits_when_expanded(data, MAX_RULE_FILE_BYTES):
        raise RuleError(
            path,
            None,
            None,
            f"its aliases (*name) repeat text past {MAX_RULE_FILE_BYTES >> 20} MB; "
            "write the rules out, or split the file",
        )
    return Mapping() if data is None else data


# What a value other than text counts toward the expanded size (fits_when_expanded).
NODE_BYTES = 16


def fits_when_expanded(data, budget: int) -> bool:
    """Whether `data`, each alias counted at every place it is used, holds at most `budget`
    characters of text (NODE_BYTES a value besides): PyYAML shares an aliased value, but
    the loader compiles a pattern each time, so a file of a few KB could stand for GBs.
    Stops as soon as the budget is spent."""
    stack = [data]
    while stack:
        item = stack.pop()
        budget -= len(item) if isinstance(item, str) else NODE_BYTES
        if budget < 0:
            return False
        if isinstance(item, dict):
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return True


class Mapping(dict[Any, Any]):
    """A YAML mapping that remembers its own line and the line of each key."""

    line = 1

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: object) -> int:
        return self.key_lines.get(key, self.line)


if TYPE_CHECKING:  # the stubs declare CSafeLoader; a PyYAML built without libyaml lacks it
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader whose mappings remember their lines; libyaml's parser where PyYAML was
    built with it (its wheels are): it loads the rule files an order of magnitude faster,
    at every process start."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, f"a key must be a word, not a {type(key).__name__}", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicated key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
