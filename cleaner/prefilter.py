"""Which of many patterns could match a line, found for all of them in one pass of RE2.

Each pattern, written for the `regex` module, is translated into an RE2 pattern that matches
wherever it does, and possibly elsewhere: lookarounds and word boundaries are dropped (a
lookahead that ends a top-level branch is kept as text to match), long counted repeats lose
their upper bound, possessive and atomic forms become plain ones, and `\\d`, `\\w`, `\\s` get
their Unicode meaning (RE2's are ASCII). RE2::Set then runs every translation over a line at
once, in time linear in the line, however many patterns there are. The `regex` patterns run
only where their translation matched, so the prefilter never changes an answer; a pattern it
cannot translate simply runs on every line. The guarantee holds for the characters that both
libraries' Unicode tables know (RE2's may lag a version behind).
"""

import re
import string

import re2

# Unicode \w and \s, as the `regex` module reads them on str patterns (a little wider).
WORD = r"\p{L}\p{M}\p{N}\p{Pc}\p{So}\x{200c}\x{200d}"
SPACE = (r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{180e}\x{2000}-\x{200b}\x{2028}\x{2029}"
         r"\x{202f}\x{205f}\x{3000}")
WIDENED = {"d": r"\p{Nd}", "w": WORD, "s": SPACE}  # as the members of a class
ZERO_WIDTH = frozenset("bBmMG")       # word boundaries and the like: dropped, matching more
KEPT_ESCAPES = frozenset("DWSAtnrfva")  # same meaning in RE2, or (\D, \W, \S) a wider one
QUANTIFIER = re.compile(r"[*+?]|\{(\d*)(?:(,)(\d*))?\}")
INLINE_FLAGS = re.compile(r"\(\?([imsx]*(?:-[imsx]+)?)([:)])")
# Counted repeats up to this span keep their bounds; longer ones ({0,160}) would make every
# DFA state count characters and are loosened to {m,}.
NOT_LITERAL = re.compile(r"\\[pPx]\{[^}]*\}|\\.|\[(?:\\.|[^\]])*\]|\(\?[a-zP<>=!-]*:?|\{[^}]*\}")
MAX_KEPT_SPAN = 3
MAX_KEPT_MIN = 20
RE2_MAX_MEM = 64 << 20


class Untranslatable(ValueError):
    """A pattern construct with no RE2 counterpart that matches at least as much."""


class Prefilter:
    """`candidates(text)`: indices of the patterns that might match `text`: all of those that
    do, and those that cannot be prefiltered (no RE2 translation, or a source given as None)."""

    def __init__(self, sources: list[str | None]):
        translations = [None if source is None else translate(source) for source in sources]
        self._set = search_set([t for t in translations if t is not None])
        if self._set is None:  # too large for RE2's memory limit: every pattern runs
            translations = [None] * len(sources)
        self.unfiltered = frozenset(i for i, t in enumerate(translations) if t is None)
        self.everything = frozenset(range(len(sources)))
        self._indices = tuple(i for i, t in enumerate(translations) if t is not None)
        self._sentinel = len(self._indices)

    def candidates(self, text: str) -> frozenset[int]:
        if not self._indices:
            return self.unfiltered
        try:
            found = self._set.Match(text) or ()
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return self.everything
        if self._sentinel not in found:  # RE2 gave up (out of memory): every pattern runs
            return self.everything
        if len(found) == 1:  # only the sentinel: the common case
            return self.unfiltered
        indices = self._indices
        return self.unfiltered.union(indices[i] for i in found if i != self._sentinel)


def search_set(translations: list[str]):
    """An RE2::Set of `translations` and, last, a pattern that matches every text; None if
    RE2 cannot compile them within RE2_MAX_MEM."""
    found = re2.Set.SearchSet(quiet_options())
    try:
        for translation in translations + [""]:
            found.Add(translation)
        found.Compile()
    except re2.error:
        return None
    return found


def quiet_options() -> re2.Options:
    """RE2's options within RE2_MAX_MEM, and without its C++ log lines on stderr for a
    pattern it cannot parse (the caller handles re2.error)."""
    options = re2.Options()
    options.max_mem = RE2_MAX_MEM
    options.log_errors = False
    return options


