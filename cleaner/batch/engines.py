"""Where batches are cleaned: in local worker processes (--jobs 1 included), or on Ray.

Every engine runs the same `clean_batch` and returns futures; the runner keeps them in input
order, so the output does not depend on the engine or on how many workers it has.
"""

import itertools
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import UsageError, WorkerError
from ..interrupts import terminate_at_once
from .records import CleanConfig, Outcome, Record, clean_batch
from .watchdog import Slots, clean_watched, start_slot, start_watchdog

# Seconds between a worker's checks that the batch process still lives.
PARENT_CHECK_S = 1.0
HUNG = (
    "cleaning ran past its time limit (Options.doc_time_limit_s, --time-limit) where it "
    "could not be interrupted (C code); its worker process was ended and the run went on"
)


class ProcessEngine:
    """A pool of local worker processes; each compiles the rules once (see cleaner_for).

    A watchdog kills a worker stuck past its document's time limit (cleaner/batch/watchdog.py);
    that document is never sent again: its outcome is a timeout (HUNG)."""

    def __init__(self, jobs: int):
        self.workers = jobs
        self.serials = itertools.count()
        self.in_flight: dict[int, list[Record]] = {}  # batch serial -> its records
        self.hung: list[Record] = []  # documents a worker was killed for (by identity)
        self.hung_since = False  # a document hung since the last restart
        self.pool, self.stop_watch = self.new_pool()

    def new_pool(self) -> tuple[ProcessPoolExecutor, Callable[[], None]]:
        slots = Slots(self.workers)
        pool = ProcessPoolExecutor(
            max_workers=self.workers, initializer=start_worker, initargs=(os.getpid(), slots)
        )
        return pool, start_watchdog(slots, self.mark_hung)

    def mark_hung(self, serial: int, index: int) -> None:
        """The watchdog's report: document `index` of batch `serial` hung its worker."""
        batch = self.in_flight.get(serial)
        if batch is not None and index < len(batch):
            self.hung.append(batch[index])
            self.hung_since = True

    def submit(self, config: CleanConfig, batch: list[Record]):
        """Clean `batch` on a worker; a document that hung a worker before is not sent."""
        known = [any(record is h for h in self.hung) for record in batch]
        sent = [record for record, hung in zip(batch, known, strict=True) if not hung]
        serial = next(self.serials)
        self.in_flight[serial] = sent
        try:
            future = self.pool.submit(clean_watched, serial, config, sent)
        except BrokenProcessPool:  # a worker died since the last result: settle restarts
            future = Future()
            future.set_exception(BrokenProcessPool())
        future.add_done_callback(lambda _: self.in_flight.pop(serial, None))
        return WorkerFuture(future, batch, known)

    def restart(self) -> bool:
        """A new pool after a worker died (the old one is broken for good); True if the
        watchdog ended a hung document since the last restart (the death is explained)."""
        self.stop_watch()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool, self.stop_watch = self.new_pool()
        explained, self.hung_since = self.hung_since, False
        return explained

    def close(self):
        self.stop_watch()
        self.pool.shutdown(cancel_futures=True)


def start_worker(parent: int, slots: Slots) -> None:
    """Worker initializer: end with the parent, end at once on SIGTERM, and claim a slot the
    watchdog reads."""
    terminate_at_once()
    exit_with_parent(parent)
    start_slot(slots)


def exit_with_parent(parent: int) -> None:
    """Worker initializer: end the worker once the batch process is gone (killed with
    SIGKILL, say), instead of leaving it waiting for work forever."""

    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class WorkerFuture:
    """A pool future whose dead worker becomes a clear, resumable error, and whose
    documents known to hang (`known`) are put back in place as timeouts."""

    def __init__(self, future, batch: list[Record], known: list[bool]):
        self.future, self.batch, self.known = future, batch, known

    def result(self) -> list[Outcome]:
        try:
            done = iter(self.future.result())
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process died (out of memory, or killed); "
                "rerun with --resume to continue from the last checkpoint"
            ) from None
        return [
            hung_outcome(record) if hung else next(done)
            for record, hung in zip(self.batch, self.known, strict=True)
        ]


def hung_outcome(record: Record) -> Outcome:
    return Outcome(record.id, record.path, None, HUNG)


class RayEngine:
    """Ray tasks on a local or remote cluster (`address` as for ray.init). A task runs in its
    worker's main thread, so the time limit holds for Python code; a document stuck in C code
    has no watchdog here and holds its worker (docs/batch.md)."""

    def __init__(self, address: str | None = None, jobs: int | None = None):
        ray = import_ray()
        if not ray.is_initialized():
            # A new local cluster gets --jobs CPUs; an existing cluster keeps its own.
            ray.init(
                address=address,
                num_cpus=None if address else jobs,
                log_to_driver=False,
                configure_logging=False,
            )
        self.ray = ray
        self.task = ray.remote(clean_batch)
        self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))

    def submit(self, config: CleanConfig, batch):
        return RayFuture(self.ray, self.task.remote(config, batch))

    def restart(self) -> bool:
        return False  # Ray retries a task whose worker died

    def close(self):
        pass


class RayFuture:
    def __init__(self, ray, ref):
        self.ray, self.ref = ray, ref

    def result(self):
        return self.ray.get(self.ref)


def import_ray():
    try:
        import ray
    except ImportError:
        raise UsageError("the Ray engine needs ray: pip install 'cleaner[ray]'") from None
    return ray


def make_engine(name: str, jobs: int, address: str | None = None):
    if name == "ray":
        return RayEngine(address, jobs)
    # --jobs 1 is a worker process too: the watchdog needs a process it can end.
    return ProcessEngine(jobs)
