"""Detect the document's language from a bounded sample of its prose (cleaner.langid)."""

from itertools import islice

import regex

from ..document import Document, RuleInfo
from ..langid import detect

LETTER = regex.compile(r"\p{L}")


def detect_language(doc: Document, sample_chars: int, min_letters: int) -> Document:
    """Set doc.lang from a bounded sample of its longest lines, unless already set."""
    if doc.lang:
        return doc
    sample = language_sample([line.text for line in doc.lines], sample_chars)
    if sum(1 for _ in islice(LETTER.finditer(sample), min_letters)) == min_letters:
        doc.lang = detect(sample)
    return doc


def language_sample(texts: list[str], sample_chars: int) -> str:
    """The longest lines (prose, not menus) in document order, up to `sample_chars`."""
    chosen, total = set(), 0
    for index in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
        if total >= sample_chars:
            break
        chosen.add(index)
        total += len(texts[index])
    return "\n".join(texts[i][:sample_chars] for i in sorted(chosen))[:sample_chars]


class LanguageDetector:
    """Stage: the document's language, unless the caller or its outlet gave it."""

    name = "language"
    rule_ids: tuple[RuleInfo, ...] = ()

    def __init__(self, sample_chars: int, min_letters: int):
        self.sample_chars, self.min_letters = sample_chars, min_letters

    def __call__(self, doc: Document) -> None:
        detect_language(doc, self.sample_chars, self.min_letters)
