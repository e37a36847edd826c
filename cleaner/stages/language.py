"""Detect the document's language deterministically, with langdetect's algorithm and profiles.

`detect` is langdetect's computation step for step (same profiles, text cleaning, n-grams
and seeded random trials), so it gives the same answer on every text: its per-character
method calls are replaced by a translation table and regular expressions, and its trials run
on numpy, much faster than the same steps in Python lists (docs/evaluation.md). The probabilities stay bit
for bit langdetect's: the profiles are one matrix, the draws between two normalisations are
multiplied in row by row (langdetect's order), sums are Python's, and the random draws are
read from random.Random(SEED)'s outputs exactly as its choice() and gauss() consume them.
The trials stop as soon as the remaining ones could not change the leading language
(usually after 4 of 7), so the answer is still langdetect's.
`reference_detect` is langdetect itself, kept to check that the two agree.
"""

import json
import math
import os
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import numpy as np
import regex

from ..document import Document, RuleInfo

LETTER = regex.compile(r"\p{L}")
LATIN = re.compile(r"[A-z]+")  # langdetect's test, 'A' <= ch <= 'z', brackets and all
NON_LATIN = re.compile(r"[^\x00-\u02ff]+")
SPACES = regex.compile(r" {2,}")
# langdetect samples n-grams at random; a fixed seed makes every answer repeatable.
SEED = 0
# langdetect's per-detector settings (instance attributes of its Detector, so restated here):
# random trials averaged, and the characters of text it reads.
TRIALS = 7
MAX_TEXT_CHARS = 10_000
# langdetect normalises after the first draw and then after every BLOCK draws.
BLOCK = 5
# Rounding allowance when deciding that the remaining trials cannot change the leader.
SETTLED_ALLOWANCE = 1e-9
# Normalisations prepared at once when a trial starts (doubled while it goes on): most
# trials end within 12 (median 9 on the trafilatura-eval pages).
FIRST_STEPS = 12


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
    return "\n".join(texts[i] for i in sorted(chosen))[:sample_chars]


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


@dataclass(frozen=True)
class Profiles:
    """langdetect's language profiles and settings, loaded once per process."""

    langs: tuple[str, ...]
    rows: dict             # n-gram -> its row in `probs`
    probs: np.ndarray      # per-language probabilities of each n-gram, one row each, read-only
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
    """langdetect's profiles as its DetectorFactory computes them (the files in os.listdir
    order, each n-gram's probability count / n_words of its length), read one file at a time
    straight into a matrix: the factory's own map of Python floats (66 MB) is never built."""
    from langdetect.detector import Detector
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.utils.ngram import NGram

    names = os.listdir(PROFILES_DIRECTORY)
    langs, rows, columns = [], {}, []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as profile_file:
            profile = json.load(profile_file)
        langs.append(profile["name"])
        column = {}
        for gram, count in profile["freq"].items():
            row = rows.setdefault(gram, len(rows))
            if 1 <= len(gram) <= 3:
                column[row] = 1.0 * count / profile["n_words"][len(gram) - 1]
        columns.append(column)
    probs = np.zeros((len(rows), len(names)))  # langdetect sizes rows by the directory listing
    for index, column in enumerate(columns):
        probs[list(column), index] = list(column.values())
    probs.flags.writeable = False
    return Profiles(tuple(langs), rows, probs, NormalizedChars(NGram.normalize), Detector)


def detect(sample: str) -> str | None:
    """The language langdetect gives `sample`, as a base code ('zh-cn' -> 'zh'), or None."""
    p = profiles()
    text = clean_text(p.detector, sample)
    grams = ngrams(text.translate(p.normalize))
    if not grams:
        return None
    scores = trial_scores(p.detector, p.probs, grams)
    best = int(np.argmax(scores))  # the first of equals, as langdetect's stable sort
    if scores[best] <= p.detector.PROB_THRESHOLD:
        return None  # langdetect's "unknown"
    return p.langs[best].split("-")[0]


