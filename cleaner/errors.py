"""Errors a user can cause and act on; the CLI prints them as one line.

Each class says whose move it is: `UsageError` (the command line asks for something that
cannot be done), `ConfigError` (rules, options or a checkpoint do not fit), `InputError`
(one document cannot be cleaned; `DocumentTimeout` when it takes too long), `RecordError`
(one cleaned document cannot be written), `WorkerError` (a worker process died).
`cleaner.exits` maps them to exit codes.
"""

import math
from contextlib import contextmanager

import regex

# Longest id or message kept in an errors-file line or on stderr, in characters: enough to
# find the document, short enough that a hostile 1 MB id cannot flood a terminal.
PRINTABLE_MAX_CHARS = 300
# Longest error message kept, in characters: room for a file:line, a rule id and a pattern.
MESSAGE_MAX_CHARS = 1000
# A control character or a line break: what a document's text may not carry into a line of
# output (a replacement template, explain's view) without breaking it or driving a terminal.
CONTROL = regex.compile(r"[\p{Cc}\u2028\u2029]")


class CleanerError(Exception):
    """Base class: the message says what went wrong and what to do."""


class UsageError(CleanerError):
    """The command line cannot be carried out (a missing input, an output over an input,
    an output locked by another run, a bad --shard)."""


class ConfigError(CleanerError):
    """The configuration does not fit: an unknown option or outlet, a checkpoint of
    another run."""


class RuleError(ConfigError):
    """A rule file is invalid: the message names the file, line and key."""

    def __init__(self, path, line, key, problem):
        self.path, self.line, self.key, self.problem = str(path), line, key, problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")


class RuleErrors(RuleError):
    """Every problem found in the rule files, one `file:line: key: problem` per line; its
    path, line, key and problem are the first one's."""

    def __init__(self, errors: list[RuleError]):
        first = errors[0]
        super().__init__(first.path, first.line, first.key, first.problem)
        self.errors = tuple(errors)
        self.args = ("\n".join(map(str, errors)),)


class RuleTimeout(CleanerError):
    """A rule's pattern ran past its time limit (usually catastrophic backtracking)."""


class InputError(CleanerError):
    """A document cannot be cleaned (binary, undecodable, too large)."""


class DocumentTimeout(InputError):
    """A document took longer than Options.doc_time_limit_s to clean (a pathological page)."""


class RecordError(CleanerError):
    """A cleaned document cannot be written (not encodable as UTF-8 JSON, say); it goes to
    the errors file and the run goes on."""


class WorkerError(CleanerError):
    """A worker process died; the run stops and `--resume` continues it."""


@contextmanager
def rules_readable():
    """Within the block, a rule file that cannot be read (a dangling link, a directory
    named x.yaml) is a ConfigError naming it, not an output failure."""
    try:
        yield
    except OSError as err:
        raise ConfigError(
            f"{err.filename or 'rules'}: cannot read rule file: "
            f"{err.strerror or err}; give a readable .yaml file or a "
            "directory of them"
        ) from None


def internal_error(err: Exception) -> str:
    """The one-line message for a bug that cost a document: what broke, and to report it."""
    return f"internal error ({type(err).__name__}: {err}); please report it"


def printable(value, limit: int = PRINTABLE_MAX_CHARS):
    """`value` (a document id or a message) made safe to write and print: lone surrogates
    and control characters escaped, at most `limit` characters long. None, booleans,
    whole and finite numbers stay as they are, so an id keeps its JSON type."""
    if (
        value is None
        or isinstance(value, (bool, int))
        or (isinstance(value, float) and math.isfinite(value))
    ):
        return value
    text = value if isinstance(value, str) else short_repr(value)
    text = "".join(map(escaped, text[: limit + 1]))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escaped(char: str) -> str:
    """A character as is if printable (or a space), else as a Python escape."""
    if char.isprintable() or char == " ":
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def short_repr(value) -> str:
    """repr() of a non-string id, or its type name if it is too deep to print."""
    try:
        return repr(value)
    except RecursionError:
        return f"<{type(value).__name__} nested too deep to print>"
