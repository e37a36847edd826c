"""A `regex` pattern read into atoms, for the prefilter to translate into RE2 (prefilter.py).

Reading is separate from translating. It never fails on a construct the translation might
not need (a lookbehind's content is dropped untranslated): such a construct becomes an
"unsupported" atom, and only translating it fails. An unclosed group or class, which the
pattern could not have compiled with, stops the reading.
"""

import re
from dataclasses import dataclass

QUANTIFIER = re.compile(r"[*+?]|\{(\d*)(?:(,)(\d*))?\}")
INLINE_FLAGS = re.compile(r"\(\?([imsx]*(?:-[imsx]+)?)([:)])")
NAMED_GROUP = re.compile(r"\(\?P?<([A-Za-z_]\w*)>")
LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


class Untranslatable(ValueError):
    """A pattern construct with no RE2 counterpart that matches at least as much."""


@dataclass(frozen=True)
class Atom:
    """One atom of a pattern with its quantifier.

    kind: "char" (text: the character), "escape" (text: as written), "dollar", "class"
    (members: its (kind, text) tokens), "group" (text: "lookahead", "lookaround",
    "group", or the inline flags of `(?i:...)`; body: its content, where a `|` is a char),
    or "unsupported" (text: what has no counterpart)."""

    kind: str
    text: str = ""
    quantifier: str = ""  # as written, without a lazy "?" or possessive "+"
    lazy: bool = False
    body: tuple["Atom", ...] = ()
    members: tuple[tuple[str, str], ...] = ()
    negated: bool = False


@dataclass(frozen=True)
class ParsedPattern:
    """A whole pattern: its leading inline flags (`(?i)`) and its top-level branches."""

    flags: str
    branches: tuple[tuple[Atom, ...], ...]


def read_pattern(source: str) -> ParsedPattern:
    reader = Reader(source)
    flags = INLINE_FLAGS.match(source)
    prefix = flags.group() if flags and flags.group(2) == ")" else ""
    spans = reader.branches(len(prefix), len(source))
    return ParsedPattern(prefix, tuple(reader.sequence(start, end) for start, end in spans))


class Reader:
    """Reads stretches of one pattern's source; indices are positions in it."""

    def __init__(self, source: str):
        self.source = source

    def branches(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the stretch's top-level branches (split at | outside groups)."""
        spans, begin, i = [], start, start
        while i < end:
            char = self.source[i]
            if char == "\\":
                i = self.escape_end(i)
            elif char == "[":
                i = self.class_end(i)
            elif char == "(":
                i = self.group_end(i)
            else:
                if char == "|":
                    spans.append((begin, i))
                    begin = i + 1
                i += 1
        return spans + [(begin, end)]

    def sequence(self, start: int, end: int) -> tuple[Atom, ...]:
        """The stretch's atoms, each with its quantifier."""
        src, atoms, i = self.source, [], start
        while i < end:
            atom, i = self.atom(i)
            quantifier = QUANTIFIER.match(src, i)
            if quantifier and quantifier.end() <= end and atom.kind != "unsupported":
                i = quantifier.end()
                lazy = src[i : i + 1] == "?"
                i += src[i : i + 1] in "?+"  # lazy, or possessive (read as plain)
                atom = Atom(
                    atom.kind,
                    atom.text,
                    quantifier.group(),
                    lazy,
                    atom.body,
                    atom.members,
                    atom.negated,
                )
            atoms.append(atom)
        return tuple(atoms)

    def atom(self, i: int) -> tuple[Atom, int]:
        """The atom at `i`, without its quantifier, and the index after it."""
        src, char = self.source, self.source[i]
        if char == "(":
            close = self.group_end(i)
            return self.group(i, close), close
        if char == "[":
            close = self.class_end(i)
            return self.char_class(i, close), close
        if char == "\\":
            end = self.escape_end(i)
            return Atom("escape", src[i:end]), end
        if char == "$":
            return Atom("dollar"), i + 1
        if char in "*+?{" and (quantifier := QUANTIFIER.match(src, i)):
            return Atom("unsupported", f"nothing to repeat at {i}"), quantifier.end()
        return Atom("char", char), i + 1

    def group(self, start: int, close: int) -> Atom:
        """The group opened at `start`; `close` is the index after its ")"."""
        src, body_end = self.source, close - 1
        opener = next((o for o in LOOKAROUNDS if src.startswith(o, start)), None)
        if opener:
            kind = "lookahead" if opener == "(?=" else "lookaround"
            return Atom("group", kind, body=self.sequence(start + len(opener), body_end))
        if src.startswith(("(?:", "(?>"), start):
            return Atom("group", "group", body=self.sequence(start + 3, body_end))
        named = NAMED_GROUP.match(src, start)
        if named:
            return Atom("group", "group", body=self.sequence(named.end(), body_end))
        flags = INLINE_FLAGS.match(src, start)
        if flags and flags.group(2) == ":" and "x" not in flags.group(1):
            return Atom("group", flags.group(1), body=self.sequence(flags.end(), body_end))
        if src.startswith("(?", start):
            return Atom("unsupported", f"group {src[start : start + 4]!r}")
        return Atom("group", "group", body=self.sequence(start + 1, body_end))

    def char_class(self, start: int, close: int) -> Atom:
        """The class opened at `start` as tokens: ("escape", text), ("posix", "[:"),
        ("char", c); a "]" right after the opening bracket is a char."""
        src, i = self.source, start + 1
        negated = src[i : i + 1] == "^"
        i += negated
        members = []
        if src[i : i + 1] == "]":
            members.append(("char", "]"))
            i += 1
        while i < close - 1:
            if src[i] == "\\":
                end = self.escape_end(i)
                members.append(("escape", src[i:end]))
                i = end
            else:
                members.append(("posix", "[:") if src.startswith("[:", i) else ("char", src[i]))
                i += 1
        return Atom("class", members=tuple(members), negated=negated)

    def escape_end(self, at: int) -> int:
        src, letter = self.source, self.source[at + 1 : at + 2]
        if letter in "pPx" and src[at + 2 : at + 3] == "{":
            return src.index("}", at) + 1
        if letter in "pP":
            return at + 3
        return at + {"x": 4, "u": 6, "U": 10}.get(letter, 2)

    def group_end(self, start: int) -> int:
        """The index just after the group opened at `start`."""
        src, depth, i = self.source, 0, start
        while i < len(src):
            char = src[i]
            if char == "\\":
                i += 2
                continue
            if char == "[":
                i = self.class_end(i)
                continue
            depth += {"(": 1, ")": -1}.get(char, 0)
            i += 1
            if depth == 0:
                return i
        raise Untranslatable("an unclosed group")

    def class_end(self, start: int) -> int:
        """The index just after the character class opened at `start`."""
        src, i = self.source, start + 1
        i += src[i : i + 1] == "^"
        i += src[i : i + 1] == "]"
        while i < len(src):
            if src[i] == "\\":
                i += 2
            elif src[i] == "]":
                return i + 1
            else:
                i += 1
        raise Untranslatable("an unclosed class")
