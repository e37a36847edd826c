"""Learn from a corpus: boilerplate, cleaned lines that recur across the documents of one
outlet (or domain), and corpus names, capitalised words the dictionary does not know that
documents write on their own. Both are written as suggested rule files for review with
`cleaner rules check`.

Lines are counted within each group only (line_counts.py), so a quote that many outlets
carry once each is never learned; names across the whole corpus (corpus_names.py). With
`--by outlet`, a document no outlet claims is counted under its URL domain.
"""

import hashlib
from collections import Counter
from pathlib import Path

import regex

from ..metadata import url_host
from .corpus_names import NameCounts, write_corpus_names
from .learned_rules import learned_rule, rule_file_text
from .line_counts import (
    BLOCK_MIN_DOCS,
    BLOCK_MIN_SHARE,
    TEASER_MIN_DOCS,
    GroupCounts,
    Recurring,
    is_headline,
)
from .readers import input_limit, read_inputs
from .records import Outcome
from .runner import batches, ordered
from .shard import ALL

# A learned file's name part: a few words of a host, short of any file-name limit.
SLUG_MAX_CHARS = 80


class Learner:
    """Counts the lines of cleaned documents per group ('outlet' or 'domain'), and the
    names of the whole corpus. With 'outlet', a document no outlet claims is counted under
    its URL domain (`by_domain` of them); one with neither under no group (`ungrouped`)."""

    def __init__(self, by: str):
        self.by, self.ungrouped, self.by_domain, self.names = by, 0, 0, NameCounts()
        self.groups: dict[str, GroupCounts] = {}

    def add(self, outcome: Outcome) -> None:
        if outcome.error is None:
            record = outcome.output()
            self.add_document(record["text"], record["url"], record["outlet"], record["lang"])

    def add_document(self, text: str, url: str | None, outlet: str | None, lang: str | None):
        """Count one cleaned document's lines in its group, and its names."""
        self.names.add(text, lang)
        key = self.group_key(url, outlet)
        if key is None:
            self.ungrouped += 1
            return
        host = None if key == outlet and self.by == "outlet" else key
        group = self.groups.setdefault(key, GroupCounts(domain=host))
        group.add(text.splitlines(), outlet, url)

    def group_key(self, url: str | None, outlet: str | None, count: bool = True) -> str | None:
        """The document's outlet (with 'outlet'), else its URL domain; `count` the fallback."""
        if self.by == "outlet" and outlet:
            return outlet
        host = domain(url)
        if count and self.by == "outlet" and host:
            self.by_domain += 1
        return host

    def add_headlines(self, text: str, url: str | None, outlet: str | None) -> None:
        """Note the leading lines of a document that will be cleaned but was not learned from
        (a held-out page), so that its headline is not learned from other pages' teasers."""
        key = self.group_key(url, outlet, count=False)
        if key in self.groups:
            self.groups[key].add_leads(text.splitlines())

    def learned(self, min_docs: int, min_share: float) -> dict[str, list[Recurring]]:
        """{group: lines to learn}: the recurring lines that are neither another document's
        headline nor inside the articles, for the groups that have any."""
        found = {
            key: [
                r
                for r in self.groups[key].recurring(min_docs, min_share)
                if not is_headline(r) and not r.in_article
            ]
            for key in sorted(self.groups)
        }
        return {key: lines for key, lines in found.items() if lines}

    def write_rules(self, out_dir: Path, min_docs: int, min_share: float) -> list[tuple[Path, int]]:
        """One rule file per group with lines to learn; (path, rule count) for each."""
        out_dir.mkdir(parents=True, exist_ok=True)
        how = selection(min_docs, min_share)
        written = []
        learned = self.learned(min_docs, min_share)
        names = unique_slugs(list(learned))
        for key, lines in learned.items():
            path = out_dir / f"learned-{names[key]}.yaml"
            text = rule_file(key, names[key], self.groups[key], lines, how)
            path.write_text(text, encoding="utf-8")
            written.append((path, len(lines)))
        return written

    def write_corpus_names(self, out_dir: Path, min_docs: int) -> tuple[Path, int]:
        """The rule file of names seen in at least `min_docs` documents; (path, names)."""
        return write_corpus_names(self.names, out_dir, min_docs)


def selection(min_docs: int, min_share: float) -> str:
    """How learned lines are chosen, as a learned rule file's header says it."""
    return (
        f"lines in at least {min_docs} documents and {min_share:.0%} of them, or in "
        f"{min(min_docs, BLOCK_MIN_DOCS)} and {BLOCK_MIN_SHARE:.0%} as a pair of neighbours, "
        f"or sentences in {min(min_docs, TEASER_MIN_DOCS)} stories' pages that open none"
    )


def domain(url: str | None) -> str | None:
    return url_host(url) or None


def slug(key: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "group"


def unique_slugs(keys: list[str]) -> dict[str, str]:
    """{key: its slug}, each a different file name and rule set name: a slug that several
    keys share ("news-site.com", "news.site.com"), or one cut to SLUG_MAX_CHARS (a host
    may have 253 characters, a file name 255 bytes), ends in a hash of its key."""
    slugs = {key: slug(key) for key in keys}
    shared = Counter(slugs.values())
    return {
        key: name
        if shared[name] == 1 and len(name) <= SLUG_MAX_CHARS
        else f"{name[:SLUG_MAX_CHARS]}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"
        for key, name in slugs.items()
    }


def rule_file(key: str, name: str, group: GroupCounts, lines: list[Recurring], how: str) -> str:
    """The YAML text of one learned rule file, rule set `learned-NAME`; `how` says how the
    lines were chosen."""
    taken: set[str] = set()
    article = group.article_lines()
    rules = [learned_rule(r.text, r.docs, group.docs, taken, article) for r in lines]
    head: dict[str, object] = {
        "ruleset": f"learned-{name}",
        "outlet": group.outlet or name,
    }
    if group.domain and not group.outlet:
        head["domains"] = [group.domain]
    header = (
        f"# Learned by `cleaner learn` from {group.docs} documents of {key}:\n# {how}.\n"
        "# Suggestions: review each rule, then add the file to your rules.\n"
    )
    return rule_file_text(header, head, rules)


def learn(job, engine, by: str) -> Learner:
    """Clean every input record of `job` (all shards: what is learned must not depend on the
    shard) on `engine`, counting each group's lines."""
    learner = Learner(by)
    records = read_inputs(
        job.inputs, job.fields, job.fmt, job.stdin_format, input_limit(job.config.options)
    )
    for outcomes, _ in ordered(engine, job.config, batches(records, ALL, 0)):
        for outcome in outcomes:
            learner.add(outcome)
    return learner
