"""Errors a user can cause and act on; the CLI prints them as one line."""


class CleanerError(Exception):
    """Base class: the message says what went wrong and what to do."""


class RuleError(CleanerError):
    """A rule file is invalid: the message names the file, line and key."""

    def __init__(self, path, line, key, problem):
        self.path, self.line, self.key, self.problem = str(path), line, key, problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")


class RuleTimeout(CleanerError):
    """A rule's pattern ran past its time limit (usually catastrophic backtracking)."""


class InputError(CleanerError):
    """A document cannot be cleaned (binary, undecodable, too large)."""


def internal_error(err: Exception) -> str:
    """The one-line message for a bug that cost a document: what broke, and to report it."""
    return f"internal error ({type(err).__name__}: {err}); please report it"
