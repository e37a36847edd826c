"""The base run and the trial of `cleaner rules try` over a corpus, in this process or split
among forked worker processes.

Workers are forked once everything is loaded (rule sets, pipelines, records or base run), so
they inherit it instead of compiling rules again; each gets index ranges and returns only
its results. Results come back in input order, so the report does not depend on --jobs.
"""

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..batch.records import Record
from ..errors import CleanerError
from ..options import Options
from .compare import DocTrial, Trial, try_document
from .runs import Pipeline, Snapshot, snapshot

# Documents per task: a few hundred milliseconds of work, so that both workers stay busy.
CHUNK_DOCS = 32
# Below this many documents a pool costs more than it saves (forking takes ~50 ms).
MIN_PARALLEL_DOCS = 64

# What forked workers inherit: set just before the pool forks, read only by its workers.
_INHERITED: dict[str, Any] = {}


def base_run(
    base: Pipeline, options: Options, records: Sequence[Record], gold_field: str | None, jobs: int
) -> tuple[list[Snapshot], int]:
    """The base run of every record that reads and cleans, and the number that fail."""
    found = in_chunks(
        base_chunk,
        {"base": base, "options": options, "records": records, "gold": gold_field},
        len(records),
        jobs,
    )
    shots = [shot for shot in found if shot is not None]
    return shots, len(found) - len(shots)


def base_chunk(start: int, stop: int) -> list[Snapshot | None]:
    work = _INHERITED
    return [
        base_one(work["base"], work["options"], record, work["gold"])
        for record in work["records"][start:stop]
    ]


def base_one(base: Pipeline, options: Options, record, gold_field: str | None) -> Snapshot | None:
    """A record's base run, or None if it cannot be read or cleaned (batch reports those)."""
    if record.error:
        return None
    try:
        return snapshot(base, options, record, gold_field)
    except CleanerError:
        return None


def trial_run(trial: Trial, shots: Sequence[Snapshot], jobs: int) -> list[DocTrial]:
    """What the tried rules do to each base-run document, in order."""
    done: list[DocTrial] = in_chunks(
        trial_chunk, {"trial": trial, "shots": shots}, len(shots), jobs
    )
    return done


def trial_chunk(start: int, stop: int) -> list[DocTrial]:
    trial: Trial = _INHERITED["trial"]
    return [try_document(trial, shot) for shot in _INHERITED["shots"][start:stop]]


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def in_chunks(
    work: Callable[[int, int], list[Any]], state: dict[str, Any], count: int, jobs: int
) -> list[Any]:
    """work(start, stop) over [0, count) in chunks, in order, with `state` inherited."""
    _INHERITED.clear()
    _INHERITED.update(state)
    try:
        if jobs <= 1 or count < MIN_PARALLEL_DOCS or not can_fork():
            return work(0, count)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [
                pool.submit(work, start, min(start + CHUNK_DOCS, count))
                for start in range(0, count, CHUNK_DOCS)
            ]
            return [item for future in futures for item in future.result()]
    finally:
        _INHERITED.clear()
