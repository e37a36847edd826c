"""wordfreq's word-frequency list for one language, compact enough to keep in every worker.

Glue repair asks two questions of the list: how common is a candidate half (only common
words matter: every threshold it applies is at least COMMON_MIN_ZIPF), and is a whole token
a word at all, however rare. So common words live in a dict, and the long tail of rare words
(72% of German's 635,000) only as sorted 64-bit string hashes with their frequencies:
16 bytes a word instead of ~90 in a dict. The list is read one frequency bucket at a
time, so loading never holds it all as Python strings either.
"""

import gzip
from dataclasses import dataclass
from functools import cache

import msgpack
import numpy as np
import regex

# Zipf frequency: log10 of occurrences per billion words ("the" 7.7, "Putin" 4.1); wordfreq's
# largest lists stop at 1.0, so 0 means unknown.
COMMON_MIN_ZIPF = 2.0
WORD = regex.compile(r"\p{L}+(?:'\p{L}+)?")


@dataclass(frozen=True, eq=False)
class Dictionary:
    """Zipf frequencies by casefolded word. `hash()` of a str differs between processes,
    so a Dictionary is built in the process that uses it (load_dictionary does)."""

    common: dict[str, float]  # words with zipf >= COMMON_MIN_ZIPF
    rare_hashes: np.ndarray  # sorted hash() of every rarer word
    rare_zipf: np.ndarray  # the zipf of each, in the same order

    def zipf(self, word: str) -> float:
        """The zipf of a common `word`; 0 below COMMON_MIN_ZIPF or if unknown."""
        return self.common.get(word, 0.0)

    def exact_zipf(self, word: str) -> float:
        """The zipf of `word` however rare; 0 only if unknown."""
        found = self.common.get(word)
        if found is not None:
            return found
        key = hash(word)
        at = int(np.searchsorted(self.rare_hashes, key))
        if at < len(self.rare_hashes) and self.rare_hashes[at] == key:
            return float(self.rare_zipf[at])
        return 0.0


@cache
def load_dictionary(lang: str | None) -> Dictionary | None:
    """The largest wordfreq list for `lang`, loaded lazily and once per process; None if
    wordfreq has none."""
    if not lang:
        return None
    import wordfreq

    path = wordfreq.available_languages("large").get(lang) or wordfreq.available_languages(
        "small"
    ).get(lang)
    if path is None:
        return None
    common: dict[str, float] = {}
    hash_parts: list[np.ndarray] = []  # the rare words' hashes and zipf values, per bucket
    zipf_parts: list[np.ndarray] = []
    for zipf, bucket in read_buckets(path):
        words = [word for word in bucket if word.isalpha() or WORD.fullmatch(word)]
        if zipf >= COMMON_MIN_ZIPF:
            common.update(dict.fromkeys(words, zipf))
        elif words:
            hash_parts.append(np.fromiter(map(hash, words), dtype=np.int64, count=len(words)))
            zipf_parts.append(np.full(len(words), zipf))
    hashes = np.concatenate(hash_parts) if hash_parts else np.empty(0, dtype=np.int64)
    zipfs = np.concatenate(zipf_parts) if zipf_parts else np.empty(0)
    order = np.argsort(hashes, kind="stable")
    return Dictionary(common, hashes[order], zipfs[order])


@cache
def words_at_least(lang: str, min_zipf: float) -> frozenset[str]:
    """The casefolded words of `lang` at least `min_zipf` (>= COMMON_MIN_ZIPF) common."""
    words = load_dictionary(lang)
    return (
        frozenset(w for w, zipf in words.common.items() if zipf >= min_zipf)
        if words
        else frozenset()
    )


def read_buckets(path: str):
    """(zipf, words) for each frequency bucket of a wordfreq cBpack file, one at a time:
    the file is a msgpack list of a header, then one list of words per centibel."""
    import wordfreq

    with gzip.open(path, "rb") as packed:
        unpacker = msgpack.Unpacker(packed, raw=False)
        buckets = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if not isinstance(header, dict) or (header.get("format"), header.get("version")) != (
            "cB",
            1,
        ):
            raise ValueError(f"{path}: not a wordfreq cBpack file (header {header!r})")
        for index in range(buckets):
            yield wordfreq.cB_to_zipf(-index), unpacker.unpack()
