"""Duplicated lines: exact (after normalising case, punctuation and space) and near
(word-set Jaccard); the first occurrence stays.

A scrape repeats whole blocks (a headline, a caption, a share bar, a paragraph printed
twice), and a block is one line. A line of a hard-wrapped paragraph is a fragment of one:
when it repeats, a writer quoted the paragraph (mail, forum replies), so it stays.
"""

import hashlib
import math
import re
from collections import Counter

from ..document import Document, Line, RuleInfo
from ..slices import text_chunks, text_slices, word_count
from .prose import is_prose, wrapped_positions

RULE_EXACT = "duplicate.exact"
RULE_NEAR = "duplicate.near"
RULE_REMOVED = "duplicate.of-removed"
RULE_TITLE = "duplicate.page-title"
# A page's <title> joins its headline and the site's name with one of these ("Identity Crisis
# - New State Laws Aimed at Quack Therapists", "John Paulson Wins Again -- Daily Intel -- New
# York Magazine"); full-page text prints it as the first line, and the headline comes again.
TITLE_SEPARATOR = re.compile(r"\s+(?:-{1,2}|[|–—·»]|::)\s+")
# A title is a line of at most this many characters (browsers cut them far shorter).
TITLE_MAX_CHARS = 300
# Runs of letters and digits as Python's str.isalnum() knows them: `regex`'s [\p{L}\p{N}]
# differs only on characters newer than Python's Unicode tables, and costs twice the time.
# A line's key is its words joined by one space: what lies between them made one space.
NOT_WORD = re.compile(r"[\W_]+")
# Near-duplicate search compares long lines that share a rare word and keeps each one's word
# set; past this many long lines, or this many words in them (far beyond any page: the
# longest of 6,138 benchmark inputs has 46,796 words), only exact duplicates are removed,
# keeping time and memory linear (2,990 lines of 6,500 characters in random words took 80 s
# and 290 MB).
NEAR_DUPLICATE_MAX_LINES = 3_000
NEAR_DUPLICATE_MAX_WORDS = 100_000
# ... and once this many pairs were compared, the rest of the document too: lines of the same
# few common words share every rare word and make it quadratic (3,000 such lines took 6 s).
# No benchmark input (full page, scrape, gold text) compares 1,000.
NEAR_DUPLICATE_MAX_COMPARISONS = 100_000


def drop_duplicates(
    doc: Document,
    min_chars: int,
    min_words: int,
    jaccard: float,
    yaml_rule_ids: frozenset[str] = frozenset(),
) -> Document:
    """Drop lines that repeat an earlier kept line exactly or nearly, or a line that one of
    the YAML rules `yaml_rule_ids` removed before them, and a page title that a later line
    repeats a part of; the lines of hard-wrapped paragraphs are neither dropped nor compared.
    In text where no rule found page chrome (Document.shows_chrome), an exact copy of a short
    line that is no sentence stays (is_own)."""
    page = doc.shows_chrome()  # else its repeated short lines are the article's own
    candidates, long_keys = keyed_lines(doc, min_words)
    seen_sets = PrefixIndex(list(long_keys.values()), jaccard) if long_keys is not None else None
    seen_exact: dict[bytes, int] = {}  # key's digest: line number
    removed_at = removed_keys(doc, yaml_rule_ids, min_chars)
    exact, near, copies, title = [], [], [], page_title(candidates)
    for line, digest in candidates[len(title) :]:  # a title goes: what repeats it stays
        if not digest:
            continue
        copied = digest in seen_exact and len(line.text) >= min_chars
        if copied and not is_own(line, page, min_words):
            exact.append((line, f"a copy of line {seen_exact[digest]}"))
            continue
        if removed_at.get(digest, line.position) < line.position:
            copies.append((line, "a copy of a line a rule removed above"))
            continue
        seen_exact.setdefault(digest, line.number)
        if seen_sets is not None and seen_sets.compared > NEAR_DUPLICATE_MAX_COMPARISONS:
            seen_sets = None  # the rest of the document: exact copies only
        long_key = long_keys.get(line.position) if long_keys is not None else None
        if seen_sets is not None and long_key is not None and seen_sets.is_near_copy(long_key):
            near.append((line, f"nearly a copy of an earlier line (overlap >= {jaccard:g})"))
    titled = [(line, "the page's title: a later line is its headline") for line in title]
    found = ((exact, RULE_EXACT), (near, RULE_NEAR), (copies, RULE_REMOVED), (titled, RULE_TITLE))
    for dropped, rule in found:
        doc.drop_each(dropped, rule, "duplicate")
    return doc


