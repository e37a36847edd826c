"""Issue 15.7: two runs on the same output. The second is refused (exit 2) naming the
holder, writes nothing, and the first run's output is whole."""

import json
import subprocess
import sys
import time

from cleaner.lock import lock_path, output_lock

from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


def test_a_second_run_on_a_locked_output_is_refused_and_names_the_holder(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    target = tmp_path / "out.jsonl"
    with output_lock(target):
        done = run_cli("batch", source, "-o", target, "--jobs", "1")
        last = assert_one_line_error(done, 2, "being written by another run", "pid")
        assert "choose another output" in last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # nothing written


def test_a_shared_errors_file_is_locked_too(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    with output_lock(tmp_path / "shared.errors.jsonl"):
        done = run_cli(
            "batch",
            source,
            "-o",
            tmp_path / "b.jsonl",
            "--errors",
            tmp_path / "shared.errors.jsonl",
            "--jobs",
            "1",
        )
        assert_one_line_error(done, 2, "shared.errors.jsonl is being written")


def test_two_processes_on_one_output(tmp_path):
    """The first run waits on its stdin while holding the lock; the second is refused; the
    first then finishes with its whole output and leaves no lock file."""
    target = tmp_path / "out.jsonl"
    first = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "batch", "-", "-o", target, "--jobs", "1"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not lock_path(target).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        done = run_cli("batch", "-", "-o", target, "--jobs", "1", stdin=b"")
        last = assert_one_line_error(done, 2, "being written by another run")
        assert f"pid {first.pid}" in last
    finally:
        _, err = first.communicate(
            json.dumps({"id": "a", "text": ARTICLE}).encode() + b"\n", timeout=120
        )
    assert first.returncode == 0, err
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] == ["a"]
    assert not lock_path(target).exists()