def clean_text(detector, text: str) -> str:
    """Detector.append and .cleaning_text: no URLs or e-mails, Vietnamese normalised, runs of
    spaces collapsed, and Latin letters dropped from mostly non-Latin text."""
    from langdetect.utils.ngram import NGram

    # Each substitution is skipped where it cannot match: the patterns are slow to fail.
    if "http" in text:
        text = detector.URL_RE.sub(" ", text)
    if "@" in text:
        text = detector.MAIL_RE.sub(" ", text)
    if any(mark in text for mark in NGram.DMARK_CLASS):  # the marks normalize_vi folds in
        text = NGram.normalize_vi(text)
    text = SPACES.sub(" ", text[:MAX_TEXT_CHARS])
    # langdetect means to spare Latin Extended Additional from the non-Latin count, but
    # compares a block number with a name, so every character from U+0300 up counts.
    non_latin = chars_matching(NON_LATIN, text)
    if non_latin and chars_matching(LATIN, text) * 2 < non_latin:
        text = LATIN.sub("", text)
    return text


def chars_matching(runs: re.Pattern, text: str) -> int:
    """How many characters of `text` the runs pattern matches (quicker than one per match)."""
    return len(text) - len(runs.sub("", text))


def ngrams(text: str) -> list[int]:
    """NGram.add_char + Detector._extract_ngrams over normalised text, a word at a time;
    each n-gram as its row in the profiles."""
    words = text.split(" ")
    found = []
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
            gram = padded[end + 1 - n:end + 1]
            if gram != " " and gram in known:
                found.append(known[gram])
    return tuple(found)


def trial_scores(detector, probs: np.ndarray, grams: list[int]) -> np.ndarray:
    """Detector._detect_block's seeded trials, averaged: per-language probabilities. The
    trials stop early once the leader is settled (`leader_settled`): the language with the
    highest score is then the one all TRIALS would give, though the scores are partial."""
    draws = SeededDraws(len(grams))
    total = np.zeros(probs.shape[1])
    for done in range(1, TRIALS + 1):
        alpha = detector.ALPHA_DEFAULT + draws.gauss() * detector.ALPHA_WIDTH
        total += trial(detector, probs, grams, alpha / detector.BASE_FREQ, draws) / TRIALS
        if leader_settled(total, TRIALS - done):
            break
    return total


def leader_settled(total: np.ndarray, trials_left: int) -> bool:
    """True when the trials left cannot change which language leads `total`: each trial adds
    a probability vector (summing to 1) over TRIALS, so no language can gain more than
    trials_left / TRIALS. A small allowance covers rounding."""
    if trials_left == 0:
        return True
    second, first = np.partition(total, -2)[-2:]
    return first - second > trials_left / TRIALS + SETTLED_ALLOWANCE


def trial(detector, probs: np.ndarray, grams: list[int], weight: float,
          draws: "SeededDraws") -> np.ndarray:
    """One trial: from even odds, multiply in (weight + the probabilities) of n-grams drawn at
    random, normalising after the first draw and then after every BLOCK, until one language
    passes CONV_THRESHOLD or ITERATION_LIMIT is reached; the draws move past those used."""
    prob = np.full(probs.shape[1], 1.0 / probs.shape[1])
    most_steps = detector.ITERATION_LIMIT // BLOCK + 1
    done, wanted = 0, FIRST_STEPS
    while True:  # in rounds of steps: draws are looked at ahead, but only those used consumed
        picks, drawn_at = draws.peek(draws_for(wanted))
        rows = [grams[pick] for pick in picks[draws_for(done):].tolist()]
        steps = normalisation_steps(probs, rows, weight, first=done == 0)
        steps[0, 0] = prob
        last_draws = range(BLOCK * done, BLOCK * wanted, BLOCK)
        for step, prob, last_draw in zip(steps, steps[1:, 0], last_draws):
            np.multiply.reduce(step, axis=0, out=prob)  # row by row: langdetect's order
            top = normalize_prob(prob)
            if top > detector.CONV_THRESHOLD or last_draw >= detector.ITERATION_LIMIT:
                draws.position = int(drawn_at[last_draw]) + 1
                return prob
        done, wanted = wanted, min(2 * wanted, most_steps)


def draws_for(steps: int) -> int:
    """The draws before the first `steps` normalisations: one, then BLOCK more for each."""
    return max(0, BLOCK * steps - BLOCK + 1)


