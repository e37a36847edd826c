"""Detect the document's language from a bounded sample of its prose (cleaner.langid)."""

from itertools import islice

import regex

from ..document import Document, RuleInfo
from ..langid import detect

LETTER = regex.compile(r"\p{L}")
# A line goes into the sample only if letters are at least this share of its first
# LETTER_PROBE_CHARS characters: the longest line of a blog's page may be its archive widget
# ("Blog Archive 10/28/12 - 11/04/12 (11) 10/21/12 - ..."), dates that name no language.
SAMPLE_MIN_LETTER_SHARE = 0.5
LETTER_PROBE_CHARS = 200


def detect_language(doc: Document, sample_chars: int, min_letters: int) -> Document:
    """Set doc.lang from a bounded sample of its longest lines, unless already set."""
    if doc.lang:
        return doc
    sample = language_sample([line.text for line in doc.lines], sample_chars)
    if sum(1 for _ in islice(LETTER.finditer(sample), min_letters)) == min_letters:
        doc.lang = detect(sample)
    return doc


def language_sample(texts: list[str], sample_chars: int) -> str:
    """The longest lines (prose, not menus) that are mostly letters, in document order, up to
    `sample_chars`."""
    chosen, total = set(), 0
    for index in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
        if total >= sample_chars:
            break
        if is_mostly_letters(texts[index][:LETTER_PROBE_CHARS]):
            chosen.add(index)
            total += len(texts[index])
    return "\n".join(texts[i][:sample_chars] for i in sorted(chosen))[:sample_chars]


def is_mostly_letters(text: str) -> bool:
    """Whether letters are at least SAMPLE_MIN_LETTER_SHARE of `text`'s characters."""
    return len(LETTER.findall(text)) >= SAMPLE_MIN_LETTER_SHARE * len(text)


class LanguageDetector:
    """Stage: the document's language, unless the caller or its outlet gave it."""

    name = "language"
    rule_ids: tuple[RuleInfo, ...] = ()

    def __init__(self, sample_chars: int, min_letters: int):
        self.sample_chars, self.min_letters = sample_chars, min_letters

    def __call__(self, doc: Document) -> None:
        detect_language(doc, self.sample_chars, self.min_letters)
