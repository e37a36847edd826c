"""Output names a command refuses before it reads any input: names that promise what the
command does not write."""

from pathlib import Path

from .errors import UsageError


def refuse_stdout(outputs: dict[str, Path | None]) -> None:
    """UsageError if a file output (option -> path; None skipped) is '-': `batch` and `learn`
    write files that are renamed into place and that `--resume` truncates, which standard
    output cannot be, so '-' would silently become a file or directory named '-'."""
    for option, target in outputs.items():
        if target is not None and str(target) == "-":
            raise UsageError(
                f"{option} -: batch and learn write files, not standard output; name a file "
                "(`cleaner clean --format jsonl` streams JSON lines to standard output)"
            )
