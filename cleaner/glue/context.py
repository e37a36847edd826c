"""What a split of one document's token consults, gathered once per pass."""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from ..dictionary import Dictionary
from ..slices import joined_slices
from .candidates import COMPOUNDING_LANGS
from .lexicon import GlueLexicon
from .options import GlueOptions
from .punctuation import glue_habits
from .tokens import lines_tokens, word_exact_zipf, word_zipf


@dataclass(frozen=True)
class Context:
    """The document's lines, its tokens' counts and adjacent pairs, the lexicon, the
    dictionary and the document's language, and the options. Built for one pass over one
    document: its lazily found parts (`habits`, `pairs`) belong to that document only."""

    lines: tuple[str, ...]  # the document's lines' text
    # their tokens in order, "\n" between lines; None for a text longer than SLICE_CHARS,
    # whose tokens are listed again, a slice at a time, if its pairs are needed
    tokens: list[str] | None
    counts: Counter[str]
    # the pairs of tokens `seen_together` may be asked about (the halves of the splits the
    # pass weighs): only these are looked for, so a long text's pairs are never all listed
    asked: frozenset[tuple[str, str]]
    lexicon: GlueLexicon
    words: Dictionary | None
    lang: str | None
    options: GlueOptions

    @cached_property
    def habits(self) -> frozenset[str]:
        """Punctuation marks this writer glues on purpose; found only if a chunk needs it."""
        return glue_habits(joined_slices(self.lines), self.options)

    @cached_property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """The asked pairs of tokens seen side by side on a line ("New", "York"); found only
        if a split needs them."""
        tokens = self.tokens if self.tokens is not None else lines_tokens(self.lines)
        return frozenset(pair for pair in pairwise(tokens) if pair in self.asked)

    def seen_together(self, left: str, right: str) -> bool:
        """`left` and `right` side by side on a line somewhere in the document. A pair of
        which a token never occurs is answered without listing the pairs."""
        return bool(self.counts[left] and self.counts[right]) and (left, right) in self.pairs

    def right_is_common(self, right: str) -> bool:
        """The document's part of the rule for the right half of a word split (viable_splits
        applies the dictionary's): for a language without a dictionary, `right` is seen
        alone in the document; in a compounding language it is also seen alone as written,
        because a noun head ("Coronafall") is capitalised when alone, a function word
        ("Energieund") is not."""
        if self.words is None or self.lang in COMPOUNDING_LANGS:
            return self.counts[right] > 0
        return True

    def zipf(self, word: str) -> float:
        return word_zipf(self.words, word)

    def exact_zipf(self, word: str) -> float:
        return word_exact_zipf(self.words, word)

    def evidence(self, word: str, min_zipf: float) -> str | None:
        """The strongest evidence that `word` stands alone, or None."""
        if self.counts[word] > 0 and (
            len(word) > 1 or self.zipf(word) >= self.options.one_letter_min_zipf
        ):
            return "document"
        if word in self.lexicon.names:
            return "names"
        if len(word) == 1:
            return None  # a one-letter half counts only if the document has it alone ("a", "I")
        if self.zipf(word) >= min_zipf:
            return "dictionary"
        if word in self.lexicon.corpus_names:
            return "corpus"
        return None

    def strength(self, word: str, evidence: str) -> float:
        """How common `word` counts as: its zipf, raised to vouched_zipf if vouched for."""
        zipf = self.zipf(word)
        return zipf if evidence == "dictionary" else max(zipf, self.options.vouched_zipf)
