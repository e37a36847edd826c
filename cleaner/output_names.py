"""Output names a command refuses before it reads any input: names that promise what the
command does not write."""

from pathlib import Path

from .errors import UsageError
from .sources import COMPRESSED_SUFFIXES, has_suffix


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


# An output named as compressed (sources.COMPRESSED_SUFFIXES) would be written uncompressed
# (text, JSONL) or as a directory of .txt files, neither of which its name promises.


def refuse_compressed(outputs) -> None:
    """UsageError if an output (None skipped) is named as a compressed file: no command writes
    one, and resuming a batch means truncating its output, which compression forbids."""
    for target in outputs:
        if target is not None and has_suffix(Path(target).name, COMPRESSED_SUFFIXES):
            plain = Path(target).name.rsplit(".", 1)[0]
            raise UsageError(
                f"{target}: compressed output is not written; name {plain} and compress it "
                f"when the run ends (gzip {plain}, zstd {plain})"
            )
