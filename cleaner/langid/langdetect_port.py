"""Everything taken from langdetect, in one place: its settings, its profiles as one matrix,
its character normalisation, and langdetect itself as the reference.

The port reads langdetect's internals (`Detector`'s class constants, `PROFILES_DIRECTORY`,
`NGram.normalize`, `NGram.DMARK_CLASS`, `NGram.normalize_vi`) rather than copying its data,
so the profiles and tables stay langdetect's own. Internals may change between releases:
pyproject.toml pins the versions tests/test_langid_conformance.py was run against.
"""

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# langdetect samples n-grams at random; a fixed seed makes every answer repeatable.
SEED = 0


@dataclass(frozen=True)
class Settings:
    """Detector's class constants, and its text clean-up patterns and Vietnamese folding."""

    alpha_default: float  # smoothing added to each drawn n-gram's probabilities
    alpha_width: float  # standard deviation of the per-trial random change to it
    base_freq: int  # the smoothing's divisor
    conv_threshold: float  # a trial stops when one language's probability passes this
    iteration_limit: int  # ... or after this many draws
    prob_threshold: float  # below this, the best language is "unknown"
    url_re: re.Pattern[str]
    mail_re: re.Pattern[str]
    dmark_class: str  # the combining marks normalize_vi folds into letters
    normalize_vi: Callable[[str], str]


@dataclass(frozen=True)
class Profiles:
    """langdetect's language profiles and settings, loaded once per process."""

    langs: tuple[str, ...]
    rows: dict[str, int]  # n-gram -> its row in `probs`
    probs: np.ndarray  # per-language probabilities of each n-gram, one row each, read-only
    normalize: dict[int, str]  # character -> langdetect's normalised character (filled lazily)
    settings: Settings


class NormalizedChars(dict[int, str]):
    """str.translate table computing langdetect's NGram.normalize once per character."""

    def __init__(self, normalize):
        super().__init__()
        self.normalize = normalize

    def __missing__(self, code):
        value = self[code] = self.normalize(chr(code))
        return value


def detector_settings() -> Settings:
    """langdetect's Detector constants and NGram's Vietnamese folding."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    return Settings(
        Detector.ALPHA_DEFAULT,
        Detector.ALPHA_WIDTH,
        Detector.BASE_FREQ,
        Detector.CONV_THRESHOLD,
        Detector.ITERATION_LIMIT,
        Detector.PROB_THRESHOLD,
        Detector.URL_RE,
        Detector.MAIL_RE,
        NGram.DMARK_CLASS,
        NGram.normalize_vi,
    )


@lru_cache(maxsize=1)  # a memo of a constant: langdetect's installed profiles
def profiles() -> Profiles:
    """langdetect's profiles as its DetectorFactory computes them (the files in os.listdir
    order, each n-gram's probability count / n_words of its length), read one file at a time
    straight into a matrix: the factory's own map of Python floats (66 MB) is never built."""
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.utils.ngram import NGram

    names = os.listdir(PROFILES_DIRECTORY)
    langs: list[str] = []
    rows: dict[str, int] = {}
    columns: list[dict[int, float]] = []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as profile_file:
            profile = json.load(profile_file)
        langs.append(profile["name"])
        column: dict[int, float] = {}
        for gram, count in profile["freq"].items():
            row = rows.setdefault(gram, len(rows))
            if 1 <= len(gram) <= 3:
                column[row] = 1.0 * count / profile["n_words"][len(gram) - 1]
        columns.append(column)
    probs = np.zeros((len(rows), len(names)))  # langdetect sizes rows by the directory listing
    for index, column in enumerate(columns):
        probs[list(column), index] = list(column.values())
    probs.flags.writeable = False
    return Profiles(
        tuple(langs), rows, probs, NormalizedChars(NGram.normalize), detector_settings()
    )


def reference_detect(sample: str) -> str | None:
    """langdetect's own answer, as a base language code ('zh-cn' -> 'zh'), or None."""
    from langdetect import DetectorFactory, LangDetectException
    from langdetect import detect as langdetect_detect

    DetectorFactory.seed = SEED
    try:
        lang = langdetect_detect(sample)
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang.split("-")[0]
