"""The exit codes of the `cleaner` command, in one place, and which error gives which.

0 all good; 1 some documents failed (the others were written), or the run stopped on its
output or a dead worker (resume it); 2 usage or configuration error; 130 interrupted (Ctrl-C),
143 terminated (SIGTERM): 128 and the signal's number, as a shell reports it.
"""

from .errors import CleanerError, WorkerError

EXIT_OK = 0
EXIT_FAILED_DOCS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def exit_code(err: CleanerError) -> int:
    """A worker's death stops the run like an output failure does; every other
    CleanerError reaching the command is one the user must fix before rerunning."""
    return EXIT_FAILED_DOCS if isinstance(err, WorkerError) else EXIT_USAGE
