"""What the per-document limits cost (prints figures, asserts nothing; ~1 minute).

    python bench/limits.py

- hung document: the wall time a batch of 64 short documents takes with one more document
  stuck in C code (SIGALRM blocked, as in a C call that never returns) minus the time without
  it, at a 1 s limit and --jobs 2: the target is at most the limit + 1 s;
- peak memory: ru_maxrss of a process cleaning one worst-case input minus the same process
  warmed up and idle, for inputs at the 2 MB limit: the target is at most 2x the limit.
"""

import json
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHORT = "The council met on Monday to discuss the budget for the coming year."
LIMIT_S = 1.0
MAX_BYTES = 2_000_000
WORD = "budget "


def stuck_in_c_code(html: str) -> None:
    """Like a C call that never returns: SIGALRM blocked, so no DocumentTimeout."""
    if "STUCK" in html:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)


def batch_seconds(folder: Path, stuck: bool) -> float:
    """Wall time of one batch run (in this process, workers forked) with or without the
    stuck document."""
    from cleaner.batch.engines import ProcessEngine
    from cleaner.batch.records import CleanConfig
    from cleaner.batch.runner import BatchJob, run_batch

    rows = [{"id": f"ok-{i}", "text": f"<p>{SHORT} {i}</p>"} for i in range(64)]
    if stuck:
        rows.insert(20, {"id": "stuck", "text": "<p>STUCK</p>"})
    source = folder / f"in-{stuck}.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    config = CleanConfig(options=(("doc_time_limit_s", LIMIT_S),))
    output = folder / f"out-{stuck}.jsonl"
    job = BatchJob((str(source),), output, folder / f"err-{stuck}.jsonl", config, fmt="html")
    engine = ProcessEngine(2)
    started = time.perf_counter()
    try:
        run_batch(job, engine)
    finally:
        engine.close()
    return time.perf_counter() - started


def hung_document_cost() -> None:
    import cleaner.stages.html
    from cleaner.batch.records import CleanConfig, cleaner_for

    cleaner.stages.html.refuse_attribute_bomb = stuck_in_c_code  # forked workers inherit it
    cleaner_for(CleanConfig(options=(("doc_time_limit_s", LIMIT_S),))).clean(SHORT, fmt="html")
    with tempfile.TemporaryDirectory() as folder:
        base = min(batch_seconds(Path(folder), False) for _ in range(3))
        hung = batch_seconds(Path(folder), True)
    print(f"hung document at a {LIMIT_S:g} s limit, --jobs 2: costs {hung - base:.2f} s")


PEAK = """
import resource, sys
from cleaner import Cleaner
cleaner = Cleaner(max_input_bytes={limit}, doc_time_limit_s=None)
cleaner.warm_up()
data = open(sys.argv[1], "rb").read()
idle = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    cleaner.clean(data, fmt=sys.argv[2])
except Exception as err:
    print(type(err).__name__, err, file=sys.stderr)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - idle)
"""


def worst_inputs() -> dict[str, tuple[str, bytes]]:
    """Inputs just under MAX_BYTES that stress one structure each, and the line limits'
    refused cases (Options.max_lines, max_line_chars)."""
    line = SHORT + "\n"
    short_lines = (("x" * 18 + "\n") * 49_999).encode()
    return {
        "text, 10^6 one-letter lines (refused)": ("text", b"a\n" * (MAX_BYTES // 2 - 1)),
        "text, 1 line of 1.99 MB": ("text", (WORD * (MAX_BYTES // len(WORD) - 1)).encode()),
        "text, 49,999 lines of 18 chars": ("text", short_lines),
        "text, news-like lines": ("text", (line * (MAX_BYTES // len(line) - 1)).encode()),
        "html, many paragraphs": (
            "html",
            (f"<html><body>{'<p>' + SHORT + '</p>' * 1}" * (MAX_BYTES // 80)).encode()[:MAX_BYTES],
        ),
        "html, one huge paragraph": (
            "html",
            b"<html><body><p>" + (WORD * (MAX_BYTES // len(WORD) - 10)).encode() + b"</p>",
        ),
    }


def peak_memory() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, (fmt, data) in worst_inputs().items():
            path = Path(folder) / "doc"
            path.write_bytes(data)
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", PEAK.format(limit=MAX_BYTES), str(path), fmt],
                capture_output=True,
                text=True,
                check=True,
            )
            grown_mb = int(done.stdout.split()[-1]) / 1024
            print(
                f"peak memory, {name} ({len(data) / 1e6:.1f} MB): +{grown_mb:.0f} MB "
                f"({time.perf_counter() - started:.1f} s) {done.stderr.strip()[:80]}"
            )


if __name__ == "__main__":
    peak_memory()
    hung_document_cost()
    print(f"(ru_maxrss in {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB here)")
