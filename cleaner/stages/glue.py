"""Repair tokens glued together when a scraper dropped the space at a link or tag boundary.

Three kinds, each its own rule id: word+word ("Putinin" -> "Putin in"), a lower->upper case
change ("chulProfessor" -> "chul Professor") and punctuation ("Ukraine.The" -> "Ukraine. The").
A word or case split needs evidence for both halves, strongest first: the document itself
(the half appears unglued elsewhere in it), the YAML name lists, the word-frequency dictionary
of the document's language, then names a batch run saw unglued elsewhere in the corpus (the
YAML `corpus_names` that `cleaner learn` writes; off unless a rule file lists them). The edit
records the evidence for the rarer half by the dictionary, the one that decided: "Putin" in
"Putinin", not "in". Guards leave alone what only looks glued: brand and name casing,
particles, handles, hashtags, URLs, e-mails, numbers, abbreviations, code, protected words and
tokens that occur more than once.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping

import regex

from ..document import Document, Edit, RuleInfo
from .dictionary import Dictionary, load_dictionary, words_at_least

RULE_WORD = "glue.word"
RULE_CASE = "glue.case-change"
RULE_PUNCT = "glue.punctuation"
# Evidence for a half, strongest first; an edit records the evidence for its rarer half.
EVIDENCE = ("document", "names", "dictionary", "corpus")
EVIDENCE_PUNCT = "punctuation"  # the shape word-mark-word is itself the evidence

# Chunks are what str.split() gives (its white space, which `re` shares and `regex` does not
# quite: U+001C-U+001F), so a pass can collect them with split(), several times quicker.
CHUNK = re.compile(r"\S+")
TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*")
TOKEN_OR_LINE_BREAK = regex.compile(TOKEN.pattern + r"|\n")
CORE = regex.compile(r"^([\"'(“‘„«]*)(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)"
                     r"([.,;:!?\"'”’»)]*)$")
# Part of a URL, e-mail, domain, handle, hashtag, number (decimals, times, versions) or code:
# never touched.
UNTOUCHABLE = regex.compile(
    r"://|www\.|@|#|\d|[_=<>{}\[\]\\|/`*~^$%&+]|\w\("
    r"|\p{L}\.(?:com|org|net|gov|edu|io|co|de|uk|fr|es|ru|info|html?|php|aspx?|js|py)\b"
    r"|\p{L}\.\p{L}+\.\p{L}",  # dotted chains: "stuff.bigstuff.Module", "reg.Gen.m.b.H."
    regex.IGNORECASE)
# Lower case, then a capitalised word ("theInterior"), the pronoun I ("soI'm") or an
# acronym that ends the token ("theEU").
CASE_CHANGE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}(?:\p{Ll}|['’]\p{Ll}|$)|\p{Lu}{2,}$)")
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
ACRONYM_THEN_WORD = regex.compile(r"(\p{Lu}{2,})(\p{Ll}{2,})")  # "NFLquarterback"
# Sentence punctuation glued to a capitalised word: "Ukraine.The", "wait!The", "war;The".
# The left word has two letters and a lower-case one, so initials ("J.R.R.Tolkien"),
# abbreviations ("U.S.", "e.g.") and ellipses ("so...The") never match.
PUNCT_SENTENCE = regex.compile(r"(?<=\p{L}\p{Ll})[.!?;](?=\p{Lu}\p{Ll})")
# A comma between words: "said,adding", "Seoul,Tokyo"; not in lists of acronyms ("DSG,DKG").
PUNCT_COMMA = regex.compile(r"(?<=\p{Ll}{2}),(?=\p{L}\p{Ll})")
# A colon before a capitalised word: "said:The". A colon before lower case is left alone
# (German gender colon "Lehrer:innen", "mailto:", "Re:").
PUNCT_COLON = regex.compile(r"(?<=\p{Ll}{2}):(?=\p{Lu}\p{Ll})")
# A closing quote after sentence punctuation, glued to the next word: 'end."Next'.
PUNCT_QUOTE = regex.compile(r"(?<=\p{Ll}[.!?,][\"”’»])(?=\p{L}{2})")

PUNCT_BY_MARK = {'"': PUNCT_QUOTE, ".": PUNCT_SENTENCE, ",": PUNCT_COMMA, ":": PUNCT_COLON}
# Any of them: most chunks that are not one word (numbers, URLs, dashes) have none.
PUNCT_ANY = regex.compile("|".join(pattern.pattern for pattern in PUNCT_BY_MARK.values()))
# What counts as a glued use of a mark when judging a writer's habit: for the full stop,
# any word glued to a letter, so code ("stuff.Module", "mod.bar") and domains count.
HABIT_BY_MARK = {**PUNCT_BY_MARK, ".": regex.compile(r"\p{Ll}{2}\.\p{L}")}

# Zipf frequencies: log10 of occurrences per billion words ("the" 7.7, "Putin" 4.1; wordfreq's
# largest lists stop at 1.0, so 0 means unknown).
LEFT_MIN_ZIPF = 3.0     # the left half of a word split, when only the dictionary vouches
RIGHT_MIN_ZIPF = 3.5    # the right half of a word split: glue is mostly before a common word
CASE_MIN_ZIPF = 2.0     # halves of a case-change split ("chul" + "Professor")
# A token the dictionary knows is split only when its halves side by side are this many
# zipf units (powers of ten) more likely than the token: web glue the dictionary lists
# ("inthe" 3.4, "ofthe" 2.8) splits; words ("anew" 1.4, "therein" 1.2, "inset" 1.0) stay.
# Measured with bench/glue.py: 2.5 cost 2.6 points of English recall; the price of 2.1 is
# that rarer real words with very common halves ("init", 2.5) are split.
KNOWN_MARGIN_ZIPF = 2.1
ZIPF_PER_BILLION = 9.0  # zipf(a) + zipf(b) - 9 is the zipf of "a b" if they were independent
# No split of a token this frequent can clear KNOWN_MARGIN_ZIPF: two halves as common as
# "the" (7.7) give at most 7.7 + 7.7 - 9 = 6.4. Checked first, it skips most tokens cheaply.
UNSPLITTABLE_ZIPF = 2 * 7.7 - ZIPF_PER_BILLION - KNOWN_MARGIN_ZIPF
# A token this many times in a document is a word the writer meant, not glue.
REPEATED_TOKEN = 2
# A one-letter half must be seen alone in the document and be at least this common: English
# "a" (7.4) and "I" (7.1), never an initial or a stray letter.
ONE_LETTER_MIN_ZIPF = 6.5
# A split must be this likely as two words: zipf(left) + zipf(right) - 9, where a half the
# document or a name list vouches for counts as at least VOUCHED_ZIPF. Measured on
# trafilatura-eval text (bench/glue.py): "exception but" (1.8) passes; compounds of two
# content words ("disk space" 0.2, "wave riding" 0.1) and name fragments ("Bet chart" 0.3)
# do not. Case changes need more: CamelCase brands ("CloudBees") look like two words.
MIN_WORD_PAIR_ZIPF = 1.5
MIN_CASE_PAIR_ZIPF = 2.0
VOUCHED_ZIPF = 5.5
# A right half this long is rarely a fragment of a longer word ("Congress|scheduled"): its
# pair score gets LONG_RIGHT_BONUS_ZIPF.
LONG_RIGHT_LETTERS = 9
LONG_RIGHT_BONUS_ZIPF = 1.5
# A half of two letters must be this common: "in", "of", "He" (>= 6), not "th" (4.2).
SHORT_HALF_LETTERS = 2
SHORT_HALF_MIN_ZIPF = 5.5
# In languages that write compounds as one word, an unknown token that splits into two
# known words is usually a compound, not glue: only a very common right half counts (and
# never a YAML `glue_suffixes` word: "Lehrerin", "Bundeslandes").
COMPOUNDING_LANGS = frozenset({"de", "nl", "sv", "da", "no", "nb", "fi", "is", "af"})
COMPOUNDING_RIGHT_MIN_ZIPF = 5.5
# A writer who glues a mark this often (share of its uses, at least HABIT_MIN_GLUED times)
# does so on purpose or in code ("Ok,so you put Dani Filth,the"): that mark is left alone.
# Synthetic link glue touches ~1-3% of a mark's uses.
HABIT_SHARE = 0.2
HABIT_MIN_GLUED = 2
# German binnen-I ("LehrerInnen") is one word, not a case change.
BINNEN_I = frozenset({"In", "Innen"})
# A given name of two syllables joined by a hyphen ("Seong-jae", "Jae-myung"): every part
# known to the dictionary and this shape vouch for it as a name where a case change follows.
HYPHENATED_GIVEN_NAME = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+")
POSSESSIVE = ("'s", "’s")
# Chunks and tokens whose pure verdicts (word_core, inert_chunk, viable_splits) are remembered
# per process.
VIABLE_CACHE = 65_536
# Name particles written before a capital ("McDonald", "DeSantis", "LeBron", "MacArthur").
NAME_PARTICLES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von",
                            "Del", "Della", "Des", "Fitz", "Al", "El", "Ibn", "Bin", "Abu", "St"})


@dataclass(frozen=True)
class GlueLexicon:
    """The word lists the glue stage consults: names vouch for a half, protected words
    (casefolded) are never split. `corpus_names`, empty unless a rule file lists them (as
    `cleaner learn` and `cleaner batch --corpus-names` do), are names seen on their own
    elsewhere in the corpus: the weakest evidence."""

    names: frozenset[str] = frozenset()
    protected: frozenset[str] = frozenset()
    prefixes: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    suffixes: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    corpus_names: frozenset[str] = frozenset()


def glue_lexicon(names, protected_words, prefixes=(), suffixes=(), corpus_names=()) -> GlueLexicon:
    """Build the lexicon from YAML `names` (full names; each part counts), `protected_words`,
    the per-language `glue_prefixes` and `glue_suffixes` as (lang, words) pairs, and
    `corpus_names` (from `cleaner learn`)."""
    parts = {part for name in names for part in name.split()}
    return GlueLexicon(frozenset(parts) | frozenset(names),
                       frozenset(word.casefold() for word in protected_words),
                       words_by_lang(prefixes), words_by_lang(suffixes), frozenset(corpus_names))


def words_by_lang(pairs: Iterable[tuple[str, Iterable[str]]]) -> Mapping[str, frozenset[str]]:
    merged = {}
    for lang, words in pairs:
        merged[lang] = merged.get(lang, frozenset()) | {word.casefold() for word in words}
    return MappingProxyType(merged)


@dataclass(frozen=True)
class Context:
    """What a split consults: the document's text, tokens and adjacent pairs, the lexicon,
    the dictionary and the document's language."""

    text: str  # the document's lines joined by newlines
    tokens: list[str]  # its tokens in order, "\n" between lines
    counts: Counter
    lexicon: GlueLexicon
    words: Dictionary | None
    lang: str | None

    @cached_property
    def habits(self) -> frozenset:
        """Punctuation marks this writer glues on purpose; found only if a chunk needs it."""
        return glue_habits(self.text)

    @cached_property
    def pairs(self) -> frozenset:
        """The pairs of tokens seen side by side on a line ("New", "York"); found only if a
        split needs them."""
        return frozenset(zip(self.tokens, self.tokens[1:]))

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
        if self.counts[word] > 0 and (len(word) > 1 or self.zipf(word) >= ONE_LETTER_MIN_ZIPF):
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
        """How common `word` counts as: its zipf, raised to VOUCHED_ZIPF if vouched for."""
        zipf = self.zipf(word)
        return zipf if evidence == "dictionary" else max(zipf, VOUCHED_ZIPF)


