"""A time limit per document: SIGALRM raises DocumentTimeout in the thread cleaning it.

Python runs a signal handler in the main thread only, between two bytecodes: the limit holds
for cleaner's stages and trafilatura's Python code, not inside one long C call (the HTML
parser refuses its known slow case beforehand: stages/html.py). Off the main thread, or
where another timer (ITIMER_REAL) is already running, there is no limit: it is skipped, not
an error. Cost per document: 50-100 µs, most of it Python's signal.signal (twice).

A batch worker process also runs a watchdog (`start_watchdog`): a document still running
HARD_GRACE_S past its limit is stuck where no signal reaches (C code), and the watchdog ends
the process; the batch runner then cleans that batch's documents again one by one.
"""

import os
import signal
import threading
import time
from contextlib import contextmanager

from .errors import DocumentTimeout

# After the limit the alarm repeats this often, in case code between (trafilatura's
# `except Exception`) swallowed the first DocumentTimeout.
REPEAT_S = 0.1
# Seconds past its limit a document may run before a worker's watchdog ends the worker, and
# how often the watchdog looks: together under the 1 s a hung document may cost over its limit.
HARD_GRACE_S, WATCH_EVERY_S = 0.5, 0.2
# Exit status of a worker ended by its watchdog.
HUNG_EXIT = 70


class Watch:
    """When the main thread's current document must be done (time.monotonic), or None.
    Written by time_limit, read by the watchdog thread of a worker process."""

    deadline: float | None = None


def start_watchdog() -> None:
    """In a worker process: end the process when a document overruns its limit by
    HARD_GRACE_S (stuck in C code, where DocumentTimeout cannot be raised)."""

    def watch():
        while True:
            time.sleep(WATCH_EVERY_S)
            if Watch.deadline is not None and time.monotonic() > Watch.deadline:
                os._exit(HUNG_EXIT)

    threading.Thread(target=watch, name="cleaner-watchdog", daemon=True).start()


def can_interrupt() -> bool:
    """True where a limit can be set: the main thread, SIGALRM exists, no timer running."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout in the body once it has run `seconds` (None or 0: no limit)."""
    if not seconds or not can_interrupt():
        yield
        return
    expired = []

    def expire(_signum, _frame):
        expired.append(True)
        raise DocumentTimeout(
            f"cleaning took over {seconds:g} s (Options.doc_time_limit_s): "
            "the document is pathological, or raise the limit"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    Watch.deadline = time.monotonic() + seconds + HARD_GRACE_S
    try:
        yield
    finally:
        Watch.deadline = None
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # the body swallowed every alarm but still ran over
        expire(None, None)
