"""The word lists glue repair consults, from the YAML rule sets."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


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
    return GlueLexicon(
        frozenset(parts) | frozenset(names),
        frozenset(word.casefold() for word in protected_words),
        words_by_lang(prefixes),
        words_by_lang(suffixes),
        frozenset(corpus_names),
    )


def words_by_lang(pairs: Iterable[tuple[str, Iterable[str]]]) -> Mapping[str, frozenset[str]]:
    """Casefolded words per language, the lists of one language merged."""
    merged: dict[str, frozenset[str]] = {}
    for lang, words in pairs:
        merged[lang] = merged.get(lang, frozenset()) | {word.casefold() for word in words}
    return MappingProxyType(merged)
