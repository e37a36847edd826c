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
import sys
import threading
from contextlib import contextmanager

from .errors import DocumentTimeout

# After the limit the alarm repeats this often, in case code between (trafilatura's
# `except Exception`) swallowed the first DocumentTimeout.
REPEAT_S = 0.1
# A limit longer than this (a year) is no limit: setitimer cannot take 10^10 s (time_t).
LONGEST_LIMIT_S = 365 * 24 * 3600.0


class Deadline:
    """Whether a document's time limit has passed. The alarm records it and raises; a raise
    that lands in a __del__ or a garbage-collection callback is lost (Python ignores
    exceptions there), so the pipeline calls `check()` between stages to raise it again."""

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds
        self.passed = False
        self.armed = True  # False once the body is over: a late alarm only records

    def expire(self, _signum=None, _frame=None) -> None:
        """The alarm's handler: the limit has passed."""
        self.passed = True
        if self.armed:
            self.check()

    def check(self) -> None:
        """DocumentTimeout if the limit has passed."""
        if self.passed:
            raise DocumentTimeout(
                f"cleaning took over {self.seconds:g} s (Options.doc_time_limit_s, "
                "--time-limit): the document is pathological, or raise the limit"
            )


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
    LONGEST_LIMIT_S: no limit); yields the Deadline, for the body to `check()`."""
    deadline = Deadline(seconds)
    if not seconds or seconds > LONGEST_LIMIT_S or not can_interrupt():
        yield deadline
        return
    previous = signal.signal(signal.SIGALRM, deadline.expire)
    hook = sys.unraisablehook
    sys.unraisablehook = unless_lost_timeout(hook)
    try:  # armed inside: an alarm at once (a limit of microseconds) still meets the cleanup
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
        yield deadline
    finally:
        deadline.armed = False
        try:  # an alarm repeating into this cleanup must not cut it short
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
            sys.unraisablehook = hook
    deadline.check()  # the body swallowed every alarm but still ran over


def unless_lost_timeout(hook):
    """`hook` for every unraisable exception but a DocumentTimeout: that one was lost in a
    __del__ or a GC callback, and the Deadline raises it again, so it is no error to print
    (with a traceback) on stderr."""

    def report(event) -> None:
        if not isinstance(event.exc_value, DocumentTimeout):
            hook(event)

    return report