def word_zipf(words: Dictionary | None, word: str) -> float:
    """The dictionary frequency of `word` (of its rarest part if hyphenated); 0 if unknown
    or rarer than every threshold (dictionary.COMMON_MIN_ZIPF)."""
    if words is None:
        return 0.0
    if "-" not in word:
        return words.zipf(word.casefold().replace("’", "'"))
    return min(words.zipf(part.casefold().replace("’", "'")) for part in word.split("-"))


def word_exact_zipf(words: Dictionary | None, word: str) -> float:
    """The dictionary frequency of `word` however rare; 0 only if unknown."""
    return words.exact_zipf(word.casefold().replace("’", "'")) if words else 0.0


def repair_glue(doc: Document, lexicon: GlueLexicon) -> Document:
    """Split glued tokens on every line, recording one edit per repair. A split adds words
    that are evidence for others ("theminister ministerminister"), so passes repeat until
    none splits: cleaning the output again changes nothing."""
    while repair_pass(doc, lexicon):
        pass
    return doc


def repair_pass(doc: Document, lexicon: GlueLexicon) -> bool:
    """One pass over the document; True if it split anything. Each distinct chunk is
    decided once (a document repeats most of them), and only lines holding a repaired
    chunk are rewritten."""
    text = "\n".join(line.text for line in doc.lines)  # no pattern here matches across lines
    context = document_context(doc, text, lexicon)
    chunks = set(text.split()) - unsplittable_chunks(doc.lang)
    repairs = {chunk: found for chunk in chunks if (found := chunk_repair(chunk, context))}
    if not repairs:
        return False
    for line in doc.lines:
        edits = [Edit(line.number, chunk.start() + at, before, after, rule, evidence)
                 for chunk in CHUNK.finditer(line.text) if chunk.group() in repairs
                 for at, before, after, rule, evidence in [repairs[chunk.group()]]]
        if edits:
            doc.rewrite(line, edits)
    return True


