"""langdetect's text clean-up and n-gram extraction, with regular expressions and a
translation table in place of its per-character method calls."""

import re
from functools import lru_cache

import regex

from .langdetect_port import Settings, profiles

LATIN = re.compile(r"[A-z]+")  # langdetect's test, 'A' <= ch <= 'z', brackets and all
NON_LATIN = re.compile(r"[^\x00-\u02ff]+")
SPACES = regex.compile(r" {2,}")
# The characters of text langdetect reads (an instance attribute of its Detector, so restated).
MAX_TEXT_CHARS = 10_000


def clean_text(settings: Settings, text: str) -> str:
    """Detector.append and .cleaning_text: no URLs or e-mails, Vietnamese normalised, runs of
    spaces collapsed, and Latin letters dropped from mostly non-Latin text."""
    # Each substitution is skipped where it cannot match: the patterns are slow to fail.
    if "http" in text:
        text = settings.url_re.sub(" ", text)
    if "@" in text:
        text = settings.mail_re.sub(" ", text)
    if any(mark in text for mark in settings.dmark_class):  # the marks normalize_vi folds in
        text = settings.normalize_vi(text)
    text = SPACES.sub(" ", text[:MAX_TEXT_CHARS])
    # langdetect means to spare Latin Extended Additional from the non-Latin count, but
    # compares a block number with a name, so every character from U+0300 up counts.
    non_latin = chars_matching(NON_LATIN, text)
    if non_latin and chars_matching(LATIN, text) * 2 < non_latin:
        text = LATIN.sub("", text)
    return text


def chars_matching(runs: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the runs pattern matches (quicker than one per match)."""
    return len(text) - len(runs.sub("", text))


def ngrams(text: str) -> list[int]:
    """NGram.add_char + Detector._extract_ngrams over normalised text, a word at a time;
    each n-gram as its row in the profiles."""
    words = text.split(" ")
    found: list[int] = []
    for word in words[:-1]:
        if word:
            found += word_ngrams(" " + word + " ")
    if words[-1]:
        found += word_ngrams(" " + words[-1])
    return found


@lru_cache(maxsize=65_536)  # a memo of a pure function: common words recur in every document
def word_ngrams(padded: str) -> tuple[int, ...]:
    """The profile rows of the known 1- to 3-grams ending at each character of a space-padded
    word, as langdetect emits them: none inside a run of capitals (an acronym), none for the
    lone space."""
    known, found = profiles().rows, []
    for end in range(1, len(padded)):
        ch = padded[end]
        if ch.isupper() and padded[end - 1].isupper():
            continue
        for n in (1, 2, 3):
            if n > end + 1:
                break
            gram = padded[end + 1 - n : end + 1]
            if gram != " " and gram in known:
                found.append(known[gram])
    return tuple(found)
