"""Regular expressions with a time limit, so a catastrophic user pattern fails clearly."""

from dataclasses import dataclass

import regex

from .errors import RuleTimeout

# Global flags leading a pattern, which become scoped ones when it is a branch of another.
LEADING_FLAGS = regex.compile(r"\A\(\?([ims]+)\)")
# What means something else, or breaks, when a pattern is one branch of a larger one:
# back-references, named groups, recursion, and global flags not at the start.
NOT_A_BRANCH = regex.compile(r"\\[1-9]|\\g<|\(\?P|\(\?<[A-Za-z_]|\(\?[aiLmsuxV0-9]*\)|\(\?[R&|]")
# Lines longer than this skip the screen and meet each rule: paragraphs run to ~2,000.
SCREEN_MAX_CHARS = 10_000
# A rule pattern normally runs in microseconds per line; 0.5 s means it is backtracking
# catastrophically, and a clear error is better than a batch that never ends.
DEFAULT_TIMEOUT_S = 0.5
# Past this many characters a line may run a sound pattern out of time: "^\W*(?:...)" tries
# its words after every one of 20,000 leading dots. Such a line counts as not matching, so an
# odd long line never fails its document; on shorter lines the time limit is the pattern's
# fault, and RuleTimeout says so (`cleaner rules check` tries every pattern on adversarial
# lines this long: cleaner/stress.py).
LONG_LINE_CHARS = 2_000


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
        return self._run(lambda t, timeout: list(self.compiled.finditer(t, timeout=timeout)), text,
                         nothing=[])

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


@dataclass(frozen=True)
class Screen:
    """Many patterns as at most two: those anchored at the start, tried at position 0 only,
    and the rest. `search` is true wherever any of the patterns would match, and wherever it
    cannot tell: on text longer than SCREEN_MAX_CHARS (the joined pattern costs the sum of
    its parts there) or when it runs out of time."""

    anchored: Pattern | None
    floating: Pattern | None

    def search(self, text: str) -> bool:
        if len(text) > SCREEN_MAX_CHARS:
            return True
        anchored, floating = self.anchored, self.floating
        try:  # the compiled patterns: out of time, a Pattern finds nothing on a long line
            return bool((anchored and anchored.compiled.match(text, timeout=anchored.timeout_s))
                        or (floating and floating.compiled.search(text, timeout=floating.timeout_s)))
        except TimeoutError:
            return True


def screen_of(patterns: list[Pattern], owner: str, where: str,
              timeout_s: float = DEFAULT_TIMEOUT_S) -> Screen | None:
    """A Screen for `patterns`, or None if one of them cannot be a branch of another."""
    anchored, floating = [], []
    for pattern in patterns:
        flags = LEADING_FLAGS.match(pattern.source)
        body = pattern.source[flags.end():] if flags else pattern.source
        if NOT_A_BRANCH.search(body):
            return None
        branch = f"(?{flags.group(1)}:{body})" if flags else f"(?:{body})"
        starts = ("m" not in (flags.group(1) if flags else "")  # (?m)^ also matches after "\n"
                  and all(part.startswith("^") for part in top_level_alternatives(body)))
        (anchored if starts else floating).append(branch)
    try:
        return Screen(*(Pattern("|".join(branches), owner, where, timeout_s) if branches else None
                        for branches in (anchored, floating)))
    except regex.error:
        return None


def top_level_alternatives(source: str) -> list[str]:
    """`source` split at the `|` that are outside groups and character classes."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1  # skip the escaped character
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[index + 1:index + 2] == "]":
                index += 1  # "[]...]": a leading ] is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    return parts + [source[start:]]