def document_context(doc: Document, text: str, lexicon: GlueLexicon) -> Context:
    """The Context of one pass over `doc`, whose lines joined by newlines are `text`."""
    tokens = TOKEN_OR_LINE_BREAK.findall(text)
    return Context(text, tokens, token_counts(tokens), lexicon, load_dictionary(doc.lang), doc.lang)


def token_counts(tokens: list[str]) -> Counter:
    """How often each token occurs; a possessive also counts for its stem ("Putin's")."""
    counts = Counter(tokens)
    del counts["\n"]
    for token, count in [(t, n) for t, n in counts.items() if t.endswith(POSSESSIVE)]:
        counts[possessive_stem(token)] += count
    return counts


def glue_habits(text: str) -> frozenset:
    """The punctuation marks `text` glues too often for it to be an accident."""
    habits = set()
    for mark, pattern in HABIT_BY_MARK.items():
        glued = len(pattern.findall(text))
        spaced = text.count(mark + " ")
        if glued >= HABIT_MIN_GLUED and glued > HABIT_SHARE * (glued + spaced):
            habits.add(mark)
    return frozenset(habits)


def clear_memos() -> None:
    """Forget the per-chunk and per-token verdicts (word_core, inert_chunk, viable_splits),
    as a new worker starts: benchmarks time cold passes with it."""
    for memo in (word_core, inert_chunk, viable_splits):
        memo.cache_clear()


