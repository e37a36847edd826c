"""SIGTERM ends a command as Ctrl-C does. Schedulers stop a job with SIGTERM (Slurm,
Kubernetes, systemd, `kill`); its default action ended the process where it stood, leaving
the output's lock file, and no checkpoint of the work done since the last one.
"""

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that a run unwinds as from Ctrl-C's
    KeyboardInterrupt: checkpoint saved, lock released, partial output kept for --resume."""


def raise_terminated(signum, frame) -> None:
    raise Terminated


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """For the `with` block, SIGTERM raises Terminated; the handler before is restored."""
    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def terminate_at_once() -> None:
    """In a worker process forked under terminate_as_interrupt: SIGTERM ends it at once again,
    as the pool expects when it ends a worker; the batch process does the unwinding."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
