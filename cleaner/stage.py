"""The contract between the pipeline and its stages, in the spirit of datatrove's PipelineStep."""

from typing import Protocol

from .document import Document, RuleInfo


class Stage(Protocol):
    """A step built once from the options and rule sets it needs (its compiled state lives in
    it), then called on each document: it marks in `doc` what it removes or edits, each mark
    carrying one of `rule_ids` (YAML rule ids for the rules stage)."""

    name: str

    @property
    def rule_ids(self) -> tuple[RuleInfo, ...]:
        """Read-only in the contract, so a stage's own tuple of a fixed length satisfies it."""
        ...

    def __call__(self, doc: Document) -> None: ...