@lru_cache(maxsize=VIABLE_CACHE)
def inert_chunk(chunk: str, lang: str | None) -> bool:
    """True where chunk_repair returns None whatever the document: a word with no viable
    split (most words) or too common to split; more than a word, with no punctuation glue
    or with a URL, number or code in it. Pure, so memoised."""
    core = word_core(chunk)
    if core is None:
        return not PUNCT_ANY.search(chunk) or bool(UNTOUCHABLE.search(chunk))
    token = core[1]
    return not viable_splits(token, lang) or word_zipf(load_dictionary(lang), token) >= UNSPLITTABLE_ZIPF


def chunk_repair(text: str, context: Context):
    """(offset, before, after, rule, evidence) repairing a whitespace-delimited chunk, or None."""
    if inert_chunk(text, context.lang):
        return None
    core = word_core(text)
    if core is None:  # more than a word: punctuation glue (no URL, number, code...)
        if is_protected(text, context):
            return None
        punct = punctuation_split(text, context.habits)
        return (0, text, punct, RULE_PUNCT, EVIDENCE_PUNCT) if punct else None
    start, token = core
    if context.counts[token] >= REPEATED_TOKEN or is_protected(token, context):
        return None
    found = best_split(token, context)
    if not found:
        return None
    left, right, rule, evidence = found
    return start, token, f"{left} {right}", rule, evidence


@lru_cache(maxsize=None)
def unsplittable_chunks(lang: str | None) -> frozenset[str]:
    """Chunks that are one word too common to split (UNSPLITTABLE_ZIPF), as running text
    writes it: lower case, capitalised or upper case, with either apostrophe. chunk_repair
    leaves them alone in any document, so a pass sets them aside before deciding anything."""
    if load_dictionary(lang) is None:
        return frozenset()
    forms = set()
    for word in words_at_least(lang, UNSPLITTABLE_ZIPF):
        for form in {word, word.capitalize(), word.upper()}:
            for spelled in {form, form.replace("'", "’")}:
                if spelled.casefold().replace("’", "'") == word and TOKEN.fullmatch(spelled):
                    forms.add(spelled)
    return frozenset(forms)


@lru_cache(maxsize=VIABLE_CACHE)
def word_core(chunk: str) -> tuple[int, str] | None:
    """(offset, word) of a chunk that is one word with optional quotes, brackets and
    punctuation around it; None for anything else."""
    core = CORE.match(chunk)
    return (core.start(2), core.group(2)) if core else None


