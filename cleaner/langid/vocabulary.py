"""A check of langdetect's verdict against the words of the language it names.

langdetect always names one of its 55 languages, the nearest by letter n-grams, so text in a
language it has no profile for comes out as a neighbour: lorem ipsum and Latin as Catalan or
French. Real text in a language is mostly that language's words; such text is not, so its
language is left unknown. A sample with no words (base64, mojibake) keeps the verdict: the
check has nothing to judge, and leaving such a page without a language would also switch
off its language's rules.
"""

import regex

from ..dictionary import load_dictionary

# A word: a chunk between spaces that is all letters once punctuation around it is
# stripped, and cased as words are ("lorem", "Lorem", "NATO"): runs of letters inside
# base64, URLs or code ("PGRpdiBjbGFzcz0ic3At") are not words of any language.
WORD = regex.compile(r"\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+")
PUNCTUATION = "\"'()[]“”‘’„«».,;:!?"
# Written without spaces between words: a run of letters is not a word, so no check.
UNSPACED_LANGS = frozenset({"zh", "ja", "ko", "th", "lo", "km", "my"})
# Share of a sample's words that must be in the language's wordfreq list at zipf >= 2 (once
# in 100 million words). On 6,106 samples of three data sets (HTML and full-page inputs) real
# text scored 0.60 and up; 200 texts of lorem ipsum's words scored 0.17-0.49 in the language
# langdetect named. 0.55 lies between.
MIN_KNOWN_SHARE = 0.55


def mostly_words_of(lang: str, sample: str) -> bool:
    """True unless most of the words of `sample` are unknown to `lang`'s word list; True
    also where there is no list to check, or no words (the sample is all code or data)."""
    words = load_dictionary(lang) if lang not in UNSPACED_LANGS else None
    if words is None:
        return True
    tokens = [word for chunk in sample.split() if WORD.fullmatch(word := chunk.strip(PUNCTUATION))]
    known = sum(1 for token in tokens if words.zipf(token.casefold()) > 0)
    return not tokens or known >= MIN_KNOWN_SHARE * len(tokens)
