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

regex_syntax reads a pattern into atoms; this module translates the atoms and runs the set.
"""

import re
import string
from collections.abc import Sequence

import re2

from .regex_syntax import QUANTIFIER, Atom, ParsedPattern, Untranslatable, read_pattern

# Unicode \w and \s, as the `regex` module reads them on str patterns (a little wider).
WORD = r"\p{L}\p{M}\p{N}\p{Pc}\p{So}\x{200c}\x{200d}"
SPACE = (
    r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{180e}\x{2000}-\x{200b}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}"
)
WIDENED = {"d": r"\p{Nd}", "w": WORD, "s": SPACE}  # as the members of a class
ZERO_WIDTH = frozenset("bBmMG")  # word boundaries and the like: dropped, matching more
KEPT_ESCAPES = frozenset("DWSAtnrfva")  # same meaning in RE2, or (\D, \W, \S) a wider one
# Counted repeats up to this span keep their bounds; longer ones ({0,160}) would make every
# DFA state count characters and are loosened to {m,}.
NOT_LITERAL = re.compile(r"\\[pPx]\{[^}]*\}|\\.|\[(?:\\.|[^\]])*\]|\(\?[a-zP<>=!-]*:?|\{[^}]*\}")
MAX_KEPT_SPAN = 3
MAX_KEPT_MIN = 20
RE2_MAX_MEM = 64 << 20


class Prefilter:
    """`candidates(text)`: indices of the patterns that might match `text`: all of those that
    do, and those that cannot be prefiltered (no RE2 translation, or a source given as None)."""

    def __init__(self, sources: Sequence[str | None]):
        translations: list[str | None] = [
            None if source is None else translate(source) for source in sources
        ]
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
        translated = translation(read_pattern(source))
        re2.compile(translated, quiet_options())
    except (Untranslatable, re2.error, RecursionError):
        return None
    return translated


def translation(pattern: ParsedPattern) -> str:
    """The pattern's RE2 counterpart; each top-level branch chooses what to keep of its
    lookaheads (branch)."""
    return pattern.flags + "|".join(map(branch, pattern.branches))


def branch(atoms: tuple[Atom, ...]) -> str:
    """A top-level branch. Its lookaheads are dropped unless one of them is worth more than
    what follows it: the branch's last atom (`word(?=s)` -> `word(?:s)`), or one with
    letters before a rest with none (`^(?=.*news).{0,300}$` -> `^(?:.*news)`). Either way
    the translation matches wherever the branch does."""
    texts = [atom_text(atom) for atom in atoms]
    aheads = {
        index: sequence(atom.body)
        for index, atom in enumerate(atoms)
        if atom.kind == "group" and atom.text == "lookahead"
    }
    for index, ahead in aheads.items():
        rest = "".join(texts[index + 1 :])
        if index == len(atoms) - 1 or (has_letters(ahead) and not has_letters(rest)):
            return "".join(texts[:index]) + f"(?:{ahead})"
    return "".join(texts)


def sequence(atoms: tuple[Atom, ...]) -> str:
    return "".join(map(atom_text, atoms))


def atom_text(atom: Atom) -> str:
    """An atom's translation with its quantifier; a lookaround translates to nothing."""
    if atom.kind == "unsupported":
        raise Untranslatable(atom.text)
    lookaround = atom.kind == "group" and atom.text in ("lookahead", "lookaround")
    if lookaround:
        if atom.quantifier:
            raise Untranslatable("a repeated lookaround")
        return ""
    text = ATOMS[atom.kind](atom)
    if atom.quantifier:
        quantifier = QUANTIFIER.fullmatch(atom.quantifier)
        if quantifier is None:  # Atom.quantifier holds what QUANTIFIER matched
            raise Untranslatable(f"quantifier {atom.quantifier!r}")
        text += loosened(quantifier) + "?" * atom.lazy
    return text


def group(atom: Atom) -> str:
    """A group's translation: non-capturing, or with its inline flags (`(?i:`)."""
    opener = "(?:" if atom.text == "group" else f"(?{atom.text}:"
    return opener + sequence(atom.body) + ")"


def escape(atom: Atom) -> str:
    """An escape outside a class."""
    letter = atom.text[1:2]
    if letter in WIDENED:
        return f"[{WIDENED[letter]}]"
    if letter in ZERO_WIDTH:
        return ""
    if letter in KEPT_ESCAPES:
        return "\\" + letter
    if letter == "Z":
        return r"\z"
    if letter in "pP" or letter in "xuU":
        return code_escape(atom.text)
    if letter.isalnum() or not letter:
        raise Untranslatable(f"escape \\{letter}")
    return escaped_char(letter)


def code_escape(text: str) -> str:
    """\\p{..}, \\P{..} and \\xhh as they are; \\uhhhh and \\Uhhhhhhhh as \\x{..}."""
    if text[1] in "uU":
        return r"\x{" + text[2:] + "}"
    return text


def char_class(atom: Atom) -> str:
    members = [class_member(kind, text) for kind, text in atom.members]
    widened = any(kind == "escape" and text[1:2] in "dwsDWS" for kind, text in atom.members)
    if atom.negated and widened:
        return r"[^\n]"  # widening a shorthand would narrow the negated class
    return "[" + "^" * atom.negated + "".join(members) + "]"


def class_member(kind: str, text: str) -> str:
    """A member of a character class: \\d, \\w, \\s widened to their Unicode meaning."""
    if kind == "posix":
        raise Untranslatable("a POSIX class")
    if kind == "char":
        return {"]": r"\]", "[": r"\["}.get(text, text)
    letter = text[1:2]
    if letter in WIDENED or letter in "DWS":
        return WIDENED.get(letter, "\\" + letter)
    if letter in "pPxuU":
        return code_escape(text)
    if letter == "b":
        return r"\x{8}"
    if letter in "tnrfva":
        return "\\" + letter
    if letter.isalnum():
        raise Untranslatable(f"escape \\{letter} in a class")
    return escaped_char(letter)


# The translation of each kind of atom but lookarounds and the unsupported.
ATOMS = {
    "char": lambda atom: "\\}" if atom.text == "}" else atom.text,
    "dollar": lambda atom: r"(?:\n?$)",
    "escape": escape,
    "class": char_class,
    "group": group,
}


def loosened(quantifier: re.Match[str]) -> str:
    """A quantifier as RE2 gets it: long counted repeats lose their upper bound."""
    text = quantifier.group()
    if text in "*+?":
        return text
    written_low, comma, high = quantifier.groups()
    low = int(written_low or 0)
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