def is_protected(text: str, context: Context) -> bool:
    """A protected word (brand casing, a word the dictionary cannot know), bare or with
    surrounding punctuation or a possessive."""
    core = text.strip("\"'()“”‘’„«».,;:!?").casefold()
    return core in context.lexicon.protected or possessive_stem(core) in context.lexicon.protected


def possessive_stem(token: str) -> str:
    return token[:-2] if token.endswith(POSSESSIVE) else token


def punctuation_split(text: str, habits: frozenset = frozenset()) -> str | None:
    """"Ukraine.The" -> "Ukraine. The"; "said,adding" -> "said, adding"; else None.
    Marks in `habits` are left alone."""
    fixed = text if '"' in habits else PUNCT_QUOTE.sub(" ", text)
    for mark, pattern in PUNCT_BY_MARK.items():
        if mark not in habits and mark != '"':
            fixed = pattern.sub(r"\g<0> ", fixed)
    return fixed if fixed != text else None


def best_split(token: str, context: Context):
    """(left, right, rule, evidence) for the best-evidenced way to split `token`, or None."""
    best = None
    for left, right, rule in viable_splits(token, context.lang):
        if rule == RULE_WORD and not context.right_is_common(right):
            continue
        found = judge(token, left, right, rule, context)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], left, right, rule, found[1])
    return best[1:] if best else None


@lru_cache(maxsize=VIABLE_CACHE)
def viable_splits(token: str, lang: str | None) -> tuple[tuple[str, str, str], ...]:
    """The candidate splits of `token` that the dictionary alone does not rule out, as judge
    would: a right half too rare to follow glue (glue is mostly before a common word; in a
    compounding language, before a very common one), or a known token likelier whole. Pure,
    so memoised: the same words recur in every document of a batch."""
    words = load_dictionary(lang)
    if words is None:
        return tuple(candidate_splits(token))
    rights = words_at_least(lang, COMPOUNDING_RIGHT_MIN_ZIPF if lang in COMPOUNDING_LANGS
                            else RIGHT_MIN_ZIPF)
    wholes = {}  # segment -> its exact zipf, looked up once
    lower = token.casefold().replace("’", "'")
    aligned = len(lower) == len(token)  # casefolding kept every position ("ß" would not)
    viable = []
    for left, right, rule in candidate_splits(token):
        if rule == RULE_WORD:
            key = lower[len(left):] if aligned else right.casefold().replace("’", "'")
            if key not in rights and not ("-" in key and all(p in rights for p in key.split("-"))):
                continue
            segment = split_segment(token, right)
            if segment not in wholes:
                wholes[segment] = word_exact_zipf(words, segment)
            if "-" not in segment and known_token_wins(wholes[segment], left,
                                                       right.split("-", 1)[0], words):
                continue  # "inset", "awe-inspiring"
        viable.append((left, right, rule))
    return tuple(viable)


def split_segment(token: str, right: str) -> str:
    """The part of `token` a split falls in: its first hyphen segment when the right half
    holds a hyphen ("awe|-inspiring"), else the whole token."""
    return token.split("-", 1)[0] if "-" in right else token


def candidate_splits(token: str):
    """Where `token` may be glued: at its one lower->upper case change ("chulProfessor"),
    or before a lower-case letter in its first or last hyphen-separated segment."""
    changes = [m.start() for m in CASE_CHANGE.finditer(token)]
    if changes:
        if len(changes) == 1 and len(INNER_CAPITAL.findall(token)) == 1:
            yield token[:changes[0]], token[changes[0]:], RULE_CASE
        return  # two case changes are code or a brand ("GlaxoSmithKline")
    acronym = ACRONYM_THEN_WORD.fullmatch(token)
    if acronym:
        yield acronym.group(1), acronym.group(2), RULE_WORD
        return
    first, last = token.split("-", 1)[0], token.rsplit("-", 1)[-1]
    for segment, offset in sorted({(first, 0), (last, len(token) - len(last))}):
        if not (segment.islower() or (segment[:1].isupper() and segment[1:].islower())):
            continue
        for cut in range(offset + 1, offset + len(segment)):
            if token[cut].islower():
                yield token[:cut], token[cut:], RULE_WORD


