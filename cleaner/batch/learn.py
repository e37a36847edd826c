"""Learn from a corpus: boilerplate, cleaned lines that recur across the documents of one
outlet (or domain), and corpus names, capitalised words the dictionary does not know that
documents write on their own. Both are written as suggested rule files for review with
`cleaner rules check`.

Lines are counted within each group only, so a quote that many outlets carry once each is
never learned. Counts are kept as 8-byte hashes of normalised lines; when a group holds more
than MAX_LINES_PER_GROUP of them, lines seen only once are forgotten, bounding memory. Names
are counted across the whole corpus (glue is an accident of one page, a name recurs), bounded
the same way by MAX_NAMES.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import regex
import yaml

from ..dictionary import load_dictionary
from .readers import input_limit, read_inputs
from .records import Outcome
from .runner import batches, ordered
from .shard import ALL, stable_hash

# A line must recur in at least this many documents of a group...
MIN_DOCS = 5
# ...and in at least this share of them: boilerplate is on most pages, a topic on few.
MIN_SHARE = 0.2
# Distinct lines counted per group before lines seen once are dropped (~100 bytes each).
MAX_LINES_PER_GROUP = 200_000
# Lines longer than this (characters) are prose, however often they recur.
MAX_LINE_CHARS = 300
DIGITS = regex.compile(r"\d+")
SPACE = regex.compile(r"\s+")
TOKEN = regex.compile(r"\d+|\s+|[^\d\s]+")
# A capitalised word, possibly hyphenated or with an apostrophe: "Zaluzhnyi", "Jong-un", "O'Neill".
NAME = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{L}[\p{L}\p{M}]*)*")
# Distinct names counted before those seen in one document only are dropped (~100 bytes each).
MAX_NAMES = 500_000
CORPUS_NAMES_FILE = "learned-corpus-names.yaml"


@dataclass
class GroupCounts:
    """Line counts of one outlet or domain: documents seen, documents per line hash, each
    recurring line's text as its second document has it, and the group's longest line (a
    keep example)."""

    outlet: str | None = None
    docs: int = 0
    counts: dict[int, int] = field(default_factory=dict)  # by stable_hash of the normal form
    texts: dict[int, str] = field(default_factory=dict)
    prose: str = ""

    def add(self, lines: list[str]) -> None:
        self.docs += 1
        for line in {normalize(line): line for line in lines if candidate(line)}.items():
            key, text = stable_hash(line[0]), line[1]
            seen = self.counts.get(key, 0) + 1
            self.counts[key] = seen
            if seen == 2:
                self.texts[key] = text
        longest = max(lines, key=len, default="")
        if len(longest) > len(self.prose):
            self.prose = longest
        if len(self.counts) > MAX_LINES_PER_GROUP:
            self.counts = {k: n for k, n in self.counts.items() if n > 1}

    def recurring(self, min_docs: int, min_share: float) -> list[tuple[str, int]]:
        """(line, documents) for lines past both thresholds, most frequent first."""
        need = max(min_docs, min_share * self.docs)
        found = [
            (self.texts[k], n) for k, n in self.counts.items() if n >= need and k in self.texts
        ]
        return sorted(found, key=lambda item: (-item[1], item[0]))


def candidate(line: str) -> bool:
    return len(line) <= MAX_LINE_CHARS and any(ch.isalpha() for ch in line)


def normalize(line: str) -> str:
    """Case-folded, digits as 0, spaces collapsed: 'Updated 3 May' ~ 'updated 12 may'."""
    return SPACE.sub(" ", DIGITS.sub("0", line.casefold())).strip()


@dataclass
class NameCounts:
    """Documents per name, over the whole corpus."""

    docs: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, text: str, lang: str | None) -> None:
        self.docs += 1
        words = load_dictionary(lang)
        for name in set(NAME.findall(text)):
            if words is None or words.zipf(name.casefold()) == 0.0:  # not a common word
                self.counts[name] = self.counts.get(name, 0) + 1
        if len(self.counts) > MAX_NAMES:
            self.counts = {name: n for name, n in self.counts.items() if n > 1}

    def recurring(self, min_docs: int) -> list[str]:
        return sorted(name for name, n in self.counts.items() if n >= min_docs)


class Learner:
    """Counts the lines of cleaned documents per group ('outlet' or 'domain'), and the
    names of the whole corpus."""

    def __init__(self, by: str):
        self.by, self.ungrouped, self.names = by, 0, NameCounts()
        self.groups: dict[str, GroupCounts] = {}

    def add(self, outcome: Outcome) -> None:
        if outcome.error is None:
            record = outcome.output()
            self.add_document(record["text"], record["url"], record["outlet"], record["lang"])

    def add_document(self, text: str, url: str | None, outlet: str | None, lang: str | None):
        """Count one cleaned document's lines in its group, and its names."""
        self.names.add(text, lang)
        key = outlet if self.by == "outlet" else domain(url)
        if not key:
            self.ungrouped += 1
            return
        group = self.groups.setdefault(key, GroupCounts(outlet=outlet))
        group.add(text.splitlines())

    def write_rules(self, out_dir: Path, min_docs: int, min_share: float) -> list[tuple[Path, int]]:
        """One rule file per group with recurring lines; (path, rule count) for each."""
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for key in sorted(self.groups):
            group = self.groups[key]
            lines = group.recurring(min_docs, min_share)
            if lines:
                path = out_dir / f"learned-{slug(key)}.yaml"
                path.write_text(
                    rule_file(key, group, lines, self.by, min_docs, min_share), encoding="utf-8"
                )
                written.append((path, len(lines)))
        return written

    def write_corpus_names(self, out_dir: Path, min_docs: int) -> tuple[Path, int]:
        """The rule file of names seen in at least `min_docs` documents; (path, names)."""
        out_dir.mkdir(parents=True, exist_ok=True)
        names = self.names.recurring(min_docs)
        header = (
            f"# Learned by `cleaner learn` from {self.names.docs} documents: capitalised words\n"
            f"# the dictionary does not know, each on its own in at least {min_docs} of them.\n"
            "# Glue repair's weakest evidence (`corpus`): review, then add the file to your "
            "rules.\n"
        )
        data = {"ruleset": "learned-corpus-names", "corpus_names": names}
        path = out_dir / CORPUS_NAMES_FILE
        path.write_text(
            header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
        return path, len(names)


def domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def slug(key: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "group"


def line_pattern(line: str) -> str:
    """An anchored, case-insensitive pattern for the line: any digits, any spacing."""
    parts = [
        r"\d+" if tok[0].isdigit() else r"\s+" if tok[0].isspace() else regex.escape(tok)
        for tok in TOKEN.findall(line.strip())
    ]
    return "(?i)^" + "".join(parts) + "$"


def rule_file(key: str, group: GroupCounts, lines, by: str, min_docs: int, min_share: float) -> str:
    """The YAML text of one learned rule file."""
    rules = []
    for text, docs in lines:
        pattern = line_pattern(text)
        examples = {"drop": [text]}
        if group.prose and not regex.search(pattern, group.prose):
            examples["keep"] = [group.prose]
        rules.append(
            {
                "id": f"line-{stable_hash(normalize(text)):016x}",
                "category": "boilerplate",
                "description": f"in {docs} of {group.docs} documents ({docs / group.docs:.0%})",
                "drop": pattern,
                "examples": examples,
            }
        )
    data: dict[str, object] = {
        "ruleset": f"learned-{slug(key)}",
        "outlet": group.outlet or slug(key),
    }
    if by == "domain" and not group.outlet:
        data["domains"] = [key]
    data["rules"] = rules
    header = (
        f"# Learned by `cleaner learn --by {by}` from {group.docs} documents of {key}:\n"
        f"# lines in at least {min_docs} documents and {min_share:.0%} of them.\n"
        "# Suggestions: review each rule, then add the file to your rules.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


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
