"""Punctuation glue: sentence punctuation glued to the next word ("Ukraine.The")."""

from collections.abc import Iterable

import regex

from .options import GlueOptions

# Sentence punctuation glued to a capitalised word: "Ukraine.The", "wait!The", "war;The".
# The left word has two letters and a lower-case one, so initials ("J.R.R.Tolkien"),
# abbreviations ("U.S.", "e.g.") and ellipses ("so...The") never match.
PUNCT_SENTENCE = regex.compile(r"(?<=\p{L}\p{Ll})[.!?;](?=\p{Lu}\p{Ll})")
# A comma between words: "said,adding", "Seoul,Tokyo"; not in lists of acronyms ("DSG,DKG").
PUNCT_COMMA = regex.compile(r"(?<=\p{Ll}{2}),(?=\p{L}\p{Ll})")
# A colon before a capitalised word: "said:The". A colon before lower case is left alone
# (German gender colon "Lehrer:innen", "mailto:", "Re:").
PUNCT_COLON = regex.compile(r"(?<=\p{Ll}{2}):(?=\p{Lu}\p{Ll})")
# A closing quote after sentence punctuation, glued to the next word: 'end."Next'.
PUNCT_QUOTE = regex.compile(r"(?<=\p{Ll}[.!?,][\"”’»])(?=\p{L}{2})")

PUNCT_BY_MARK = {'"': PUNCT_QUOTE, ".": PUNCT_SENTENCE, ",": PUNCT_COMMA, ":": PUNCT_COLON}
# Any of them: most chunks that are not one word (numbers, URLs, dashes) have none.
PUNCT_ANY = regex.compile("|".join(pattern.pattern for pattern in PUNCT_BY_MARK.values()))
# What counts as a glued use of a mark when judging a writer's habit: for the full stop,
# any word glued to a letter, so code ("stuff.Module", "mod.bar") and domains count.
HABIT_BY_MARK = {**PUNCT_BY_MARK, ".": regex.compile(r"\p{Ll}{2}\.\p{L}")}


def punctuation_split(text: str, habits: frozenset[str] = frozenset()) -> str | None:
    """ "Ukraine.The" -> "Ukraine. The"; "said,adding" -> "said, adding"; else None.
    Marks in `habits` are left alone."""
    fixed = text if '"' in habits else PUNCT_QUOTE.sub(" ", text)
    for mark, pattern in PUNCT_BY_MARK.items():
        if mark not in habits and mark != '"':
            fixed = pattern.sub(r"\g<0> ", fixed)
    return fixed if fixed != text else None


def glue_habits(pieces: Iterable[str], options: GlueOptions) -> frozenset[str]:
    """The punctuation marks a text, given in `pieces` cut at white space, glues too often
    for it to be an accident."""
    glued = dict.fromkeys(HABIT_BY_MARK, 0)
    spaced = dict.fromkeys(HABIT_BY_MARK, 0)
    for piece in pieces:
        for mark, pattern in HABIT_BY_MARK.items():
            glued[mark] += len(pattern.findall(piece))
            spaced[mark] += piece.count(mark + " ")
    return frozenset(
        mark
        for mark in HABIT_BY_MARK
        if glued[mark] >= options.habit_min_glued
        and glued[mark] > options.habit_share * (glued[mark] + spaced[mark])
    )
