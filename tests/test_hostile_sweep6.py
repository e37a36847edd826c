"""Issue 15, a sixth hostile sweep: `-o -` standard output for `clean` and refused by `batch`
and `learn`, which wrote a file or directory named '-'; compressed output names refused by
`clean` as by `batch`."""

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


@pytest.mark.parametrize(
    ("form", "name"),
    [
        (["-o"], "clean.txt.gz"),
        (["-o"], "clean.TXT.ZST"),
        (["--format", "jsonl", "-o"], "clean.jsonl.bz2"),
        (["--report"], "report.jsonl.xz"),
    ],
)
def test_clean_refuses_a_compressed_output_name_before_reading_its_input(tmp_path, form, name):
    """`clean in.txt -o clean.txt.gz` wrote plain text under a compressed name. The input is
    a FIFO no one writes to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.txt")
    done = run_cli("clean", "in.txt", *form, name, cwd=tmp_path)
    plain = name.rsplit(".", 1)[0]
    assert_one_line_error(done, 2, name, "compressed output is not written", f"gzip {plain}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_clean_refuses_a_compressed_output_directory_name(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    done = run_cli("clean", "in", "-o", "out.gz", cwd=tmp_path)
    assert_one_line_error(done, 2, "out.gz: compressed output is not written")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
