"""Corpus names: capitalised words the dictionary does not know that documents write on their
own ("Zaluzhnyi"), counted across the whole corpus (glue is an accident of one page, a name
recurs) and written as a rule file of `corpus_names`, glue repair's weakest evidence.
"""

from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from ..dictionary import load_dictionary

# A capitalised word, possibly hyphenated or with an apostrophe: "Zaluzhnyi", "Jong-un", "O'Neill".
NAME = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{L}[\p{L}\p{M}]*)*")
# Distinct names counted before those seen in one document only are dropped (~100 bytes each).
MAX_NAMES = 500_000
CORPUS_NAMES_FILE = "learned-corpus-names.yaml"


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


def write_corpus_names(names: NameCounts, out_dir: Path, min_docs: int) -> tuple[Path, int]:
    """The rule file of names seen in at least `min_docs` documents; (path, names)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    found = names.recurring(min_docs)
    header = (
        f"# Learned by `cleaner learn` from {names.docs} documents: capitalised words\n"
        f"# the dictionary does not know, each on its own in at least {min_docs} of them.\n"
        "# Glue repair's weakest evidence (`corpus`): review, then add the file to your "
        "rules.\n"
    )
    data = {"ruleset": "learned-corpus-names", "corpus_names": found}
    path = out_dir / CORPUS_NAMES_FILE
    path.write_text(
        header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    return path, len(found)
