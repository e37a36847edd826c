"""GlueOptions: every threshold of glue repair, with its unit and the reason for its value.

Zipf frequencies are log10 of occurrences per billion words ("the" 7.7, "Putin" 4.1;
wordfreq's largest lists stop at 1.0, so 0 means unknown). Values measured with
bench/glue.py on trafilatura-eval article text.
"""

from dataclasses import astuple, dataclass
from functools import cached_property

# zipf(a) + zipf(b) - 9 is the zipf of "a b" if they were independent (a definition).
ZIPF_PER_BILLION = 9.0
# The commonest word's zipf ("the"): no pair of halves is likelier than two of it.
COMMONEST_ZIPF = 7.7


@dataclass(frozen=True)
class GlueOptions:
    # zipf: the left half of a word split, when only the dictionary vouches.
    left_min_zipf: float = 3.0
    # zipf: the right half of a word split: glue is mostly before a common word.
    right_min_zipf: float = 3.5
    # zipf: halves of a case-change split ("chul" + "Professor").
    case_min_zipf: float = 2.0
    # zipf units (powers of ten): a token the dictionary knows is split only when its halves
    # side by side are this much likelier than the token: web glue the dictionary lists
    # ("inthe" 3.4, "ofthe" 2.8) splits; words ("anew" 1.4, "therein" 1.2, "inset" 1.0) stay.
    # 2.5 cost 2.6 points of English recall; the price of 2.1 is that rarer real words with
    # very common halves ("init", 2.5) are split.
    known_margin_zipf: float = 2.1
    # occurrences: a token this many times in a document is a word the writer meant, not glue.
    repeated_token: int = 2
    # zipf: a one-letter half must be seen alone in the document and be this common: English
    # "a" (7.4) and "I" (7.1), never an initial or a stray letter.
    one_letter_min_zipf: float = 6.5
    # zipf of the pair, zipf(left) + zipf(right) - 9, where a half the document or a name list
    # vouches for counts as at least vouched_zipf: "exception but" (1.8) passes; compounds of
    # two content words ("disk space" 0.2, "wave riding" 0.1) and name fragments ("Bet chart"
    # 0.3) do not.
    min_word_pair_zipf: float = 1.5
    # zipf of the pair for a case change: more, as CamelCase brands ("CloudBees") look like
    # two words.
    min_case_pair_zipf: float = 2.0
    # zipf a half counts as at least when the document or a name list vouches for it.
    vouched_zipf: float = 5.5
    # letters: a right half this long is rarely a fragment of a longer word
    # ("Congress|scheduled"), so its pair gets long_right_bonus_zipf (zipf units).
    long_right_letters: int = 9
    long_right_bonus_zipf: float = 1.5
    # letters, zipf: a half this short must be this common when only the dictionary vouches:
    # "in", "of", "He" (>= 6), not "th" (4.2).
    short_half_letters: int = 2
    short_half_min_zipf: float = 5.5
    # zipf: in languages that write compounds as one word, an unknown token that splits into
    # two known words is usually a compound, not glue: only a right half this common counts.
    compounding_right_min_zipf: float = 5.5
    # share of a mark's uses, and uses: a writer who glues a mark this often does so on
    # purpose or in code ("Ok,so you put Dani Filth,the"), so that mark is left alone.
    # Synthetic link glue touches ~1-3% of a mark's uses.
    habit_share: float = 0.2
    habit_min_glued: int = 2

    @property
    def unsplittable_zipf(self) -> float:
        """zipf: no split of a token this frequent can clear known_margin_zipf (two halves as
        common as "the" give at most 7.7 + 7.7 - 9 = 6.4); checked first, it skips most
        tokens cheaply."""
        return 2 * COMMONEST_ZIPF - ZIPF_PER_BILLION - self.known_margin_zipf

    def __hash__(self) -> int:
        return self.fields_hash  # the options are a key of the memos: hashed once

    @cached_property
    def fields_hash(self) -> int:
        return hash(astuple(self))


DEFAULT_OPTIONS = GlueOptions()
