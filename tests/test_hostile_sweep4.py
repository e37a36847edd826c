"""Issue 15, a fourth hostile sweep: `learn -o FILE` refused before the run, output suffixes
told in any case, files in an input directory that are no regular files reported, lines of
invisible format characters only treated as blank, and SIGTERM ending a batch as Ctrl-C does."""

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from cleaner import clean

from batch_corpus import cli, read_jsonl, records, write_jsonl
from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


def test_an_output_suffix_in_capitals_is_jsonl_as_an_input_suffix_is(tmp_path):
    write_jsonl(tmp_path / "in.JSONL", [{"id": "a", "text": ARTICLE}, {"id": "b", "text": 1}])
    done = run_cli("batch", tmp_path / "in.JSONL", "-o", tmp_path / "out.JSONL", "-j", "1")
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "out.JSONL").is_file()
    assert [r["text"] for r in read_jsonl(tmp_path / "out.JSONL")] == [ARTICLE]
    assert [r["id"] for r in read_jsonl(tmp_path / "out.errors.jsonl")] == ["b"]


@pytest.mark.parametrize("command", ["learn", "batch"])
def test_a_directory_output_that_is_a_file_is_refused_before_any_input_is_read(tmp_path, command):
    """learn found it only when it wrote its rules, after the whole run. The input is a
    FIFO no one writes to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    (tmp_path / "taken").write_text("mine\n")
    done = run_cli(command, tmp_path / "in.jsonl", "-o", tmp_path / "taken", "-j", "1")
    assert_one_line_error(done, 2, "taken: File exists", "name a directory")
    assert (tmp_path / "taken").read_text() == "mine\n"


FORMAT_ONLY_LINES = [
    "\u200e",
    "\u200f\u200e",
    "\u202a\u202b\u202c\u202d\u202e",
    " \u2066\u2067 \u2068\u2069 ",
    "\ufeff",
    "\u200b\u200c\u200d",
    "\u2060",
    "\u00ad",
]


@pytest.mark.parametrize("blank", FORMAT_ONLY_LINES)
def test_a_line_of_format_characters_only_is_blank_and_its_removal_is_recorded(blank):
    second = "The vote was seven to two, with one member absent from the chamber.\n"
    result = clean(ARTICLE + blank + "\n" + second)
    assert result.text == ARTICLE + second
    edits = [e for e in result.edits if e.line == 2]
    assert "".join(e.before for e in edits) == blank  # every character went by a rule
    assert {e.rule for e in edits} in ({"whitespace.format-only"}, {"repair.encoding"})


def test_joiners_inside_words_and_emoji_stay():
    persian = "\u0646\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a ZWNJ inside the word
    family = f"The family \U0001f468\u200d\U0001f469\u200d\U0001f467 moved ({persian}).\n"
    result = clean(ARTICLE + family)
    assert result.text == ARTICLE + family
    assert [e for e in result.edits if e.rule == "whitespace.format-only"] == []


@pytest.fixture
def odd_entries(tmp_path):
    """An input directory with one article and, named like documents, a FIFO no one writes
    to (opening it would block the run for good), a socket, a link to a device, a link
    to nowhere and a link to itself."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE)
    os.mkfifo(root / "fifo.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "socket.txt"))
    (root / "device.txt").symlink_to("/dev/zero")
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    (root / "loop.txt").symlink_to("loop.txt")  # a link to itself: too many levels
    (root / "notes.md").write_text("not a document: passed over, as ever\n")
    return root


ODD_ENTRIES = {
    "device.txt": "not a regular file: character device; it was not read",
    "fifo.txt": "not a regular file: FIFO; it was not read",
    "gone.txt": "dangling symbolic link; it was not read",
    "loop.txt": "cannot read: Too many levels of symbolic links",
    "socket.txt": "not a regular file: socket; it was not read",
}


def test_batch_reports_every_entry_of_an_input_directory_that_is_no_regular_file(
    tmp_path, odd_entries
):
    summary = tmp_path / "summary.json"
    done = run_cli("batch", odd_entries, "-o", tmp_path / "out", "-j", "1", "--summary", summary)
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == ARTICLE
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert {e["id"]: e["error"] for e in errors} == {
        f"{odd_entries}/{name}": error for name, error in ODD_ENTRIES.items()
    }
    counts = json.loads(summary.read_text())
    assert (counts["docs_in"], counts["docs_out"], counts["docs_failed"]) == (6, 1, 5)


def test_clean_names_every_entry_of_an_input_directory_that_is_no_regular_file(
    tmp_path, odd_entries
):
    done = run_cli("clean", odd_entries, "-o", tmp_path / "out")
    assert done.returncode == 1
    lines = done.stderr.decode().splitlines()
    for name, error in ODD_ENTRIES.items():
        assert f"cleaner: {odd_entries}/{name}: {error}" in lines
    assert lines[-1] == "cleaner: 5 of 6 documents failed"
    assert (tmp_path / "out" / "a.txt").read_text() == ARTICLE


def test_a_fifo_named_on_the_command_line_is_read(tmp_path):
    """Only files found in a directory are refused: `<(zcat a.txt.gz)` is a pipe too."""
    os.mkfifo(tmp_path / "pipe.txt")
    writer = subprocess.Popen(["sh", "-c", f"printf '{ARTICLE.strip()}' > {tmp_path}/pipe.txt"])
    done = run_cli("clean", tmp_path / "pipe.txt")
    writer.wait()
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == ARTICLE


def test_sigterm_ends_a_batch_as_ctrl_c_does_and_resume_gives_identical_output(tmp_path):
    """The lock is released; the checkpoint and the partial outputs, which --resume
    continues from, stay; nothing is published under the final names."""
    source = write_jsonl(tmp_path / "in.jsonl", records(300, bad_every=50))
    common = ["-j", "1", "--checkpoint-every", "20"]
    assert cli("batch", source, "-o", tmp_path / "ref.jsonl", *common) == 1
    target, progress = tmp_path / "out.jsonl", tmp_path / ".out.jsonl.progress.json"
    run = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "batch", source, "-o", target, *common],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not progress.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    run.send_signal(signal.SIGTERM)  # the batch process alone, as `kill PID` does
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 143, stderr
    assert b"Traceback" not in stderr
    assert 20 <= json.loads(progress.read_text())["consumed"] < 300, "the signal must land mid-run"
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out"))
    assert left == [".out.errors.jsonl.partial", ".out.jsonl.partial", ".out.jsonl.progress.json"]
    assert cli("batch", source, "-o", target, *common, "--resume") == 1
    assert target.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "ref.errors.jsonl"
    ).read_bytes()
    assert not progress.exists()
