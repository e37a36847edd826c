"""Whether the evidence supports splitting a token in two, and the best such Split."""

import regex

from .candidates import known_token_wins, split_segment, viable_splits
from .context import Context
from .options import ZIPF_PER_BILLION
from .split import RULE_CASE, RULE_WORD, Split

# German binnen-I ("LehrerInnen") is one word, not a case change.
BINNEN_I = frozenset({"In", "Innen"})
# A given name of two syllables joined by a hyphen ("Seong-jae", "Jae-myung"): every part
# known to the dictionary and this shape vouch for it as a name where a case change follows.
HYPHENATED_GIVEN_NAME = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+")
# Name particles written before a capital ("McDonald", "DeSantis", "LeBron", "MacArthur").
NAME_PARTICLES = frozenset(
    {
        "Mc",
        "Mac",
        "De",
        "Di",
        "Da",
        "Du",
        "Le",
        "La",
        "Van",
        "Von",
        "Del",
        "Della",
        "Des",
        "Fitz",
        "Al",
        "El",
        "Ibn",
        "Bin",
        "Abu",
        "St",
    }
)


def best_split(token: str, context: Context) -> Split | None:
    """The best-evidenced way to split `token`, or None."""
    best = None
    for left, right, rule in viable_splits(token, context.lang, context.options):
        if rule == RULE_WORD and not context.right_is_common(right):
            continue
        found = judge(token, left, right, rule, context)
        if found and (best is None or found.score > best.score):
            best = found
    return best


def judge(token: str, left: str, right: str, rule: str, context: Context) -> Split | None:
    """The Split `left right` if the evidence supports it, else None."""
    if shape_rules_out(left, right, rule, context):
        return None
    if context.seen_together(left, right):
        return Split(left, right, rule, "document", context.options.vouched_zipf)
    if rule == RULE_CASE and known_whole(token, left, right, context):
        return None  # "YouTube", unless "New York" is seen apart (word splits: viable_splits)
    return evidenced_split(left, right, rule, context)


def shape_rules_out(left: str, right: str, rule: str, context: Context) -> bool:
    """True for a split the shape of its halves rules out, whatever the frequencies."""
    if rule == RULE_CASE and (
        right in BINNEN_I or left in NAME_PARTICLES or len(left.rsplit("-", 1)[-1]) < 2
    ):
        return True  # "LehrerInnen", "McDonald", "iPhone"
    if is_affix(left, right, context):
        return True  # "nondifferent", "Lehrerin"
    # "Detlev´s" is not "Detlev s"
    return any(
        len(half) == 1 and context.evidence(half, 0.0) != "document" for half in (left, right)
    )


def known_whole(token: str, left: str, right: str, context: Context) -> bool:
    """True if the dictionary knows the part of `token` the split falls in, and likes it
    better whole."""
    segment = split_segment(token, right)
    return "-" not in segment and known_token_wins(
        context.exact_zipf(segment), left, right.split("-", 1)[0], context.words, context.options
    )


def evidenced_split(left: str, right: str, rule: str, context: Context) -> Split | None:
    """The Split if both halves have evidence and the pair is likely enough, else None."""
    options, case = context.options, rule == RULE_CASE
    left_evidence = context.evidence(left, options.case_min_zipf if case else options.left_min_zipf)
    right_evidence = context.evidence(right, options.case_min_zipf if case else 0.0)
    if (
        not left_evidence
        or not right_evidence
        or too_short(left, left_evidence, context)
        or too_short(right, right_evidence, context)
    ):
        return None
    if "-" in left and left_evidence == "dictionary" and rule == RULE_WORD:
        return None  # a hyphenated left half ("Jong-un") needs the document or a name list
    pair = pair_zipf(left, right, left_evidence, right_evidence, rule, context)
    if pair < (options.min_case_pair_zipf if case else options.min_word_pair_zipf):
        return None
    rarer_left = context.exact_zipf(left) <= context.exact_zipf(right)
    return Split(left, right, rule, left_evidence if rarer_left else right_evidence, pair)


def pair_zipf(
    left: str, right: str, left_evidence: str, right_evidence: str, rule: str, context: Context
) -> float:
    """How likely `left right` is as two words: their strengths' sum less ZIPF_PER_BILLION,
    with a bonus for a long right half."""
    options = context.options
    left_strength = context.strength(left, left_evidence)
    if rule == RULE_CASE and HYPHENATED_GIVEN_NAME.fullmatch(left):
        left_strength = max(left_strength, options.vouched_zipf)  # "Seong-jae|Professor"
    bonus = options.long_right_bonus_zipf if len(right) >= options.long_right_letters else 0.0
    return left_strength + context.strength(right, right_evidence) - ZIPF_PER_BILLION + bonus


def is_affix(left: str, right: str, context: Context) -> bool:
    """True if `left` is a YAML glue prefix of the language, or the split falls where a glue
    suffix marks it: "in" (before a final "in"), "en|den" (inside a final "enden")."""
    if context.lang is None:  # affixes are listed per language
        return False
    if left.casefold() in context.lexicon.prefixes.get(context.lang, ()):
        return True
    left, right = left.casefold(), right.casefold()
    for suffix in context.lexicon.suffixes.get(context.lang, ()):
        before, _, after = suffix.rpartition("|")
        if right == after and left.endswith(before):
            return True
    return False


def too_short(half: str, evidence: str, context: Context) -> bool:
    """A short half only the dictionary vouches for, and not as a very common word ("Th",
    "Ib"); "EU" seen alone in the document is fine."""
    return (
        evidence == "dictionary"
        and len(half) == context.options.short_half_letters
        and context.zipf(half) < context.options.short_half_min_zipf
    )
