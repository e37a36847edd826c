"""Issue 15, a sixth hostile sweep: `-o -` standard output for `clean` and refused by `batch`
and `learn`, which wrote a file or directory named '-'."""

import os

import pytest

from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


@pytest.mark.parametrize(
    ("command", "option"),
    [
        ("batch", "-o"),
        ("batch", "--errors"),
        ("batch", "--summary"),
        ("batch", "--report"),
        ("learn", "-o"),
    ],
)
def test_standard_output_for_batch_and_learn_is_refused_before_any_input_is_read(
    tmp_path, command, option
):
    """`batch in.jsonl -o -` wrote a directory named '-'. The input is a FIFO no one writes
    to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    output = [] if option == "-o" else ["-o", "out.jsonl"]
    done = run_cli(command, "in.jsonl", *output, option, "-", "-j", "1", cwd=tmp_path)
    assert_one_line_error(done, 2, f"{option} -: batch and learn write files", "name a file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize("form", [[], ["--format", "jsonl"]])
def test_clean_writes_dash_output_to_standard_output(tmp_path, form):
    """`clean a.txt -o -` wrote a file named '-', though `--format jsonl -o -` streamed."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = run_cli("clean", "a.txt", "-o", "-", *form, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert ARTICLE.strip().encode() in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_clean_of_several_inputs_to_dash_needs_an_output_directory(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    done = run_cli("clean", "a.txt", "b.txt", "-o", "-", cwd=tmp_path)
    assert_one_line_error(done, 2, "several inputs need -o OUTPUT_DIR")
