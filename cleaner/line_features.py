"""Features of each line that carry across outlets and languages, for the line model.

Every feature is a number computed from the text of the line, its neighbours and the
document it sits in; none names an outlet's words. `FEATURE_NAMES` says what each column of
`line_features` is, so a model file can name its weights and `explain` the features that
decided a line. A feature that cannot be computed (the common-word share of a language
wordfreq has no list for) is NaN: the model reads it as the training mean.
"""

import math
import re
from functools import cache

import numpy as np
import regex

# Words as Python's \w knows them; digits count as words ("2024", "3.5").
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»«)\]]*$")
SENTENCE_MARK = re.compile(r"[.!?…。！？](?:\s|$)")
LIST_MARK = re.compile(r"^\s*(?:[-–•*·▪►>]|\d{1,2}[.)])\s")
# Menu and breadcrumb separators, and the signs of a link or a copyright line.
SEPARATOR = re.compile(r"\s[|»›/·•]\s|\s>\s|©|https?://|www\.|@\w")
DIGIT = re.compile(r"\d")
# A word that starts with a capital letter (the line's first word included).
CAPITALISED = regex.compile(r"(?<!\S)\p{Lu}")
# Languages written without spaces between words: words are counted as characters / this.
CJK_LANGS = frozenset({"zh", "ja"})
CJK_CHARS_PER_WORD = 2
# The most frequent words of a language: function words that prose is full of and menus,
# buttons and headlines lack. 100 covers ~40-50% of running text in the languages measured.
COMMON_WORDS = 100
# wordfreq splits these scripts into words with tools cleaner does not install: no share.
NO_WORD_LIST = CJK_LANGS | {"th"}
# A line of at most this many words is short; runs of short lines are menus and link lists.
SHORT_LINE_WORDS = 4
# Neighbourhood for the smoothed features: this many lines either side.
WINDOW = 3

BASE_NAMES = (
    "log_words",
    "mean_word_chars",
    "sentence_end",
    "sentence_marks",
    "commas",
    "punctuation",
    "common_words",
    "capitalised",
    "digits",
    "list_mark",
    "separator",
    "colon_end",
)
FEATURE_NAMES = BASE_NAMES + (
    "position",
    "words_before",
    "words_vs_doc",
    "repeated",
    "short_run",
    "prev_log_words",
    "prev_common_words",
    "prev_sentence_end",
    "next_log_words",
    "next_common_words",
    "next_sentence_end",
    "window_log_words",
    "window_common_words",
    "window_sentence_end",
)


@cache
def common_words(lang: str | None) -> frozenset[str] | None:
    """The COMMON_WORDS most frequent words of `lang`, or None where wordfreq has none."""
    if not lang or lang in NO_WORD_LIST:
        return None
    import wordfreq

    if lang not in wordfreq.available_languages():
        return None
    return frozenset(wordfreq.top_n_list(lang, COMMON_WORDS))


def base_features(text: str, common: frozenset[str] | None, cjk: bool) -> list[float]:
    """The features of one line on its own, in BASE_NAMES order."""
    words = WORD.findall(text.lower())
    count = len(text) // CJK_CHARS_PER_WORD if cjk else len(words)
    chars = max(len(text), 1)
    letters_digits = len("".join(words))
    return [
        math.log1p(count),
        letters_digits / max(len(words), 1),
        float(bool(SENTENCE_END.search(text))),
        math.log1p(len(SENTENCE_MARK.findall(text))),
        text.count(",") / max(count, 1),
        (chars - letters_digits - text.count(" ")) / chars,
        math.nan if common is None else len([w for w in words if w in common]) / max(len(words), 1),
        len(CAPITALISED.findall(text)) / max(text.count(" ") + 1, 1),
        len(DIGIT.findall(text)) / chars,
        float(bool(LIST_MARK.match(text))),
        float(bool(SEPARATOR.search(text))),
        float(text.endswith(":")),
    ]


def line_features(texts: list[str], lang: str | None) -> np.ndarray:
    """One row of FEATURE_NAMES per line of a document (its lines in order)."""
    if not texts:
        return np.zeros((0, len(FEATURE_NAMES)))
    common = common_words(lang)
    cjk = lang in CJK_LANGS
    base = np.array([base_features(text, common, cjk) for text in texts], dtype=float)
    log_words, sentence_end = base[:, 0], base[:, 2]
    common_share = base[:, 6]
    return np.column_stack(
        [
            base,
            document_features(texts, log_words),
            shifted(log_words, 1),
            shifted(common_share, 1),
            shifted(sentence_end, 1),
            shifted(log_words, -1),
            shifted(common_share, -1),
            shifted(sentence_end, -1),
            window_mean(log_words),
            window_mean(common_share),
            window_mean(sentence_end),
        ]
    )


def document_features(texts: list[str], log_words: np.ndarray) -> np.ndarray:
    """Where each line sits and how it compares with the rest of the document: relative
    position, share of the words before it, length against the document's mean, repetition,
    and the length of the run of short lines it belongs to."""
    n = len(texts)
    words = np.expm1(log_words)
    total = max(words.sum(), 1.0)
    position = np.arange(n) / max(n - 1, 1)
    before = (np.cumsum(words) - words) / total
    keys = [text.lower() for text in texts]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    repeated = np.array([math.log(counts[key]) for key in keys])
    return np.column_stack(
        [position, before, log_words - log_words.mean(), repeated, short_runs(words)]
    )


def short_runs(words: np.ndarray) -> np.ndarray:
    """log1p of the length of the run of consecutive short lines each short line is in
    (0 for longer lines)."""
    short = words <= SHORT_LINE_WORDS
    runs = np.zeros(len(words))
    start = 0
    for index in range(len(words) + 1):
        if index == len(words) or not short[index]:
            runs[start:index] = math.log1p(index - start)
            start = index + 1
    return runs


def shifted(values: np.ndarray, step: int) -> np.ndarray:
    """The previous (step 1) or next (step -1) line's value; 0 past the document's ends."""
    out = np.zeros_like(values)
    if step > 0:
        out[step:] = values[:-step]
    else:
        out[:step] = values[-step:]
    return out


def window_mean(values: np.ndarray) -> np.ndarray:
    """Mean over the line and WINDOW lines either side (NaN values left out)."""
    known = ~np.isnan(values)
    sums = np.concatenate([[0.0], np.cumsum(np.where(known, values, 0.0))])
    counts = np.concatenate([[0.0], np.cumsum(known)])
    index = np.arange(len(values))
    low, high = np.maximum(index - WINDOW, 0), np.minimum(index + WINDOW + 1, len(values))
    count = counts[high] - counts[low]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, (sums[high] - sums[low]) / np.maximum(count, 1), math.nan)
