"""Counting the lines of one group of documents (an outlet or a URL domain) to find the
lines its page template repeats: per line, per pair of neighbouring lines, and per line
leading an article.

Counts are kept as 8-byte hashes of normalised lines; when a group holds more than
MAX_LINES_PER_GROUP of them, lines seen only once are forgotten, bounding memory. A line is
learned when it recurs in enough of the group's documents (MIN_DOCS, MIN_SHARE) or, with
fewer, together with a neighbour (BLOCK_MIN_DOCS): one site design's menu among pages of
several years. A line that leads some document's article (its headline) but recurs mostly
elsewhere is another page's teaser of that article, and is never learned; a sentence in two
stories' pages that opens none (TEASER_MIN_DOCS) is a teaser's text, and is.
"""

import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from ..stages.prose import PROSE_MIN_WORDS, SENTENCE_END, is_prose
from .shard import stable_hash

# A line must recur in at least this many documents of a group...
MIN_DOCS = 5
# ...and in at least this share of them: boilerplate is on most pages, a topic on few.
MIN_SHARE = 0.2
# Distinct lines counted per group before lines seen once are dropped (~100 bytes each).
MAX_LINES_PER_GROUP = 200_000
# Lines longer than this (characters) that end like a sentence are prose, however often
# they recur...
MAX_LINE_CHARS = 300
# ...while a longer line without a sentence end is a whole menu on one line (full-page text
# puts a site's section list of 150 words on one line), up to this length.
MAX_ROW_CHARS = 5_000
# Two neighbouring lines that recur together in this many documents are a block of the page
# template (a menu, a footer): neither needs the share threshold, so the menus of each site
# design among several years of pages are learned too (measured on bench/learning.py: a
# design's menu is on 2 of 20 pages of a half; 3 lost 0.014 F1 and no gold line was kept)...
BLOCK_MIN_DOCS = 2
# ...and in this share of the group's documents: in a large group, two documents sharing two
# lines are as often one story syndicated twice as a template.
BLOCK_MIN_SHARE = 0.02
# The lines before an article's first prose line that may be its headline and standfirst.
LEADING_LINES = 2
# A line leading at most this many documents' articles, and fewer than this share of the
# documents it is in, is a headline that other pages carry as a teaser, never learned (two:
# one article and one copy of it the copy check missed). A line above the article on many
# pages (a toolbar notice, a menu's last line) leads more and stays learnable.
HEADLINE_MAX_LEADS = 2
HEADLINE_MAX_LEAD_SHARE = 0.5
# A sentence (see is_sentence) in this many documents with different first lines and URLs
# (two stories, not two captures or versions of one) is a teaser of a third story: the river of
# the day's stories that a few pages of one day carry (bench/learning.py, nymag 0.868 ->
# 0.892, no gold line lost)...
TEASER_MIN_DOCS = 2
# ...unless it is one of the first sentences of a document: that story's own standfirst,
# which the teasers repeat.
OPENING_SENTENCES = 2
# A line amid prose has a prose line before it and one within this many lines after it (ad
# labels may stand between: "(Story continues below)", "Advertise Here", "Advertisements")...
AMID_REACH = 3
# ...and the prose lines around it are kept for this many of its documents.
AMID_SAMPLE = 8
# Article lines kept per group as candidates for keep examples (~300 bytes each).
KEEP_CANDIDATES = 200
DIGITS = regex.compile(r"\d+")
SPACE = regex.compile(r"\s+")


@dataclass(frozen=True)
class Recurring:
    """A line that recurs in a group: its text as its second document has it, the documents
    it is in, the documents it leads (see GroupCounts.leads), and whether it sits amid the
    articles' own text (see GroupCounts.in_article)."""

    text: str
    docs: int
    leads: int = 0
    in_article: bool = False


