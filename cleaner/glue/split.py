"""What glue repair decides: a Split of one token, and the Repair of one chunk."""

from dataclasses import dataclass

RULE_WORD = "glue.word"
RULE_CASE = "glue.case-change"
RULE_PUNCT = "glue.punctuation"
# Evidence for a half, strongest first; an edit records the evidence for its rarer half.
EVIDENCE = ("document", "names", "dictionary", "corpus")
EVIDENCE_PUNCT = "punctuation"  # the shape word-mark-word is itself the evidence


@dataclass(frozen=True, slots=True)
class Split:
    """`left right` for a glued token, by `rule`, on `evidence` (for its rarer half).
    Splits of one token rank by the strength of their evidence, then by `pair_zipf`, how
    likely the two words are side by side."""

    left: str
    right: str
    rule: str
    evidence: str
    pair_zipf: float

    @property
    def score(self) -> tuple[int, float]:
        return len(EVIDENCE) - EVIDENCE.index(self.evidence), self.pair_zipf


@dataclass(frozen=True, slots=True)
class Repair:
    """The edit of a whitespace-delimited chunk: `before` at `offset` in it becomes `after`."""

    offset: int
    before: str
    after: str
    rule: str
    evidence: str
