"""What the report counts, computed from the documents alone (pure functions and plain
data): totals, removals by category, rule, outlet and language, and each document's own
figures, from which the suspicious ones are picked."""

from dataclasses import dataclass, field

from ..batch.learn import domain
from .results import DocumentResult

# A removed line at least this long (characters) is flagged: boilerplate is short, and a
# long removed line is more often a paragraph of the article.
LONG_LINE_CHARS = 250
# A document that lost at least this share of its words is flagged.
HIGH_REMOVED_SHARE = 0.5
# A document left with fewer words than this, after something was removed, is flagged as
# nearly empty (a news brief has about 100).
NEARLY_EMPTY_WORDS = 50
# Documents kept as examples of each rule, for its sample of removed lines.
RULE_SAMPLE_DOCS = 12
UNKNOWN = "(none)"
# A Tally as the page's rows carry it, in this order.
TALLY_COLUMNS = ["docs", "lines", "lines_removed", "words", "words_removed", "edits"]


@dataclass
class Tally:
    """Counts over a set of documents. Words are white-space separated tokens."""

    docs: int = 0
    lines: int = 0
    lines_removed: int = 0
    words: int = 0
    words_removed: int = 0
    edits: int = 0

    def add(self, other: "Tally") -> None:
        self.docs += other.docs
        self.lines += other.lines
        self.lines_removed += other.lines_removed
        self.words += other.words
        self.words_removed += other.words_removed
        self.edits += other.edits

    def row(self) -> list[int]:
        return [
            self.docs,
            self.lines,
            self.lines_removed,
            self.words,
            self.words_removed,
            self.edits,
        ]


@dataclass
class RuleTally:
    """What one rule did: lines removed, words in them, edits, documents it touched."""

    category: str
    lines: int = 0
    words: int = 0
    edits: int = 0
    docs: int = 0
    sample: list[int] = field(default_factory=list)  # indices of documents it touched


@dataclass(frozen=True)
class DocumentFigures:
    """One document's figures: what the report ranks, flags and samples by."""

    index: int
    id: str
    line: int  # in the results file
    outlet: str  # the outlet, else the URL's domain, else UNKNOWN
    lang: str
    tally: Tally
    long_removed: int
    chars: int  # input characters, for the page's size budget

    @property
    def removed_share(self) -> float:
        return self.tally.words_removed / self.tally.words if self.tally.words else 0.0

    def flags(self) -> list[str]:
        """Why the document deserves a look, most telling first (none: it looks fine)."""
        kept_words = self.tally.words - self.tally.words_removed
        found = []
        if self.tally.lines_removed and kept_words == 0:
            found.append("emptied")
        elif self.tally.lines_removed and kept_words < NEARLY_EMPTY_WORDS:
            found.append("nearly-empty")
        if self.removed_share >= HIGH_REMOVED_SHARE:
            found.append("most-removed")
        if self.long_removed:
            found.append("long-line-removed")
        return found

    def suspicion(self) -> tuple[int, float, int]:
        """Sort key, most suspicious first when reversed."""
        return (len(self.flags()), self.removed_share, -self.index)


def figures_of(index: int, doc: DocumentResult, removed_words: list[int]) -> DocumentFigures:
    """The document's figures; `removed_words` counts the words of each removed line."""
    kept_words = sum(map(len, map(str.split, doc.kept)))
    tally = Tally(
        docs=1,
        lines=len(doc.kept) + len(doc.removed),
        lines_removed=len(doc.removed),
        words=kept_words + sum(removed_words),
        words_removed=sum(removed_words),
        edits=len(doc.edits),
    )
    removed_chars = [len(r.text) for r in doc.removed]
    chars = sum(map(len, doc.kept)) + sum(removed_chars)
    long_removed = sum(n >= LONG_LINE_CHARS for n in removed_chars)
    outlet, lang = doc.outlet or domain(doc.url) or UNKNOWN, doc.lang or UNKNOWN
    return DocumentFigures(index, doc.id, doc.line, outlet, lang, tally, long_removed, chars)


@dataclass
class CorpusFigures:
    """Every count on the report's overview, over all documents read."""

    total: Tally = field(default_factory=Tally)
    by_outlet: dict[str, Tally] = field(default_factory=dict)
    by_lang: dict[str, Tally] = field(default_factory=dict)
    by_category: dict[str, Tally] = field(default_factory=dict)
    by_rule: dict[str, RuleTally] = field(default_factory=dict)
    documents: list[DocumentFigures] = field(default_factory=list)
    exact_placement: int = 0  # documents whose kept lines' input numbers are known

    def add(self, doc: DocumentResult) -> None:
        removed_words = [len(r.text.split()) for r in doc.removed]
        figures = figures_of(len(self.documents), doc, removed_words)
        self.documents.append(figures)
        self.total.add(figures.tally)
        self.by_outlet.setdefault(figures.outlet, Tally()).add(figures.tally)
        self.by_lang.setdefault(figures.lang, Tally()).add(figures.tally)
        self.exact_placement += doc.kept_lines is not None
        self.add_rules(figures.index, doc, removed_words)

    def add_rules(self, index: int, doc: DocumentResult, removed_words: list[int]) -> None:
        """Per rule and per category: lines, words, edits, and the documents touched."""
        touched: set[str] = set()
        for r, count in zip(doc.removed, removed_words, strict=True):
            rule = self.by_rule.get(r.rule) or self.by_rule.setdefault(
                r.rule, RuleTally(r.category)
            )
            rule.lines += 1
            rule.words += count
            category = self.by_category.get(r.category) or self.by_category.setdefault(
                r.category, Tally()
            )
            category.lines_removed += 1
            category.words_removed += count
            touched.add(r.rule)
        for e in doc.edits:
            rule = self.by_rule.setdefault(e.rule, RuleTally("repair"))
            rule.edits += 1
            self.by_category.setdefault(rule.category, Tally()).edits += 1
            touched.add(e.rule)
        for rule_id in touched:
            rule = self.by_rule[rule_id]
            rule.docs += 1
            if len(rule.sample) < RULE_SAMPLE_DOCS:
                rule.sample.append(index)
        for name in {self.by_rule[rule_id].category for rule_id in touched}:
            self.by_category[name].docs += 1

    def suspicious(self) -> list[DocumentFigures]:
        """Flagged documents, most suspicious first."""
        flagged = [doc for doc in self.documents if doc.flags()]
        return sorted(flagged, key=DocumentFigures.suspicion, reverse=True)
