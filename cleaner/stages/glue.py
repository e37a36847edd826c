"""Repair tokens glued together when a scraper dropped the space at a link or tag boundary.

Three kinds, each its own rule id: word+word ("Putinin" -> "Putin in"), a lower->upper case
change ("chulProfessor"), and punctuation ("Ukraine.The"). A split needs evidence for both
halves, strongest first: the document itself, the names lists in YAML, then a word-frequency
dictionary for the document's language. Each edit records the evidence that decided it.
"""

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from ..document import Document, Edit

RULE_WORD = "glue.word"
RULE_CASE = "glue.case-change"
RULE_PUNCT = "glue.punctuation"

CHUNK = regex.compile(r"\S+")
TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*")
CORE = regex.compile(r"^(\W*?)(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)(\W*)$")
# A chunk that is (part of) a URL, address, handle, hashtag or code is never touched.
UNTOUCHABLE = regex.compile(r"://|www\.|@|#|[\w-]\.(?:com|org|net|gov|edu|io|de|uk|fr|html?)\b"
                            r"|[_=<>{}\[\]\\|]|\d", regex.IGNORECASE)
CASE_CHANGE = regex.compile(r"^(.*?\p{Ll}{2})(\p{Lu}\p{Ll}+)$")
PUNCT_UPPER = regex.compile(r"(?<=\p{Ll}{2})([.!?;:])(?=\p{Lu}\p{Ll})")
PUNCT_QUOTE = regex.compile(r"(?<=\p{Ll}[.!?,])([\"”’»])(?=\p{Lu}\p{Ll})")
COMMA_LOWER = regex.compile(r"(?<=\p{Ll}{2}),(?=\p{Ll}{2})")

# Zipf frequencies (log10 per billion words; "the" ~7.7, "Putin" ~4.1, a typo ~0).
KNOWN_ZIPF = 1.0        # a token this frequent is a real word and is never split
LEFT_MIN_ZIPF = 3.0     # the left half, when only the dictionary vouches for it
RIGHT_MIN_ZIPF = 3.5    # the right half: glue is mostly before a common word
CASE_MIN_ZIPF = 2.0     # halves of a case-change split ("chul" + "Professor")
# In languages that write compounds as one word, an unknown token that splits into two
# known words is usually a compound, not glue: only a very common right half counts.
COMPOUNDING_LANGS = frozenset({"de", "nl", "sv", "da", "no", "nb", "fi", "is", "af"})
COMPOUNDING_RIGHT_MIN_ZIPF = 5.5
EVIDENCE_RANK = {"document": 3, "names": 2, "dictionary": 1}


@dataclass(frozen=True)
class GlueLexicon:
    """The YAML word lists the glue stage consults: names vouch for a half, protected
    words are never split."""

    names: frozenset[str] = frozenset()
    protected: frozenset[str] = frozenset()


def glue_lexicon(names, protected_words) -> GlueLexicon:
    """Build the lexicon from YAML `names` (full names; each part counts) and `protected_words`."""
    parts = {part for name in names for part in name.split()}
    return GlueLexicon(frozenset(parts) | frozenset(names),
                       frozenset(word.casefold() for word in protected_words))


@lru_cache(maxsize=None)
def dictionary(lang: str | None) -> Callable[[str], float] | None:
    """A zipf-frequency lookup for `lang`, loaded once per process; None if unavailable."""
    if not lang:
        return None
    import wordfreq  # loaded lazily: ~40 MB per language, only when glue runs

    if lang not in wordfreq.available_languages():
        return None
    return lambda word: wordfreq.zipf_frequency(word, lang)


def repair_glue(doc: Document, lexicon: GlueLexicon) -> Document:
    """Split glued tokens on every line, recording one edit per repair."""
    counts = document_tokens(doc)
    zipf = dictionary(doc.lang)
    for line in doc.lines:
        edits = [edit for chunk in CHUNK.finditer(line.text)
                 for edit in chunk_edits(line.number, chunk, counts, lexicon, zipf, doc.lang)]
        if edits:
            doc.rewrite(line, edits)
    return doc