def judge(token: str, left: str, right: str, rule: str, context: Context):
    """(score, evidence) if `left right` is a split the evidence supports, else None."""
    if rule == RULE_CASE and (right in BINNEN_I or left in NAME_PARTICLES
                              or len(left.rsplit("-", 1)[-1]) < 2):
        return None  # "LehrerInnen", "McDonald", "iPhone"
    if is_affix(left, right, context):
        return None  # "nondifferent", "Lehrerin"
    if any(len(half) == 1 and context.evidence(half, 0.0) != "document" for half in (left, right)):
        return None  # "Detlev´s" is not "Detlev s"
    seen_apart = (left, right) in context.pairs
    segment = split_segment(token, right)
    if (rule == RULE_CASE and not seen_apart and "-" not in segment
            and known_token_wins(context.exact_zipf(segment), left, right.split("-", 1)[0],
                                 context.words)):
        return None  # "YouTube", unless "New York" is seen apart (word splits: viable_splits)
    if seen_apart:
        return (len(EVIDENCE), VOUCHED_ZIPF), "document"
    min_zipf = CASE_MIN_ZIPF if rule == RULE_CASE else LEFT_MIN_ZIPF
    left_evidence = context.evidence(left, min_zipf)
    right_evidence = context.evidence(right, CASE_MIN_ZIPF if rule == RULE_CASE else 0.0)
    if (not left_evidence or not right_evidence or too_short(left, left_evidence, context)
            or too_short(right, right_evidence, context)):
        return None
    if "-" in left and left_evidence == "dictionary" and rule == RULE_WORD:
        return None  # a hyphenated left half ("Jong-un") needs the document or a name list
    left_strength = context.strength(left, left_evidence)
    if rule == RULE_CASE and HYPHENATED_GIVEN_NAME.fullmatch(left):
        left_strength = max(left_strength, VOUCHED_ZIPF)  # "Seong-jae|Professor"
    pair = (left_strength + context.strength(right, right_evidence)
            - ZIPF_PER_BILLION + (LONG_RIGHT_BONUS_ZIPF if len(right) >= LONG_RIGHT_LETTERS else 0.0))
    if pair < (MIN_CASE_PAIR_ZIPF if rule == RULE_CASE else MIN_WORD_PAIR_ZIPF):
        return None
    evidence = left_evidence if context.exact_zipf(left) <= context.exact_zipf(right) else right_evidence
    return (len(EVIDENCE) - EVIDENCE.index(evidence), pair), evidence


def is_affix(left: str, right: str, context: Context) -> bool:
    """True if `left` is a YAML glue prefix of the language, or the split falls where a glue
    suffix marks it: "in" (before a final "in"), "en|den" (inside a final "enden")."""
    if left.casefold() in context.lexicon.prefixes.get(context.lang, ()):
        return True
    left, right = left.casefold(), right.casefold()
    for suffix in context.lexicon.suffixes.get(context.lang, ()):
        before, _, after = suffix.rpartition("|")
        if right == after and left.endswith(before):
            return True
    return False


def too_short(half: str, evidence: str, context: Context) -> bool:
    """A two-letter half only the dictionary vouches for, and not as a very common word
    ("Th", "Ib"); "EU" seen alone in the document is fine."""
    return (evidence == "dictionary" and len(half) == SHORT_HALF_LETTERS
            and context.zipf(half) < SHORT_HALF_MIN_ZIPF)


def known_token_wins(whole: float, left: str, right: str, words: Dictionary | None) -> bool:
    """True if the dictionary knows the token (its zipf `whole` > 0) and it is likelier than
    `left right`. A half rarer than COMMON_MIN_ZIPF counts as 0: such a pair (< 2 + 7.7 - 9)
    never clears the margin."""
    if whole == 0.0:
        return False
    pair = word_zipf(words, left) + word_zipf(words, right) - ZIPF_PER_BILLION
    return pair - whole < KNOWN_MARGIN_ZIPF


class GlueRepair:
    """Stage: glued tokens split, with the word lists of the generic rule sets and of the
    document's outlet (one lexicon per outlet)."""

    name = "glue"
    rule_ids = (RuleInfo(RULE_WORD, "repair", "two words glued together split apart"),
                RuleInfo(RULE_CASE, "repair", "words glued at a change of case split apart"),
                RuleInfo(RULE_PUNCT, "repair", "a space put back after glued punctuation"))

    def __init__(self, catalog):
        self.lexicons = catalog.per_outlet(lambda outlet: glue_lexicon(*(
            catalog.word_list(name, outlet) for name in
            ("names", "protected_words", "glue_prefixes", "glue_suffixes", "corpus_names"))))

    def __call__(self, doc: Document) -> None:
        repair_glue(doc, self.lexicons[doc.outlet])