def translate(source: str) -> str | None:
    """`source`'s RE2 counterpart, or None if it has none (or RE2 cannot compile it)."""
    try:
        translated = Translation(source).pattern(0, len(source), top=True)
        re2.compile(translated, quiet_options())
    except (Untranslatable, re2.error, RecursionError):
        return None
    return translated


class Translation:
    """One pattern's translation, read left to right; `pattern(start, end)` translates a
    stretch of it that is a whole alternation (the pattern or a group's body)."""

    def __init__(self, source: str):
        self.source = source

    def pattern(self, start: int, end: int, top: bool = False) -> str:
        """The stretch's translation; at the top, each branch chooses what to keep of its
        lookaheads (branch)."""
        if not top:
            return "".join(text for text, _ in self.sequence(start, end))
        flags = INLINE_FLAGS.match(self.source, start)
        prefix = flags.group() if flags and flags.group(2) == ")" else ""
        spans = self.branches(start + len(prefix), end)
        return prefix + "|".join(self.branch(*span) for span in spans)

    def branch(self, start: int, end: int) -> str:
        """A top-level branch. Its lookaheads are dropped unless one of them is worth more
        than what follows it: the branch's last atom (`word(?=s)` -> `word(?:s)`), or one
        with letters before a rest with none (`^(?=.*news).{0,300}$` -> `^(?:.*news)`).
        Either way the translation matches wherever the branch does."""
        atoms = self.sequence(start, end, top=True)
        for index, (_, ahead) in enumerate(atoms):
            if ahead is None:
                continue
            rest = "".join(text for text, _ in atoms[index + 1:])
            if index == len(atoms) - 1 or (has_letters(ahead) and not has_letters(rest)):
                return "".join(text for text, _ in atoms[:index]) + f"(?:{ahead})"
        return "".join(text for text, _ in atoms)

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

    def sequence(self, start: int, end: int, top: bool = False) -> list[tuple[str, str | None]]:
        """(translation, None) per atom with its quantifier; a positive lookahead of a
        top-level branch is ("", its content's translation), other lookarounds vanish."""
        src, atoms, i = self.source, [], start
        while i < end:
            char, ahead = src[i], None
            if char == "(":
                close = self.group_end(i)
                atom, ahead, lookaround = self.group(i, close, top)
                i = close
            elif char == "[":
                close = self.class_end(i)
                atom, lookaround = self.char_class(i, close), False
                i = close
            elif char == "\\":
                atom, lookaround = self.escape(i), False
                i = self.escape_end(i)
            elif char == "$":
                atom, lookaround = r"(?:\n?$)", False
                i += 1
            elif char in "*+?{" and QUANTIFIER.match(src, i):
                raise Untranslatable(f"nothing to repeat at {i}")
            else:
                atom, lookaround = ("\\" + char if char == "}" else char), False
                i += 1
            quantifier = QUANTIFIER.match(src, i)
            if quantifier and quantifier.end() <= end:
                if lookaround:
                    raise Untranslatable("a repeated lookaround")
                i = quantifier.end()
                atom += loosened(quantifier)
                if src[i:i + 1] == "?":
                    atom, i = atom + "?", i + 1
                elif src[i:i + 1] == "+":  # possessive: plain, which matches at least as much
                    i += 1
            atoms.append((atom, ahead))
        return atoms

    def group(self, start: int, close: int, top: bool) -> tuple[str, str | None, bool]:
        """A group's translation, a kept lookahead's content, and whether it was a lookaround."""
        src = self.source
        body = close - 1  # the index of its ")"
        if src.startswith(("(?=", "(?!", "(?<=", "(?<!"), start):
            kept = top and src.startswith("(?=", start)
            return "", (self.pattern(start + 3, body) if kept else None), True
        if src.startswith(("(?:", "(?>"), start):
            return "(?:" + self.pattern(start + 3, body) + ")", None, False
        named = re.match(r"\(\?P?<([A-Za-z_]\w*)>", src[start:])
        if named:
            return "(?:" + self.pattern(start + named.end(), body) + ")", None, False
        flags = INLINE_FLAGS.match(src, start)
        if flags and flags.group(2) == ":" and "x" not in flags.group(1):
            return f"(?{flags.group(1)}:" + self.pattern(flags.end(), body) + ")", None, False
        if src.startswith("(?", start):
            raise Untranslatable(f"group {src[start:start + 4]!r}")
        return "(?:" + self.pattern(start + 1, body) + ")", None, False

    def escape(self, at: int) -> str:
        """The escape at `at` outside a class."""
        letter = self.source[at + 1:at + 2]
        if letter in WIDENED:
            return f"[{WIDENED[letter]}]"
        if letter in ZERO_WIDTH:
            return ""
        if letter in KEPT_ESCAPES:
            return "\\" + letter
        if letter == "Z":
            return r"\z"
        if letter in "pP" or letter in "xuU":
            return self.code_escape(self.source[at:self.escape_end(at)])
        if letter.isalnum() or not letter:
            raise Untranslatable(f"escape \\{letter}")
        return escaped_char(letter)

    def escape_end(self, at: int) -> int:
        src, letter = self.source, self.source[at + 1:at + 2]
        if letter in "pPx" and src[at + 2:at + 3] == "{":
            return src.index("}", at) + 1
        if letter in "pP":
            return at + 3
        return at + {"x": 4, "u": 6, "U": 10}.get(letter, 2)

    @staticmethod
    def code_escape(text: str) -> str:
        """\\p{..}, \\P{..} and \\xhh as they are; \\uhhhh and \\Uhhhhhhhh as \\x{..}."""
        if text[1] in "uU":
            return r"\x{" + text[2:] + "}"
        return text

    def char_class(self, start: int, close: int) -> str:
        src = self.source
        i = start + 1
        negated = src[i:i + 1] == "^"
        i += negated
        members, widened = [], False
        if src[i:i + 1] == "]":
            members.append(r"\]")
            i += 1
        while i < close - 1:
            char = src[i]
            if char == "\\":
                letter, end = src[i + 1:i + 2], self.escape_end(i)
                if letter in WIDENED or letter in "DWS":
                    widened = True
                    members.append(WIDENED.get(letter, "\\" + letter))
                elif letter in "pPxuU":
                    members.append(self.code_escape(src[i:end]))
                elif letter == "b":
                    members.append(r"\x{8}")
                elif letter in "tnrfva":
                    members.append("\\" + letter)
                elif letter.isalnum():
                    raise Untranslatable(f"escape \\{letter} in a class")
                else:
                    members.append(escaped_char(letter))
                i = end
            elif char == "[":
                if src.startswith("[:", i):
                    raise Untranslatable("a POSIX class")
                members.append(r"\[")
                i += 1
            else:
                members.append(char)
                i += 1
        if negated and widened:
            return r"[^\n]"  # widening a shorthand would narrow the negated class
        return "[" + "^" * negated + "".join(members) + "]"

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
        i += src[i:i + 1] == "^"
        i += src[i:i + 1] == "]"
        while i < len(src):
            if src[i] == "\\":
                i += 2
            elif src[i] == "]":
                return i + 1
            else:
                i += 1
        raise Untranslatable("an unclosed class")


def loosened(quantifier: re.Match) -> str:
    """A quantifier as RE2 gets it: long counted repeats lose their upper bound."""
    text = quantifier.group()
    if text in "*+?":
        return text
    low, comma, high = quantifier.groups()
    low = int(low or 0)
    if not comma:
        return f"{{{low}}}" if low <= MAX_KEPT_MIN else f"{{{MAX_KEPT_MIN},}}"
    if high and int(high) - low <= MAX_KEPT_SPAN and int(high) <= MAX_KEPT_MIN:
        return f"{{{low},{high}}}"
    return f"{{{min(low, MAX_KEPT_MIN)},}}"


def has_letters(translated: str) -> bool:
    """Whether a translation has letters to match, not only classes, escapes and repeats."""
    return any(char.isalpha() for char in NOT_LITERAL.sub("", translated))


def escaped_char(char: str) -> str:
    """A literal character, escaped where RE2 allows it (ASCII punctuation)."""
    if char in string.punctuation:
        return "\\" + char
    return char if not char.isspace() else f"\\x{{{ord(char):x}}}"