def is_own(line: Line, page: bool, min_words: int) -> bool:
    """A line of fewer than `min_words` words that is no sentence, in text that is not a
    `page`: the article's own when it comes again (the headings a table of contents repeats,
    a listing's fields), as a page's menus and labels are not."""
    return not page and not is_prose(line.text) and word_count(line.text) < min_words


# A candidate line: the line and its key's digest (b"" for a line with no words).
Keyed = tuple[Line, bytes]


def page_title(candidates: list[Keyed]) -> list[Line]:
    """The document's first line if it is a page's title: parts joined by a TITLE_SEPARATOR,
    one of two words or more a later line (the headline). On the full-page text of dragnet,
    cleaneval and the outlets set 955 first lines are so, 6 of them gold text."""
    first = candidates[0][0] if candidates else None
    if first is None or first.position != 0 or len(first.text) > TITLE_MAX_CHARS:
        return []
    parts = title_parts(first.text)
    later = {digest for _, digest in candidates[1:]}
    repeated = len(parts) > 1 and any(" " in part and key_digest(part) in later for part in parts)
    return [first] if repeated else []


def title_parts(title: str) -> list[str]:
    """The keys of a page title's parts: the headline and the site's name, in some order."""
    return [line_key(part) for part in TITLE_SEPARATOR.split(title)]


def keyed_lines(doc: Document, min_words: int) -> tuple[list[Keyed], dict[int, str] | None]:
    """Each line the stage may drop or compare (neither protected nor part of a hard-wrapped
    paragraph) with its key's digest; and the key of each long line (min_words words or more)
    by its position, to compare for near copies, or None past the bounds on their number and
    their words (only exact copies are then looked for)."""
    wrapped = wrapped_positions(doc.lines)
    # a digest a line, and keys only within the near-copy bounds: a document at the size
    # limit would hold its text once more in keys (20 MB of 400-character lines took 28 MB more)
    keyed: list[Keyed] = []
    long_keys: dict[int, str] | None = {}
    long_words = 0
    for line in doc.lines:
        if line.protected_by or line.position in wrapped:
            continue
        key = line_key(line.text)
        words = key.count(" ") + 1 if key else 0
        keyed.append((line, key_digest(key)))
        if long_keys is not None and words >= min_words:
            long_keys[line.position] = key
            long_words += words
            if len(long_keys) > NEAR_DUPLICATE_MAX_LINES or long_words > NEAR_DUPLICATE_MAX_WORDS:
                long_keys = None
    return keyed, long_keys


def key_digest(key: str) -> bytes:
    """A fixed-size stand-in for a line's key (b"" for the empty key): 16 bytes of BLAKE2b,
    so two different keys share a digest with odds of ~1 in 10^38."""
    if not key:
        return b""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def removed_keys(doc: Document, yaml_rule_ids: frozenset[str], min_chars: int) -> dict[bytes, int]:
    """The key's digest of each line one of the YAML rules `yaml_rule_ids` removed, at its
    first position. A later copy is the same noise printed again where no rule could see it
    (a block rule took a carousel item's title and description; the player prints the
    description twice). What heuristics removed is not followed: a related-list takes the
    article's own headline among the latest stories, above the headline itself."""
    found: dict[bytes, int] = {}
    for removal in doc.removed:
        if (
            removal.rule in yaml_rule_ids
            and len(removal.text) >= min_chars
            and (digest := key_digest(line_key(removal.text)))
        ):
            position = doc.position_of(removal)
            found[digest] = min(position, found.get(digest, position))
    return found


