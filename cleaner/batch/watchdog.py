"""The batch process's watchdog over its local workers: a document still running HARD_GRACE_S
past its time limit is stuck where SIGALRM does not reach (a C call such as the HTML parser,
which may also hold the GIL), so the watchdog kills its worker with SIGKILL.

Each worker has a slot in shared memory saying which document it cleans (the batch's serial
number and the index in it) and when that document must be done. The watchdog remembers the
document it killed for, so the engine never sends it again and reports it as timed out: a
hung document costs its limit + HARD_GRACE_S + WATCH_EVERY_S, once.
"""

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable

from .records import CleanConfig, Outcome, Record, clean_batch

# Seconds past its limit a document may run before its worker is killed, and how often the
# watchdog looks: SIGALRM gets the first HARD_GRACE_S to end the document cleanly; both
# together stay under the 1 s a hung document may cost over its limit.
HARD_GRACE_S, WATCH_EVERY_S = 0.4, 0.1
# A slot's fields: worker pid, batch serial, index in the batch, deadline (time.monotonic;
# 0 while no document with a limit is being cleaned).
PID, SERIAL, INDEX, DEADLINE = range(4)
FIELDS = 4


class Slots:
    """One slot per worker in shared memory (plain doubles, no lock: each field is written
    whole, and the deadline is cleared first and set last)."""

    def __init__(self, workers: int):
        self.values = multiprocessing.Array("d", workers * FIELDS, lock=False)
        self.taken = multiprocessing.Value("i", 0)

    def claim(self) -> int:
        """In a new worker: the first free slot, marked with this worker's pid."""
        with self.taken.get_lock():
            slot: int = self.taken.value
            self.taken.value += 1
        self.values[slot * FIELDS + PID] = os.getpid()
        return slot * FIELDS

    def overdue(self, now: float) -> list[tuple[int, int, int]]:
        """(pid, batch serial, index) of every worker past its document's deadline."""
        late = []
        for base in range(0, self.taken.value * FIELDS, FIELDS):
            deadline = self.values[base + DEADLINE]
            serial, index = int(self.values[base + SERIAL]), int(self.values[base + INDEX])
            if deadline and now > deadline and self.values[base + DEADLINE] == deadline:
                late.append((int(self.values[base + PID]), serial, index))
                self.values[base + DEADLINE] = 0
        return late


class Worker:
    """This worker process's slot (set by start_slot in each worker)."""

    slots: Slots | None = None
    base = 0


def start_slot(slots: Slots) -> None:
    """Worker initializer: claim a slot in `slots`."""
    Worker.slots, Worker.base = slots, slots.claim()


def clean_watched(serial: int, config: CleanConfig, records: list[Record]) -> list[Outcome]:
    """clean_batch, saying in this worker's slot which document it cleans until when."""
    values, base = Worker.slots.values if Worker.slots else None, Worker.base

    def starting(index: int, limit: float | None) -> None:
        if values is not None:
            values[base + DEADLINE] = 0
            values[base + SERIAL], values[base + INDEX] = serial, index
            values[base + DEADLINE] = time.monotonic() + limit + HARD_GRACE_S if limit else 0

    try:
        return clean_batch(config, records, starting)
    finally:
        if values is not None:
            values[base + DEADLINE] = 0


def start_watchdog(slots: Slots, hung: Callable[[int, int], None]) -> Callable[[], None]:
    """Watch `slots` in a thread: kill each overdue worker, after calling hung(serial,
    index). Returns the function that stops the watch."""
    stop = threading.Event()

    def watch():
        while not stop.wait(WATCH_EVERY_S):
            for pid, serial, index in slots.overdue(time.monotonic()):
                hung(serial, index)
                with contextlib.suppress(ProcessLookupError):  # it ended on its own
                    os.kill(pid, signal.SIGKILL)

    threading.Thread(target=watch, name="cleaner-watchdog", daemon=True).start()
    return stop.set
