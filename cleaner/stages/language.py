"""Detect the document's language with langdetect, deterministically."""

import regex

from ..document import Document

LETTER = regex.compile(r"\p{L}")


def detect_language(doc: Document, sample_chars: int, min_letters: int) -> Document:
    """Set doc.lang from a bounded sample of its longest lines, unless already set."""
    if doc.lang:
        return doc
    sample = language_sample([line.text for line in doc.lines], sample_chars)
    if len(LETTER.findall(sample)) >= min_letters:
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
    return "\n".join(texts[i] for i in sorted(chosen))[:sample_chars]


def detect(sample: str) -> str | None:
    """langdetect's answer as a base language code ('zh-cn' -> 'zh'), or None."""
    from langdetect import DetectorFactory, LangDetectException, detect as langdetect_detect

    DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it repeatable
    try:
        return langdetect_detect(sample).split("-")[0]
    except LangDetectException:
        return None
