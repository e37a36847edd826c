"""An exclusive lock on a run's outputs, so two runs never write the same files.

Each output gets `<output>.lock`, holding the pid, host and start time of its holder, which
a second run prints in its refusal. The lock is a POSIX record lock (lockf): the kernel
releases it when the process ends, however it ends, and, unlike flock(2), forked worker
processes do not inherit it, so a killed run's workers cannot keep its output locked.
"""

import errno
import fcntl
import os
import socket
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .errors import UsageError
from .safepaths import lock_path, open_working_file


@contextmanager
def output_locks(*targets):
    """Hold the lock of every distinct target (None and stdout skipped) for the `with`
    block, in the order given, so a refusal names the main output first."""
    distinct = dict.fromkeys(Path(t).resolve() for t in targets if t is not None and str(t) != "-")
    with ExitStack() as stack:
        for target in distinct:
            stack.enter_context(output_lock(target))
        yield


@contextmanager
def output_lock(target: Path):
    """Lock `target` for the `with` block; a UsageError names the holder if another run
    has it. The lock file is removed on release."""
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = acquire(path, target)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, holder_text().encode("utf-8"))
        yield
    finally:
        path.unlink(missing_ok=True)  # while still locked: a waiter sees a new inode
        os.close(fd)


def acquire(path: Path, target: Path) -> int:
    """An open descriptor of `path`, exclusively locked; retried if the holder removed the
    file between our open and our lock (the lock then guards a file no one else sees)."""
    while True:
        fd = open_working_file(path, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EACCES, errno.EAGAIN):
                os.close(fd)
                raise
            holder = os.read(fd, 500).decode("utf-8", "replace").strip() or "another run"
            os.close(fd)
            raise UsageError(
                f"{target} is being written by another run ({holder}); wait for it "
                f"to finish, or choose another output"
            ) from None
        if same_file(fd, path):
            return fd
        os.close(fd)


def same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def holder_text() -> str:
    started = time.strftime("%Y-%m-%d %H:%M:%S %z")
    return f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n"
