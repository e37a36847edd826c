"""Regular expressions with a time limit, so a catastrophic user pattern fails clearly."""

import regex

from .errors import RuleTimeout

# A rule pattern normally runs in microseconds per line; 0.5 s means it is backtracking
# catastrophically, and a clear error is better than a batch that never ends.
DEFAULT_TIMEOUT_S = 0.5
# Past this many characters a line may run a sound pattern out of time: "^\W*(?:...)" tries
# its words after every one of 20,000 leading dots. Such a line counts as not matching, so an
# odd long line never fails its document; on shorter lines the time limit is the pattern's
# fault, and RuleTimeout says so (`cleaner rules check` tries every pattern on adversarial
# lines this long: cleaner/stress.py).
LONG_LINE_CHARS = 2_000
# No bundled pattern nests groups over 5 deep. Past a few hundred levels `regex`'s compiler
# and the prefilter's translation (both recursive) overflow Python's stack; 50 is a pattern
# no one can review anyway.
MAX_GROUP_DEPTH = 50
# A back-reference counts groups across the whole pattern, so in a list of alternatives it
# would point into another alternative.
BACK_REFERENCE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")
LEADING_FLAGS = regex.compile(r"\(\?[a-zA-Z]+\)")


def group_depth(source: str) -> int:
    """How deeply `source` nests its groups (escapes and character classes skipped)."""
    depth = deepest = 0
    in_class = escaped = False
    for char in source:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
            deepest = max(deepest, depth)
    return deepest


def joined(alternatives: list[str]) -> str:
    """One pattern that matches wherever one of `alternatives` does: them joined with |,
    their leading flags (`(?i)`), which must be the same on each, written once."""
    flags = {flag.group() if flag else "" for flag in map(LEADING_FLAGS.match, alternatives)}
    if len(flags) > 1:
        raise ValueError(
            f"alternatives start with different flags ({', '.join(sorted(flags))}); "
            "give each the same ones"
        )
    prefix = flags.pop()
    if len(alternatives) > 1 and any(map(BACK_REFERENCE.search, alternatives)):
        raise ValueError(
            "a back-reference in a list of alternatives would count the groups "
            "of the others; write this one as a single pattern"
        )
    return prefix + "|".join(alternative[len(prefix) :] for alternative in alternatives)


class Pattern:
    """A compiled pattern that knows which rule owns it and where it was written. Out of
    time on a line over LONG_LINE_CHARS it finds nothing; on a shorter one it raises
    RuleTimeout."""

    def __init__(self, source: str, owner: str, where: str, timeout_s: float = DEFAULT_TIMEOUT_S):
        self.source, self.owner, self.where, self.timeout_s = source, owner, where, timeout_s
        self.compiled = regex.compile(source)

    def search(self, text: str):
        return self._run(self.compiled.search, text)

    def match(self, text: str):
        return self._run(self.compiled.match, text)

    def finditer(self, text: str):
        return self._run(
            lambda t, timeout: list(self.compiled.finditer(t, timeout=timeout)), text, nothing=[]
        )

    def _run(self, method, text, nothing=None):
        try:
            return method(text, timeout=self.timeout_s)
        except TimeoutError:
            if len(text) > LONG_LINE_CHARS:
                return nothing
            raise RuleTimeout(
                f"{self.where}: rule {self.owner}: pattern {self.source!r} took over "
                f"{self.timeout_s} s on a {len(text)}-character line; it probably backtracks "
                "catastrophically: simplify it (avoid nested quantifiers such as (a+)+)"
            ) from None

    def __repr__(self):
        return f"Pattern({self.source!r})"
