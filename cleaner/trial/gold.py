"""Gold lines: the lines of a record's reference article text (`--gold-field`), which a
rule under trial should not remove."""

from dataclasses import dataclass

import regex

SPACE = regex.compile(r"\s+")
# A line of at least this many words that occurs anywhere in the gold text is gold even if the
# gold text wraps it otherwise; a shorter one ("Share", "Video") must be a whole gold line,
# since short labels occur inside article sentences by chance.
GOLD_SUBSTRING_MIN_WORDS = 6


def normal(text: str) -> str:
    return SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class GoldLines:
    """The gold text's lines and the whole of it, normalised (spaces, case)."""

    lines: frozenset[str] = frozenset()
    text: str = ""

    @classmethod
    def of(cls, gold: str | None) -> "GoldLines":
        if not gold:
            return cls()
        return cls(frozenset(normal(line) for line in gold.splitlines()), normal(gold))

    def holds(self, text: str) -> bool:
        """Whether a line of the document is a line of the gold text."""
        line = normal(text)
        if not line or not self.text:
            return False
        return line in self.lines or (
            len(line.split()) >= GOLD_SUBSTRING_MIN_WORDS and line in self.text
        )
