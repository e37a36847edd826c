"""A time limit per document: SIGALRM raises DocumentTimeout in the thread cleaning it.

Python runs a signal handler in the main thread only, between two bytecodes: the limit holds
for cleaner's stages and trafilatura's Python code, not inside one long C call (the HTML
parser refuses its known slow case beforehand: stages/html.py). Off the main thread, or
where another timer (ITIMER_REAL) is already running, there is no limit: it is skipped, not
an error. Cost per document: 50-100 µs, most of it Python's signal.signal (twice).

In a batch, the parent's watchdog (cleaner/batch/watchdog.py) kills a worker whose document
is stuck past its limit where no signal reaches.
"""

import signal
import threading
from contextlib import contextmanager

from .errors import DocumentTimeout

# After the limit the alarm repeats this often, in case code between (trafilatura's
# `except Exception`) swallowed the first DocumentTimeout.
REPEAT_S = 0.1
# A limit longer than this (a year) is no limit: setitimer cannot take 10^10 s (time_t).
LONGEST_LIMIT_S = 365 * 24 * 3600.0


def can_interrupt() -> bool:
    """True where a limit can be set: the main thread, SIGALRM exists, no timer running."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout in the body once it has run `seconds` (None, 0 or more than
    LONGEST_LIMIT_S: no limit)."""
    if not seconds or seconds > LONGEST_LIMIT_S or not can_interrupt():
        yield
        return
    expired = []

    def expire(_signum, _frame):
        expired.append(True)
        raise DocumentTimeout(
            f"cleaning took over {seconds:g} s (Options.doc_time_limit_s, --time-limit): "
            "the document is pathological, or raise the limit"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # the body swallowed every alarm but still ran over
        expire(None, None)
