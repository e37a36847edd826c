"""Detect the document's language deterministically, with langdetect's algorithm and profiles.

`detect` is langdetect's computation step for step (same profiles, text cleaning, n-grams
and seeded random trials, so the same answer on every text), with its per-character method
calls replaced by a translation table, regular expressions and list operations: about twice
as fast. `reference_detect` is langdetect itself, kept to check that the two agree.
"""

import random
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import add, truediv

import regex

from ..document import Document

LETTER = regex.compile(r"\p{L}")
LATIN = regex.compile(r"[A-z]")  # langdetect's test, 'A' <= ch <= 'z', brackets and all
NON_LATIN = regex.compile(r"[^\x00-\u02ff]")
SPACES = regex.compile(r" {2,}")
# langdetect samples n-grams at random; a fixed seed makes every answer repeatable.
SEED = 0
# langdetect's per-detector settings (instance attributes of its Detector, so restated here):
# random trials averaged, and the characters of text it reads.
TRIALS = 7
MAX_TEXT_CHARS = 10_000


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


def reference_detect(sample: str) -> str | None:
    """langdetect's own answer, as a base language code ('zh-cn' -> 'zh'), or None."""
    from langdetect import DetectorFactory, LangDetectException, detect as langdetect_detect

    DetectorFactory.seed = SEED
    try:
        lang = langdetect_detect(sample)
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang.split("-")[0]


@dataclass(frozen=True)
class Profiles:
    """langdetect's language profiles and settings, loaded once per process."""

    langs: tuple[str, ...]
    probs: dict            # n-gram -> per-language probabilities
    normalize: dict        # character -> langdetect's normalised character (filled lazily)
    detector: type         # langdetect's Detector, for its constants and text clean-up


class NormalizedChars(dict):
    """str.translate table computing langdetect's NGram.normalize once per character."""

    def __init__(self, normalize):
        super().__init__()
        self.normalize = normalize

    def __missing__(self, code):
        value = self[code] = self.normalize(chr(code))
        return value


@lru_cache(maxsize=1)
def profiles() -> Profiles:
    from langdetect import detector_factory
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    detector_factory.init_factory()
    factory = detector_factory._factory
    return Profiles(tuple(factory.langlist), factory.word_lang_prob_map,
                    NormalizedChars(NGram.normalize), Detector)


def detect(sample: str) -> str | None:
    """The language langdetect gives `sample`, as a base code ('zh-cn' -> 'zh'), or None."""
    p = profiles()
    text = clean_text(p.detector, sample)
    grams = ngrams(text.translate(p.normalize))
    if not grams:
        return None
    scores = trial_scores(p.detector, grams, len(p.langs))
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    if scores[best] <= p.detector.PROB_THRESHOLD:
        return None  # langdetect's "unknown"
    return p.langs[best].split("-")[0]


def clean_text(detector, text: str) -> str:
    """Detector.append and .cleaning_text: no URLs or e-mails, Vietnamese normalised, runs of
    spaces collapsed, and Latin letters dropped from mostly non-Latin text."""
    from langdetect.utils.ngram import NGram

    text = detector.MAIL_RE.sub(" ", detector.URL_RE.sub(" ", text))
    text = SPACES.sub(" ", NGram.normalize_vi(text)[:MAX_TEXT_CHARS])
    # langdetect means to spare Latin Extended Additional from the non-Latin count, but
    # compares a block number with a name, so every character from U+0300 up counts.
    if len(LATIN.findall(text)) * 2 < len(NON_LATIN.findall(text)):
        text = LATIN.sub("", text)
    return text


def ngrams(text: str) -> list[list[float]]:
    """NGram.add_char + Detector._extract_ngrams over normalised text, a word at a time;
    each n-gram as its per-language probabilities."""
    words = text.split(" ")
    found = []
    for word in words[:-1]:
        if word:
            found += word_ngrams(" " + word + " ")
    if words[-1]:
        found += word_ngrams(" " + words[-1])
    return found


@lru_cache(maxsize=65_536)  # a memo of a pure function: common words recur in every document
def word_ngrams(padded: str) -> tuple[list[float], ...]:
    """The per-language probabilities of the known 1- to 3-grams ending at each character of
    a space-padded word, as langdetect emits them: none inside a run of capitals (an acronym),
    none for the lone space."""
    known, found = profiles().probs, []
    for end in range(1, len(padded)):
        ch = padded[end]
        if ch.isupper() and padded[end - 1].isupper():
            continue
        for n in (1, 2, 3):
            if n > end + 1:
                break
            gram = padded[end + 1 - n:end + 1]
            if gram != " " and gram in known:
                found.append(known[gram])
    return tuple(found)


def trial_scores(detector, grams: list, langs: int) -> list[float]:
    """Detector._detect_block's seeded trials, averaged: per-language probabilities."""
    rng = random.Random()
    rng.seed(SEED)
    total = [0.0] * langs
    for _ in range(TRIALS):
        prob = [1.0 / langs] * langs
        alpha = detector.ALPHA_DEFAULT + rng.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        weight = alpha / detector.BASE_FREQ
        i = 0
        while True:
            prob = [p * (weight + q) for p, q in zip(prob, rng.choice(grams))]
            if i % 5 == 0:
                prob = list(map(truediv, prob, repeat(sum(prob))))
                if max(prob) > detector.CONV_THRESHOLD or i >= detector.ITERATION_LIMIT:
                    break
            i += 1
        total = list(map(add, total, map(truediv, prob, repeat(TRIALS))))
    return total
