"""Where a token may be glued, and which of those splits the dictionary alone leaves open."""

from functools import lru_cache

import regex

from ..dictionary import Dictionary, load_dictionary, words_at_least
from .options import ZIPF_PER_BILLION, GlueOptions
from .split import RULE_CASE, RULE_WORD
from .tokens import MEMO_ENTRIES, fold, word_exact_zipf, word_zipf

# Lower case, then a capitalised word ("theInterior"), the pronoun I ("soI'm") or an
# acronym that ends the token ("theEU").
CASE_CHANGE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}(?:\p{Ll}|['’]\p{Ll}|$)|\p{Lu}{2,}$)")
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
ACRONYM_THEN_WORD = regex.compile(r"(\p{Lu}{2,})(\p{Ll}{2,})")  # "NFLquarterback"
# Languages that write compounds as one word: an unknown token that splits into two known
# words is usually a compound there, not glue (GlueOptions.compounding_right_min_zipf).
COMPOUNDING_LANGS = frozenset({"de", "nl", "sv", "da", "no", "nb", "fi", "is", "af"})
# Characters: no two glued words are longer ("Donaudampfschifffahrtsgesellschaft" + "und" is
# 37). A longer run of letters (a key, a hash, a stretched "aaaa...") is never split, and its
# cuts are never listed: all of them, each half a copy, cost memory in the square of its length.
GLUED_TOKEN_MAX_CHARS = 64


Splits = tuple[tuple[str, str, str], ...]  # (left, right, rule) each


def candidate_splits(token: str, rights: frozenset[str] | None = None) -> Splits:
    """Where `token` may be glued: at its one lower->upper case change ("chulProfessor"),
    or before a lower-case letter in its first or last hyphen-separated segment; nowhere in
    a token longer than GLUED_TOKEN_MAX_CHARS. Given `rights`, only the word splits whose
    right half, casefolded, is one of them (or all of whose hyphenated parts are)."""
    if len(token) > GLUED_TOKEN_MAX_CHARS:
        return ()
    changes = [m.start() for m in CASE_CHANGE.finditer(token)]
    if changes:
        if len(changes) == 1 and len(INNER_CAPITAL.findall(token)) == 1:
            return ((token[: changes[0]], token[changes[0] :], RULE_CASE),)
        return ()  # two case changes are code or a brand ("GlaxoSmithKline")
    acronym = ACRONYM_THEN_WORD.fullmatch(token)
    if acronym:
        left, right = acronym.groups()
        return (
            ((left, right, RULE_WORD),)
            if rights is None or known_right(fold(right), rights)
            else ()
        )
    return tuple((token[:cut], token[cut:], RULE_WORD) for cut in word_cuts(token, rights))


def word_cuts(token: str, rights: frozenset[str] | None) -> list[int]:
    """The positions before a lower-case letter in the first or last hyphen-separated
    segment of `token`, if that segment is lower case or capitalised; given `rights`, only
    those whose right half is known to it (see candidate_splits)."""
    first, last = token.partition("-")[0], token.rpartition("-")[2]
    segments = [(first, 0)] if first == token else [(first, 0), (last, len(token) - len(last))]
    cuts: list[int] = []
    for segment, offset in segments:
        if segment.islower() or (segment[:1].isupper() and segment[1:].islower()):
            cuts.extend(c for c in range(offset + 1, offset + len(segment)) if token[c].islower())
    if rights is None:
        return cuts
    lower = fold(token)
    if len(lower) != len(token):  # casefolding moved positions ("ß"): fold each half
        return [cut for cut in cuts if known_right(fold(token[cut:]), rights)]
    return [cut for cut in cuts if known_right(lower[cut:], rights)]


def known_right(key: str, rights: frozenset[str]) -> bool:
    """A casefolded right half in `rights`, or hyphenated with every part in it."""
    return key in rights or ("-" in key and all(part in rights for part in key.split("-")))


@lru_cache(maxsize=MEMO_ENTRIES)  # a memo of a pure function: words recur in every document
def viable_splits(token: str, lang: str | None, options: GlueOptions) -> Splits:
    """The candidate (left, right, rule) splits of `token` that the dictionary alone does
    not rule out, as judge would: a right half too rare to follow glue (glue is mostly
    before a common word; in a compounding language, before a very common one), or a known
    token likelier whole."""
    words = load_dictionary(lang)
    if words is None:
        return candidate_splits(token)
    rights = words_at_least(
        lang,
        options.compounding_right_min_zipf if lang in COMPOUNDING_LANGS else options.right_min_zipf,
    )
    wholes = {}  # segment -> its exact zipf, looked up once
    viable = []
    for left, right, rule in candidate_splits(token, rights):
        if rule == RULE_WORD:
            segment = split_segment(token, right)
            if segment not in wholes:
                wholes[segment] = word_exact_zipf(words, segment)
            if "-" not in segment and known_token_wins(
                wholes[segment], left, right.split("-", 1)[0], words, options
            ):
                continue  # "inset", "awe-inspiring"
        viable.append((left, right, rule))
    return tuple(viable)


def split_segment(token: str, right: str) -> str:
    """The part of `token` a split falls in: its first hyphen segment when the right half
    holds a hyphen ("awe|-inspiring"), else the whole token."""
    return token.split("-", 1)[0] if "-" in right else token


def known_token_wins(
    whole: float, left: str, right: str, words: Dictionary | None, options: GlueOptions
) -> bool:
    """True if the dictionary knows the token (its zipf `whole` > 0) and it is likelier than
    `left right`. A half rarer than COMMON_MIN_ZIPF counts as 0: such a pair (< 2 + 7.7 - 9)
    never clears the margin."""
    if whole == 0.0:
        return False
    pair = word_zipf(words, left) + word_zipf(words, right) - ZIPF_PER_BILLION
    return pair - whole < options.known_margin_zipf