@dataclass
class GroupCounts:
    """Line counts of one outlet or domain, as 8-byte hashes of normal forms: documents per
    line, per pair of neighbouring lines, and per line leading an article; each recurring
    line's text; the outlet its documents resolved to; and some of its article lines (prose
    seen once is the group's own text: keep examples)."""

    domain: str | None = None  # the URL domain, when the group is one
    outlets: Counter[str] = field(default_factory=Counter)  # documents per resolved outlet id
    docs: int = 0
    counts: dict[int, int] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    pairs: dict[int, int] = field(default_factory=dict)
    blocks: dict[int, int] = field(default_factory=dict)  # line -> documents of its best pair
    copies: set[int] = field(default_factory=set)  # a hash of each document's sentences
    leads: dict[int, int] = field(default_factory=dict)
    prose: dict[int, str] = field(default_factory=dict)
    # sentence -> the first line and URL (hashed) of its first document
    stories: dict[int, tuple[int, int | None]] = field(default_factory=dict)
    in_two_stories: set[int] = field(default_factory=set)
    openings: set[int] = field(default_factory=set)  # the first sentences of each document
    amid: dict[int, int] = field(default_factory=dict)  # line -> documents with it amid prose
    amid_prose: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # some of those

    @property
    def outlet(self) -> str | None:
        """The outlet most of the group's documents resolved to (by id on a tie), if any."""
        return min(self.outlets, key=lambda o: (-self.outlets[o], o)) if self.outlets else None

    def add(self, lines: list[str], outlet: str | None = None, url: str | None = None) -> None:
        """Count one document's lines (its `url`, if known, tells captures of one page); a
        copy of a document counted before (the same sentences: a story syndicated twice, a
        page captured twice) is not counted again."""
        sentence = [is_sentence(line) for line in lines]
        sentences = sorted({line.strip() for line, one in zip(lines, sentence, strict=True) if one})
        if sentences:
            copy_key = stable_hash("\n".join(sentences))
            if copy_key in self.copies:
                return
            self.copies.add(copy_key)
        self.docs += 1
        if outlet:
            self.outlets[outlet] += 1
        keys = [stable_hash(normalize(line)) if candidate(line) else None for line in lines]
        self.add_stories(lines, keys, sentence, url)
        self.add_amid(lines, keys, sentence)
        for key, text in {k: t for k, t in zip(keys, lines, strict=True) if k is not None}.items():
            seen = self.counts.get(key, 0) + 1
            self.counts[key] = seen
            if seen == 2:
                self.texts[key] = text
        self.add_pairs(keys)
        self.add_leads(lines, keys)
        for line in lines:
            if len(self.prose) < KEEP_CANDIDATES and is_prose(line) and candidate(line):
                self.prose.setdefault(stable_hash(normalize(line)), line)
        if len(self.counts) > MAX_LINES_PER_GROUP:
            self.forget_singles()

    def add_stories(
        self, lines: list[str], keys: list[int | None], sentence: list[bool], url: str | None
    ) -> None:
        """Note, per sentence, the first document it is in (its first line, the headline, and
        its URL), and the sentences found again in a document with another first line and
        another URL: in two stories, not two captures or versions of one (which the copy
        check misses when a teaser or a date differs, and whose headline may change)."""
        headline = next((stable_hash(normalize(line)) for line in lines if line.strip()), 0)
        page = stable_hash(url.split("#")[0]) if url else None
        for key, is_one in zip(keys, sentence, strict=True):
            if key is not None and is_one:
                first_headline, first_page = self.stories.setdefault(key, (headline, page))
                if first_headline != headline and (page is None or first_page != page):
                    self.in_two_stories.add(key)

    def add_amid(self, lines: list[str], keys: list[int | None], sentence: list[bool]) -> None:
        """Note the lines other than sentences (`sentence`, per line) that follow a prose line
        with another within AMID_REACH lines after: their documents, and (for AMID_SAMPLE of
        them) the two prose lines, which in_article looks up once all documents are counted."""
        shown = [
            (line, key, is_one, is_prose(line))
            for line, key, is_one in zip(lines, keys, sentence, strict=True)
            if line.strip()
        ]
        for at, (_, key, is_one, _) in enumerate(shown[1:-1], start=1):
            before, _, _, before_is_prose = shown[at - 1]
            if key is None or is_one or not before_is_prose:
                continue
            after = next(
                (later for later, *_, prose in shown[at + 1 : at + 1 + AMID_REACH] if prose), None
            )
            if after is not None:
                self.amid[key] = self.amid.get(key, 0) + 1
                sample = self.amid_prose.setdefault(key, [])
                if len(sample) < AMID_SAMPLE:
                    sample.append((stable_hash(normalize(before)), stable_hash(normalize(after))))

    def in_article(self, key: int, docs: int) -> bool:
        """The line sits amid prose in half its documents or more, and mostly amid prose of
        that document alone: inside an article, a formula of the story's own ("(Story
        continues below)"), which article text keeps. Teasers amid a river's recurring
        text, and the template around the article, are not."""
        sample = self.amid_prose.get(key, [])
        own = sum(self.counts.get(a, 0) <= 1 and self.counts.get(b, 0) <= 1 for a, b in sample)
        return 2 * self.amid.get(key, 0) >= docs and 2 * own >= len(sample)

    def add_leads(self, lines: list[str], keys: list[int | None] | None = None) -> None:
        """Count the lines that lead this document's article (leading_keys); a document
        cleaned with the learned rules but not learned from gives its headlines this way."""
        if keys is None:
            keys = [stable_hash(normalize(line)) if candidate(line) else None for line in lines]
        for key in leading_keys(lines, keys):
            self.leads[key] = self.leads.get(key, 0) + 1
        sentences = (k for line, k in zip(lines, keys, strict=True) if is_sentence(line))
        self.openings.update(itertools.islice(filter(None, sentences), OPENING_SENTENCES))

    def add_pairs(self, keys: list[int | None]) -> None:
        """Count each pair of neighbouring lines once per document, and for each line the
        documents of the most frequent pair it is in."""
        pairs = {(a, b) for a, b in itertools.pairwise(keys) if a is not None and b is not None}
        for a, b in pairs:
            key = stable_hash(f"{a:x} {b:x}")
            seen = self.pairs.get(key, 0) + 1
            self.pairs[key] = seen
            for line in (a, b):
                self.blocks[line] = max(self.blocks.get(line, 0), seen)

    def forget_singles(self) -> None:
        """Bound memory: forget the lines and pairs seen in one document only."""
        self.counts = {k: n for k, n in self.counts.items() if n > 1}
        self.pairs = {k: n for k, n in self.pairs.items() if n > 1}
        self.leads = {k: n for k, n in self.leads.items() if k in self.counts}
        self.blocks = {k: n for k, n in self.blocks.items() if k in self.counts}
        self.stories = {k: n for k, n in self.stories.items() if k in self.counts}
        self.in_two_stories &= self.counts.keys()
        self.openings &= self.counts.keys()
        self.amid = {k: n for k, n in self.amid.items() if k in self.counts}
        self.amid_prose = {k: n for k, n in self.amid_prose.items() if k in self.counts}

    def recurring(self, min_docs: int, min_share: float) -> list[Recurring]:
        """Lines in at least `min_docs` documents and `min_share` of the group's, in a
        recurring block and BLOCK_MIN_DOCS documents, or teasers (is_teaser); most frequent
        first."""
        need = max(min_docs, min_share * self.docs)
        block_need = max(min(min_docs, BLOCK_MIN_DOCS), BLOCK_MIN_SHARE * self.docs)
        teaser_need = min(min_docs, TEASER_MIN_DOCS)
        found = [
            Recurring(self.texts[k], n, self.leads.get(k, 0), self.in_article(k, n))
            for k, n in self.counts.items()
            if k in self.texts
            and (n >= need or self.in_block(k, block_need) or self.is_teaser(k, n, teaser_need))
        ]
        return sorted(found, key=lambda r: (-r.docs, r.text))

    def is_teaser(self, key: int, docs: int, need: int) -> bool:
        """A sentence in `need` documents of two stories (add_stories) that opens or leads
        none: a teaser of another story, in a river of the day's stories."""
        return (
            docs >= need
            and key in self.in_two_stories
            and key not in self.openings
            and self.leads.get(key, 0) == 0
            and is_sentence(self.texts[key])
        )

    def in_block(self, key: int, need: float) -> bool:
        """The line recurs with a neighbour in `need` documents, a sentence in one more: two
        documents may well quote one sentence before the same template line."""
        return self.blocks.get(key, 0) >= need + is_sentence(self.texts[key])

    def article_lines(self) -> list[str]:
        """Prose lines of the group seen in one document only: its articles' own text."""
        return [text for key, text in self.prose.items() if self.counts.get(key, 0) <= 1]