def normalize_prob(prob: np.ndarray) -> float:
    """Detector._normalize_prob, in place: `prob` over its sum (Python's, so rounded as
    langdetect rounds it); the largest probability."""
    values = prob.tolist()
    total = sum(values)
    np.divide(prob, total, out=prob)
    return max(values) / total  # the largest quotient, as division rounds monotonically


def normalisation_steps(probs: np.ndarray, rows: list[int], weight: float,
                        first: bool) -> np.ndarray:
    """Per normalisation, a free row for the running probabilities, then the rows (+ weight)
    multiplied into them; one more free row at the end. The first draw is a step of its own,
    padded with rows of ones (exact no-ops)."""
    langs = probs.shape[1]
    taken = probs.take(rows, axis=0)
    steps = np.empty((len(rows) // BLOCK + first + 1, BLOCK + 1, langs))
    if first:
        steps[0, 2:] = 1.0
        np.add(taken[0], weight, out=steps[0, 1])
    np.add(taken[first:].reshape(-1, BLOCK, langs), weight, out=steps[first:-1, 1:])
    return steps


class SeededDraws:
    """random.Random(SEED)'s gauss() and choice() (its _randbelow) as langdetect calls them on a
    sequence of length `n`, mirrored over the generator's precomputed 32-bit outputs so that a
    trial's draws come as an array, and a trial can look ahead without consuming."""

    def __init__(self, n: int):
        self.n = n
        self.position = 0  # outputs consumed
        self.gauss_next = None
        self.scanned = 0  # outputs scanned for draws: the first ones, their draws in `kept`
        self.kept = self.values = np.empty(0, dtype=np.intp)

    def gauss(self) -> float:
        """random.Random.gauss(0, 1): Box-Muller on two random(), the twin kept for next time."""
        z, self.gauss_next = self.gauss_next, None
        if z is None:
            x2pi = self.random() * math.tau
            g2rad = math.sqrt(-2.0 * math.log(1.0 - self.random()))
            z, self.gauss_next = math.cos(x2pi) * g2rad, math.sin(x2pi) * g2rad
        return z

    def random(self) -> float:
        """random.Random.random(): 53 bits from the next two outputs."""
        a, b = seeded_outputs(self.position + 2)[self.position:self.position + 2].tolist()
        self.position += 2
        return ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)

    def peek(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The next `count` values of _randbelow(n), and the output each is made from; none
        consumed."""
        start = int(np.searchsorted(self.kept, self.position))
        while start + count > len(self.kept):
            self.scan(max(1024, 4 * self.scanned))
            start = int(np.searchsorted(self.kept, self.position))
        return self.values[start:start + count], self.kept[start:start + count]

    def scan(self, outputs: int) -> None:
        """_randbelow(n) over the first `outputs` outputs: getrandbits(n.bit_length()) takes an
        output's top bits, and draws again while they are >= n."""
        bits = seeded_outputs(outputs)[:outputs] >> (32 - self.n.bit_length())
        self.kept = np.flatnonzero(bits < self.n)
        self.values = bits[self.kept]
        self.scanned = outputs


def seeded_outputs(count: int) -> np.ndarray:
    """At least the first `count` 32-bit outputs of random.Random(SEED), in order."""
    return first_outputs(max(4096, 1 << (count - 1).bit_length()))


@lru_cache(maxsize=None)  # a memo of a constant: a few sizes, powers of two
def first_outputs(count: int) -> np.ndarray:
    """The first `count` 32-bit outputs of random.Random(SEED): getrandbits(32 * count) puts
    them in order, lowest bits first."""
    bits = random.Random(SEED).getrandbits(32 * count)
    return np.frombuffer(bits.to_bytes(4 * count, "little"), dtype="<u4")


class LanguageDetector:
    """Stage: the document's language, unless the caller or its outlet gave it."""

    name = "language"
    rule_ids: tuple[RuleInfo, ...] = ()

    def __init__(self, sample_chars: int, min_letters: int):
        self.sample_chars, self.min_letters = sample_chars, min_letters

    def __call__(self, doc: Document) -> None:
        detect_language(doc, self.sample_chars, self.min_letters)
