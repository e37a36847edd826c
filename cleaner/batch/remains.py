"""What remains across a corpus: the lines cleaner keeps that recur across the documents of
one outlet (or URL domain), with their document counts and the rule `cleaner learn` would
suggest for each, as plain dataclasses for `cleaner remains` and a review page.

The lines are those learning would consider (line_counts.py): in at least MIN_DOCS
documents and MIN_SHARE of the group's, or recurring as a pair of neighbours. A line that
is another document's headline is listed, marked `headline`, with no rule: a rule would cut
that article's title.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .engines import make_engine
from .learn import Learner, learn
from .learned_rules import guess_category, line_pattern, readable_id
from .line_counts import MIN_DOCS, MIN_SHARE, GroupCounts, is_headline
from .readers import Fields
from .records import CleanConfig
from .runner import BatchJob

__all__ = ["CorpusRemains", "GroupRemains", "RemainingLine", "corpus_remains", "remains_of"]


@dataclass(frozen=True)
class RemainingLine:
    """A kept line in `docs` documents of its group, and the rule that would drop it
    (`rule_id`, `category`, `pattern`), or none when it is a `headline`."""

    text: str
    docs: int
    headline: bool
    rule_id: str
    category: str
    pattern: str


@dataclass(frozen=True)
class GroupRemains:
    """One outlet or URL domain: its documents, the outlet they resolved to (if any), the
    domain (if the group is one) and its recurring kept lines, most frequent first."""

    group: str
    docs: int
    outlet: str | None
    domain: str | None
    lines: tuple[RemainingLine, ...]


@dataclass(frozen=True)
class CorpusRemains:
    """The recurring kept lines of a corpus, per group (`by` 'outlet' or 'domain');
    `by_domain` documents of no outlet were grouped by domain, `ungrouped` had neither."""

    by: str
    min_docs: int
    min_share: float
    by_domain: int
    ungrouped: int
    groups: tuple[GroupRemains, ...]


def remains_of(learner: Learner, min_docs: int, min_share: float) -> CorpusRemains:
    """The corpus view of what `learner` has counted."""
    groups = tuple(
        group_remains(key, learner.groups[key], min_docs, min_share)
        for key in sorted(learner.groups)
    )
    return CorpusRemains(
        learner.by,
        min_docs,
        min_share,
        learner.by_domain,
        learner.ungrouped,
        tuple(group for group in groups if group.lines),
    )


def group_remains(key: str, group: GroupCounts, min_docs: int, min_share: float) -> GroupRemains:
    taken: set[str] = set()
    lines = tuple(
        RemainingLine(
            line.text,
            line.docs,
            is_headline(line),
            "" if is_headline(line) else readable_id(line.text, taken),
            "" if is_headline(line) else guess_category(line.text),
            "" if is_headline(line) else line_pattern(line.text),
        )
        for line in group.recurring(min_docs, min_share)
    )
    return GroupRemains(key, group.docs, group.outlet, group.domain, lines)


def corpus_remains(
    inputs: Sequence[str | Path],
    rules: Sequence[str | Path] = (),
    by: str = "outlet",
    min_docs: int = MIN_DOCS,
    min_share: float = MIN_SHARE,
    fields: Fields = Fields(),
    jobs: int = 1,
) -> CorpusRemains:
    """Clean every document of `inputs` (files or directories, as `cleaner batch` reads
    them) with the built-in rules and `rules`, on `jobs` worker processes, and return what
    recurs in what is kept. `min_share` is a fraction (0.2 for 20%)."""
    config = CleanConfig(rules=tuple(str(path) for path in rules))
    job = BatchJob(tuple(str(path) for path in inputs), Path("-"), Path("-"), config, fields)
    return remains_of_job(job, make_engine("local", jobs), by, min_docs, min_share)


def remains_of_job(
    job: BatchJob, engine, by: str, min_docs: int, min_share: float
) -> CorpusRemains:
    """Clean the inputs of `job` on `engine` (closed after) and return what recurs."""
    try:
        learner = learn(job, engine, by)
    finally:
        engine.close()
    return remains_of(learner, min_docs, min_share)
