"""Regular expressions with a time limit, so a catastrophic user pattern fails clearly."""

import regex

from .errors import RuleTimeout

# A rule pattern normally runs in microseconds per line; 0.5 s means it is backtracking
# catastrophically, and a clear error is better than a batch that never ends.
DEFAULT_TIMEOUT_S = 0.5


class Pattern:
    """A compiled pattern that knows which rule owns it and where it was written."""

    def __init__(self, source: str, owner: str, where: str, timeout_s: float = DEFAULT_TIMEOUT_S):
        self.source, self.owner, self.where, self.timeout_s = source, owner, where, timeout_s
        self.compiled = regex.compile(source)

    def search(self, text: str):
        return self._run(self.compiled.search, text)

    def finditer(self, text: str):
        return self._run(lambda t, timeout: list(self.compiled.finditer(t, timeout=timeout)), text)

    def _run(self, method, text):
        try:
            return method(text, timeout=self.timeout_s)
        except TimeoutError:
            raise RuleTimeout(
                f"{self.where}: rule {self.owner}: pattern {self.source!r} took over "
                f"{self.timeout_s} s on a {len(text)}-character line; it probably backtracks "
                "catastrophically: simplify it (avoid nested quantifiers such as (a+)+)"
            ) from None

    def __repr__(self):
        return f"Pattern({self.source!r})"