def line_key(text: str) -> str:
    """The line's words, case-folded, joined by one space; a long line a slice at a time
    (re.sub lists its pieces)."""
    return " ".join(
        key
        for piece in text_slices(text)
        if (key := NOT_WORD.sub(" ", piece.casefold()).strip(" "))
    )


class PrefixIndex:
    """Word sets indexed by their rarest words (prefix filtering, as in the AllPairs
    similarity join): two sets with Jaccard >= t share at least ceil(t * max size) words, so
    each set's |s| - ceil(t * |s|) + 1 rarest words (in one order for the whole document)
    include a word of the other's. Only sets sharing such a word are compared, which keeps a
    long document of distinct lines from costing a comparison per pair."""

    def __init__(self, keys: list[str], jaccard: float):
        """`keys`: each line's words joined by one space."""
        counts = Counter(word for key in keys for word in text_chunks(key))
        # rarest first; the word itself breaks ties, so the order is total
        self.rank = {word: i for i, word in enumerate(sorted(counts, key=lambda w: (counts[w], w)))}
        self.jaccard = jaccard
        self.sets: list[frozenset[str]] = []
        self.by_word: dict[str, list[int]] = {}
        self.compared = 0  # pairs of sets compared so far

    def prefix(self, word_set: frozenset[str]) -> list[str]:
        """The set's rarest words that has_near and add index it by."""
        # the least overlap a near duplicate can have, a hair low so that float rounding of
        # t * |s| (0.9 * 10 = 9.000000000000002) cannot make the prefix a word too short
        overlap = max(1, math.ceil(self.jaccard * len(word_set) - 1e-9))
        return sorted(word_set, key=self.rank.__getitem__)[: len(word_set) - overlap + 1]

    def has_near(self, word_set: frozenset[str], prefix: list[str]) -> bool:
        """Whether a set added earlier has a Jaccard similarity >= the threshold with this one,
        whose prefix() is `prefix`."""
        seen: set[int] = set()
        for word in prefix:
            for index in self.by_word.get(word, ()):
                if index not in seen:
                    seen.add(index)
                    self.compared += 1
                    if similarity(word_set, self.sets[index]) >= self.jaccard:
                        return True
        return False

    def is_near_copy(self, key: str) -> bool:
        """Whether the words of `key` nearly repeat a line's added before; if not, they are
        added."""
        word_set = frozenset(text_chunks(key))
        prefix = self.prefix(word_set)
        if self.has_near(word_set, prefix):
            return True
        self.add(word_set, prefix)
        return False

    def add(self, word_set: frozenset[str], prefix: list[str]) -> None:
        index = len(self.sets)
        self.sets.append(word_set)
        for word in prefix:
            self.by_word.setdefault(word, []).append(index)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets."""
    return len(a & b) / len(a | b)


class DuplicateDropper:
    """Stage: lines repeating an earlier kept line, exactly or nearly."""

    name = "duplicates"
    rule_ids = (
        RuleInfo(
            RULE_EXACT,
            "duplicate",
            "a line repeating an earlier one (case, punctuation and space aside)",
        ),
        RuleInfo(RULE_NEAR, "duplicate", "a long line whose words nearly repeat an earlier line's"),
        RuleInfo(RULE_REMOVED, "duplicate", "a line repeating an earlier line a YAML rule removed"),
        RuleInfo(RULE_TITLE, "duplicate", "a first line that is the page's title: a part repeated"),
    )

    def __init__(
        self,
        min_chars: int,
        min_words: int,
        jaccard: float,
        yaml_rule_ids: frozenset[str] = frozenset(),
    ):
        """`yaml_rule_ids`: the YAML rules whose removed lines' later copies go too."""
        self.min_chars, self.min_words, self.jaccard = min_chars, min_words, jaccard
        self.yaml_rule_ids = yaml_rule_ids

    def __call__(self, doc: Document) -> None:
        drop_duplicates(doc, self.min_chars, self.min_words, self.jaccard, self.yaml_rule_ids)