def document_tokens(doc: Document) -> Counter:
    """Token counts of the whole document, possessives also counted without "'s"."""
    counts = Counter()
    for line in doc.lines:
        for token in TOKEN.findall(line.text):
            counts[token] += 1
            stem = regex.sub(r"['’]s$", "", token)
            if stem != token:
                counts[stem] += 1
    return counts


def chunk_edits(number, chunk, counts, lexicon, zipf, lang) -> list[Edit]:
    """At most one edit for a whitespace-delimited chunk."""
    text = chunk.group()
    if UNTOUCHABLE.search(text):
        return []
    punct = punctuation_split(text)
    if punct:
        return [Edit(number, chunk.start(), text, punct, RULE_PUNCT, "punctuation")]
    core = CORE.match(text)
    if not core:
        return []
    token, start = core.group(2), chunk.start() + core.start(2)
    if counts[token] > 1 or token.casefold() in lexicon.protected or token in lexicon.names:
        return []
    for rule, split in ((RULE_CASE, case_split), (RULE_WORD, word_split)):
        found = split(token, counts, lexicon, zipf, lang)
        if found:
            left, right, evidence = found
            return [Edit(number, start, token, f"{left} {right}", rule, evidence)]
    return []


def punctuation_split(text: str) -> str | None:
    """"Ukraine.The" -> "Ukraine. The"; "said,adding" -> "said, adding"; else None."""
    fixed = PUNCT_QUOTE.sub(r"\1 ", text)
    fixed = PUNCT_UPPER.sub(r"\1 ", fixed)
    fixed = COMMA_LOWER.sub(", ", fixed)
    return fixed if fixed != text else None


def left_evidence(left, counts, lexicon, zipf, min_zipf) -> str | None:
    """Why `left` is a word: seen alone in the document, a listed name, or the dictionary
    (for a hyphenated name, every part of it)."""
    if counts[left] > 0:
        return "document"
    if left in lexicon.names:
        return "names"
    if zipf and all(zipf(part) >= min_zipf for part in left.split("-")):
        return "dictionary"
    return None


def case_split(token, counts, lexicon, zipf, lang):
    """"Eul-chulProfessor" -> ("Eul-chul", "Professor"), when both halves are vouched for."""
    match = CASE_CHANGE.match(token)
    if not match:
        return None
    left, right = match.groups()
    if regex.search(r"\p{Ll}\p{Lu}", left) or (zipf and zipf(token) >= KNOWN_ZIPF):
        return None  # more than one case change is code or a brand (JavaScript, iPhone)
    evidence = left_evidence(left, counts, lexicon, zipf, CASE_MIN_ZIPF)
    right_known = counts[right] > 0 or right in lexicon.names or (zipf and zipf(right) >= CASE_MIN_ZIPF)
    return (left, right, evidence) if evidence and right_known else None


def word_split(token, counts, lexicon, zipf, lang):
    """"Ukraineaccording" -> ("Ukraine", "according"): the best-evidenced split in which the
    right half is a common lower-case word. Only the last segment of a hyphenated token splits."""
    head, _, last = token.rpartition("-")
    if not last.islower() and not (last[:1].isupper() and last[1:].islower()):
        return None
    if zipf and (zipf(token) >= KNOWN_ZIPF if not head else False):
        return None
    right_min = COMPOUNDING_RIGHT_MIN_ZIPF if lang in COMPOUNDING_LANGS else RIGHT_MIN_ZIPF
    offset = len(token) - len(last)
    best = None
    for cut in range(2, len(last) - 1):
        left, right = token[:offset + cut], last[cut:]
        if not right.islower() or not (counts[right] > 0 or (zipf and zipf(right) >= right_min)):
            continue
        evidence = left_evidence(left, counts, lexicon, zipf, LEFT_MIN_ZIPF)
        if not evidence or (head and evidence == "dictionary"):
            continue
        score = (EVIDENCE_RANK[evidence], min(zipf(left) if zipf else 0, zipf(right) if zipf else 0))
        if best is None or score > best[0]:
            best = (score, left, right, evidence)
    return best[1:] if best else None
