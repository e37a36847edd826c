"""What flows through a batch run: input Records, the cleaning configuration, and Outcomes.

`clean_batch` is the one function every engine runs (in-process, a worker process or a Ray
task); it never raises for a bad document: the failure becomes an Outcome with its reason.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import CleanerError, internal_error
from ..pipeline import Cleaner


@dataclass(frozen=True)
class Record:
    """One input document. `data` is text or bytes; `meta` holds the input's other fields,
    passed through to the output; `error` is set when the reader could not make a document."""

    id: object
    data: str | bytes | None
    fmt: str = "auto"
    url: str | None = None
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None  # relative output path (.txt) in a mirrored directory
    error: str | None = None


@dataclass(frozen=True)
class CleanConfig:
    """Everything a worker needs to build its Cleaner; small, hashable and picklable."""

    rules: tuple[str, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()  # Cleaner keyword arguments, sorted
    include_changes: bool = False


@dataclass(frozen=True)
class Outcome:
    """A cleaned document as an output record, or the reason it failed; plus what was
    removed ((rule, category) per line) and edited (rule per edit), for the summary."""

    id: object
    path: str | None
    record: dict[str, Any] | None
    error: str | None = None
    removed: tuple[tuple[str, str], ...] = ()
    edits: tuple[str, ...] = ()

    def output(self) -> dict[str, Any]:
        """The output record of a document that was cleaned (`error` None)."""
        if self.record is None:
            raise ValueError(f"document {self.id!r} has no output record: {self.error}")
        return self.record


@lru_cache(maxsize=4)
def cleaner_for(config: CleanConfig) -> Cleaner:
    """The Cleaner for `config`, compiled and warmed up once per process (worker), reused."""
    cleaner = Cleaner(rules=list(config.rules), **dict(config.options))
    cleaner.warm_up()
    return cleaner


def clean_batch(
    config: CleanConfig,
    records: list[Record],
    starting: Callable[[int, float | None], None] | None = None,
) -> list[Outcome]:
    """Clean `records` in order; each failure is an Outcome with its reason. `starting`, if
    given, is told the index and time limit of each record before it is cleaned."""
    cleaner = cleaner_for(config)
    outcomes = []
    for index, record in enumerate(records):
        if starting:
            starting(index, cleaner.options.doc_time_limit_s)
        outcomes.append(clean_record(cleaner, config, record))
    return outcomes


def clean_record(cleaner: Cleaner, config: CleanConfig, record: Record) -> Outcome:
    """Clean one record into an Outcome; never raises for a bad document."""
    if record.error:
        return Outcome(record.id, record.path, None, record.error)
    try:
        result = cleaner.clean(record.data, url=record.url, lang=record.lang, fmt=record.fmt)
    except CleanerError as err:
        return Outcome(record.id, record.path, None, str(err))
    except Exception as err:  # noqa: BLE001 -- a bug must cost one document, not the run
        return Outcome(record.id, record.path, None, internal_error(err))
    out = {
        "id": record.id,
        "text": result.text,
        "url": record.url,
        "lang": result.lang,
        "outlet": result.outlet,
    }
    out.update((key, value) for key, value in record.meta.items() if key not in out)
    if config.include_changes:
        changes = result.to_dict(include_changes=True)
        out["removed"], out["edits"] = writable(changes["removed"]), writable(changes["edits"])
        out["kept_lines"] = list(result.kept_lines)
    return Outcome(
        record.id,
        record.path,
        out,
        None,
        tuple((r.rule, r.category) for r in result.removed),
        tuple(e.rule for e in result.edits),
    )


def writable(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Removals or edits whose texts UTF-8 can hold: the input's lone surrogates (which the
    text lost as an edit of its own) written as \\udXXXX."""
    return [
        {
            key: escaped_surrogates(value) if isinstance(value, str) else value
            for key, value in entry.items()
        }
        for entry in entries
    ]


def escaped_surrogates(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
