"""Run a batch: read records, keep this shard's, clean them on an engine in bounded batches,
and write outcomes in input order, checkpointing as it goes.

Memory is bounded whatever the input size: at most `IN_FLIGHT_PER_WORKER` batches of
`BATCH_DOCS` documents per worker are in flight, and the reader streams.
"""

from collections import deque
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import RecordError, WorkerError
from ..files import JsonlWriter, remove_leftovers
from ..safepaths import checkpoint_path
from .checkpoint import (
    Checkpoint,
    input_fingerprints,
    load_checkpoint,
    save_checkpoint,
)
from .readers import Fields, input_limit, read_inputs, unique_paths
from .records import CleanConfig, Outcome, Record
from .shard import ALL, Shard
from .summary import Summary
from .writers import DirectoryOutput, error_line, open_output

# Documents per task: large enough to amortise inter-process transfer (~20 ms of cleaning
# each), small enough to keep every worker busy near the end of a run.
BATCH_DOCS = 16
# Batches queued per worker: two keep a worker busy while the writer catches up; more only
# costs memory.
IN_FLIGHT_PER_WORKER = 2
# Documents between checkpoints: at most this much work is redone after a crash.
CHECKPOINT_EVERY = 1_000
# Documents of one batch that may each kill a worker before the run stops: one is a
# document out of the ordinary; more in one batch is likely the machine (memory), not them.
MAX_WORKER_DEATHS = 2
WORKER_DIED = (
    "a worker process died cleaning this document (out of memory, a crash, or "
    "stuck past its time limit); the run went on without it"
)


@dataclass(frozen=True)
class BatchJob:
    """The inputs, output and settings of one run."""

    inputs: tuple[str, ...]
    output: Path
    errors: Path
    config: CleanConfig = CleanConfig()
    fields: Fields = Fields()
    fmt: str = "auto"
    stdin_format: str = "jsonl"
    shard: Shard = ALL
    checkpoint_every: int = CHECKPOINT_EVERY
    learned: tuple[str, ...] = ()  # how rules were learned (--learned-boilerplate, --corpus-names)

    def signature(self, fingerprints: list[str]) -> dict[str, Any]:
        """What must not change between an interrupted run and its resume, the inputs'
        contents (`fingerprints`, see input_fingerprints) included."""
        return {
            "inputs": list(self.inputs),
            "input_fingerprints": fingerprints,
            "errors": str(self.errors),
            "rules": list(self.config.rules),
            "options": [list(o) for o in self.config.options],
            "changes": self.config.include_changes,
            "fields": asdict(self.fields),
            "format": [self.fmt, self.stdin_format],
            "shard": [self.shard.index, self.shard.count],
            "learned": list(self.learned),
        }


def run_batch(job: BatchJob, engine, resume: bool = False, progress=None) -> Summary:
    """Clean every record of `job` on `engine`; returns the run's Summary. `progress`, if
    given, is called with the Summary after each batch."""
    state_path = checkpoint_path(job.output)
    signature = job.signature(input_fingerprints(job.inputs))
    state = resumed_state(state_path, signature) if resume else None
    summary, consumed = resumed_progress(state)
    output, errors = open_writers(job, state)

    def checkpoint():
        save_checkpoint(
            state_path,
            Checkpoint(signature, consumed, output.position(), errors.position(), summary.counts()),
        )

    records = job_records(job, isinstance(output, DirectoryOutput), consumed)
    since, between_batches = 0, True
    try:
        for outcomes, consumed_after in ordered(
            engine, job.config, batches(records, job.shard, consumed)
        ):
            between_batches = False
            for outcome in outcomes:
                write_outcome(output, errors, summary, outcome)
            consumed, since, between_batches = consumed_after, since + len(outcomes), True
            if since >= job.checkpoint_every:
                checkpoint()
                since = 0
            if progress:
                progress(summary)
    except BaseException:
        if between_batches:  # what is written is whole batches: a resume continues from here
            checkpoint()
        output.close()
        errors.close()
        raise
    output.finish()
    errors.finish(keep=summary.docs_failed > 0)
    state_path.unlink(missing_ok=True)
    return summary


def resumed_progress(state: Checkpoint | None) -> tuple[Summary, int]:
    """The counts so far and the records consumed: a checkpoint's, or a fresh start's."""
    return (Summary.from_counts(state.counts), state.consumed) if state else (Summary(), 0)


