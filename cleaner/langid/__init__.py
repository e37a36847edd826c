"""Language identification: `detect(sample) -> code | None`, langdetect's seeded answer
when the sample is mostly words of the language it names (`vocabulary`), else None.

`langdetect_verdict` is langdetect's computation step for step (same profiles, text cleaning,
n-grams and seeded random trials), so it gives the same answer on every text, about 8x faster
than langdetect itself: its per-character method calls are replaced by a translation table and
regular expressions, and its trials run on numpy. The probabilities stay bit for bit
langdetect's (see `trials` and `draws`); the trials stop as soon as the remaining ones could
not change the leading language, so the answer is still langdetect's.

Only `langdetect_port` touches langdetect's internals; the versions it was checked against
are pinned in pyproject.toml, and tests/test_langid_conformance.py compares the two.
"""

import numpy as np

from .langdetect_port import profiles, reference_detect
from .ngrams import clean_text, ngrams
from .trials import trial_scores
from .vocabulary import mostly_words_of

__all__ = ["detect", "langdetect_verdict", "reference_detect"]


def detect(sample: str) -> str | None:
    """The language of `sample` as a base code ('zh-cn' -> 'zh'), or None if unknown:
    langdetect's verdict, unless the sample is not mostly words of that language (lorem
    ipsum is not Catalan)."""
    lang = langdetect_verdict(sample)
    return lang if lang is None or mostly_words_of(lang, sample) else None


def langdetect_verdict(sample: str) -> str | None:
    """The language langdetect gives `sample`, as a base code ('zh-cn' -> 'zh'), or None."""
    p = profiles()
    text = clean_text(p.settings, sample)
    grams = ngrams(text.translate(p.normalize))
    if not grams:
        return None
    scores = trial_scores(p.settings, p.probs, grams)
    best = int(np.argmax(scores))  # the first of equals, as langdetect's stable sort
    if scores[best] <= p.settings.prob_threshold:
        return None  # langdetect's "unknown"
    return p.langs[best].split("-")[0]
