"""Issue 15, a fourth hostile sweep: `learn -o FILE` refused before the run, output suffixes
told in any case, files in an input directory that are no regular files reported, lines of
invisible format characters only treated as blank, and SIGTERM ending a batch as Ctrl-C does."""

import os

import pytest

from batch_corpus import read_jsonl, write_jsonl
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