def open_writers(job: BatchJob, state: Checkpoint | None):
    """The output and errors writers, at the checkpoint's offsets when resuming."""
    output, errors = open_output(job.output), JsonlWriter(job.errors)
    output.open(state.output_offset if state else None)
    errors.open(state.errors_offset if state else None)
    return output, errors


def resumed_state(path: Path, signature: dict[str, Any]) -> Checkpoint | None:
    """The checkpoint to resume from (None: start afresh), once a kill's half-saved
    checkpoint files are swept away."""
    remove_leftovers(path.parent, path.name)
    return load_checkpoint(path, signature)


def job_records(job: BatchJob, named_files: bool, consumed: int):
    """The job's records after the first `consumed`; with `named_files` (a directory
    output) their paths are made unique first, over the whole input."""
    records = read_inputs(
        job.inputs, job.fields, job.fmt, job.stdin_format, input_limit(job.config.options)
    )
    if named_files:  # files are named by id: two ids alike need two names
        records = unique_paths(records)
    return islice(records, consumed, None)


def write_outcome(output, errors: JsonlWriter, summary: Summary, outcome: Outcome) -> None:
    """Write a cleaned document to the output, or its failure to the errors file; a
    document that cannot be written (RecordError) becomes a failure too, and the run goes
    on. Only an error of the output itself (OSError: a full disk) ends the run."""
    if outcome.error is None:
        try:
            summary.values_nulled += output.write_outcome(outcome)
        except RecordError as err:
            outcome = Outcome(outcome.id, outcome.path, None, str(err))
    if outcome.error is not None:
        errors.write(error_line(outcome.id, outcome.error))
    summary.add(outcome)


def batches(records, shard: Shard, consumed: int):
    """(batch of this shard's records, records consumed after it) in input order."""
    batch, count = [], consumed
    for count, record in enumerate(records, consumed + 1):
        if shard.owns(record.id):
            batch.append(record)
            if len(batch) == BATCH_DOCS:
                yield batch, count
                batch = []
    if batch:
        yield batch, count


def ordered(engine, config: CleanConfig, work):
    """Submit batches to `engine`, at most IN_FLIGHT_PER_WORKER per worker at a time, and
    yield their results in submission order."""
    pending: deque[list[Any]] = deque()  # [batch, tag, future], oldest first
    limit = engine.workers * IN_FLIGHT_PER_WORKER
    for batch, tag in work:
        pending.append([batch, tag, engine.submit(config, batch)])
        if len(pending) >= limit:
            yield settle(engine, config, pending)
    while pending:
        yield settle(engine, config, pending)


def settle(engine, config: CleanConfig, pending: deque[list[Any]]) -> tuple[list[Outcome], object]:
    """The oldest pending batch's outcomes and tag. If a worker died, the engine restarts
    and the other batches go again; the batch goes again whole if the watchdog ended a
    hung document (never sent again), else its records are cleaned one at a time (so only
    a record that kills a worker again fails, and a resume does not stop at it)."""
    batch, tag, future = pending.popleft()
    try:
        done: list[Outcome] = future.result()
        return done, tag
    except WorkerError:
        explained = engine.restart()
    if explained:  # the watchdog ended a hung document, which is not sent again
        pending.appendleft([batch, tag, None])
        resubmit(engine, config, pending)
        return settle(engine, config, pending)
    outcomes = one_by_one(engine, config, batch)
    resubmit(engine, config, pending)
    return outcomes, tag


def resubmit(engine, config: CleanConfig, pending: deque[list[Any]]) -> None:
    """Send every pending batch again (to a restarted engine)."""
    for item in pending:
        item[2] = engine.submit(config, item[0])


def one_by_one(engine, config: CleanConfig, batch: list[Record]) -> list[Outcome]:
    """The outcomes of `batch`, each record cleaned alone: only a record that kills a
    worker again fails; too many such records end the run."""
    deaths = 0
    outcomes = []
    for record in batch:
        outcome = clean_alone(engine, config, record)
        deaths += outcome.error == WORKER_DIED
        if deaths > MAX_WORKER_DEATHS:
            raise WorkerError(
                f"worker processes died on {deaths} documents of one batch (out "
                "of memory?); rerun with --resume and fewer --jobs"
            )
        outcomes.append(outcome)
    return outcomes


def clean_alone(engine, config: CleanConfig, record) -> Outcome:
    """One record cleaned on its own; a worker that dies on it costs this record only."""
    try:
        outcome: Outcome = engine.submit(config, [record]).result()[0]
        return outcome
    except WorkerError:
        engine.restart()
        return Outcome(record.id, record.path, None, WORKER_DIED)
