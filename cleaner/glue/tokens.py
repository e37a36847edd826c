"""Chunks, tokens and their dictionary frequencies, as glue repair sees a text."""

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain

import regex

from ..dictionary import Dictionary
from ..slices import joined_slices

# Chunks are what str.split() gives (its white space, which `re` shares and `regex` does not
# quite: U+001C-U+001F), so a pass can collect them with split(), several times quicker.
CHUNK = re.compile(r"\S+")
TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*")
TOKEN_OR_LINE_BREAK = regex.compile(TOKEN.pattern + r"|\n")
CORE = regex.compile(
    r"^([\"'(“‘„«]*)(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)"
    r"([.,;:!?\"'”’»)]*)$"
)
# Part of a URL, e-mail, domain, handle, hashtag, number (decimals, times, versions) or code:
# never touched.
UNTOUCHABLE = regex.compile(
    r"://|www\.|@|#|\d|[_=<>{}\[\]\\|/`*~^$%&+]|\w\("
    r"|\p{L}\.(?:com|org|net|gov|edu|io|co|de|uk|fr|es|ru|info|html?|php|aspx?|js|py)\b"
    r"|\p{L}\.\p{L}+\.\p{L}",  # dotted chains: "stuff.bigstuff.Module", "reg.Gen.m.b.H."
    regex.IGNORECASE,
)
POSSESSIVE = ("'s", "’s")
# Entries of each per-process memo of a pure verdict on a chunk or token: a batch's
# vocabulary recurs in every document.
MEMO_ENTRIES = 65_536


@lru_cache(maxsize=MEMO_ENTRIES)  # a memo of a pure function
def word_core(chunk: str) -> tuple[int, str] | None:
    """(offset, word) of a chunk that is one word with optional quotes, brackets and
    punctuation around it; None for anything else."""
    core = CORE.match(chunk)
    return (core.start(2), core.group(2)) if core else None


def possessive_stem(token: str) -> str:
    return token[:-2] if token.endswith(POSSESSIVE) else token


def lines_tokens(lines: Sequence[str]) -> Iterator[str]:
    """The tokens of `lines` in order, "\n" between lines, never joining them whole."""
    return chain.from_iterable(TOKEN_OR_LINE_BREAK.findall(piece) for piece in joined_slices(lines))


def token_counts(tokens: Iterable[str]) -> Counter[str]:
    """How often each token occurs; a possessive also counts for its stem ("Putin's")."""
    counts = Counter(tokens)
    del counts["\n"]
    for token, count in [(t, n) for t, n in counts.items() if t.endswith(POSSESSIVE)]:
        counts[possessive_stem(token)] += count
    return counts


def fold(word: str) -> str:
    """`word` as the dictionary lists it: casefolded, with a straight apostrophe."""
    return word.casefold().replace("’", "'")


def word_zipf(words: Dictionary | None, word: str) -> float:
    """The dictionary frequency of `word` (of its rarest part if hyphenated); 0 if unknown
    or rarer than every threshold (dictionary.COMMON_MIN_ZIPF)."""
    if words is None:
        return 0.0
    if "-" not in word:
        return words.zipf(fold(word))
    return min(words.zipf(fold(part)) for part in word.split("-"))


def word_exact_zipf(words: Dictionary | None, word: str) -> float:
    """The dictionary frequency of `word` however rare; 0 only if unknown."""
    return words.exact_zipf(fold(word)) if words else 0.0