def is_sentence(line: str) -> bool:
    """Words ending like a sentence: what a template's menus and labels are not."""
    return len(line.split()) >= PROSE_MIN_WORDS and bool(SENTENCE_END.search(line))


def leading_keys(lines: list[str], keys: list[int | None]) -> set[int]:
    """The keys of the lines that lead the document's article: its first line, and the
    LEADING_LINES lines before its first prose line (a headline, a standfirst, a byline)."""
    first_prose = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    chosen = keys[:1] + keys[max(0, first_prose - LEADING_LINES) : first_prose]
    return {key for key in chosen if key is not None}


def is_headline(line: Recurring) -> bool:
    """A line that leads some document's article but recurs mostly elsewhere: a headline
    that other pages carry as a teaser. Menu lines lead most of the documents they are in."""
    return 0 < line.leads <= HEADLINE_MAX_LEADS and line.leads < HEADLINE_MAX_LEAD_SHARE * line.docs


def candidate(line: str) -> bool:
    """A line that may be learned: with letters, and short or a menu row (see MAX_ROW_CHARS)."""
    fits = len(line) <= MAX_LINE_CHARS or (
        len(line) <= MAX_ROW_CHARS and not SENTENCE_END.search(line)
    )
    return fits and any(ch.isalpha() for ch in line)


def normalize(line: str) -> str:
    """Case-folded, digits as 0, spaces collapsed: 'Updated 3 May' ~ 'updated 12 may'."""
    return SPACE.sub(" ", DIGITS.sub("0", line.casefold())).strip()
