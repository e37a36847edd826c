"""Issue 15, a fifth hostile sweep: compressed batch outputs refused, not written as a
directory of that name."""

import os

import pytest

from conftest import assert_one_line_error, run_cli


@pytest.mark.parametrize(
    ("option", "name"),
    [
        ("-o", "out.jsonl.gz"),
        ("-o", "out.jsonl.zst"),
        ("-o", "out.txt.GZ"),
        ("-o", "clean.xz"),
        ("--errors", "errors.jsonl.gz"),
        ("--summary", "run.json.bz2"),
    ],
)
def test_a_compressed_output_name_is_refused_before_any_input_is_read(tmp_path, option, name):
    """`-o out.jsonl.gz` wrote a directory of that name. The input is a FIFO no one writes
    to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    output = [] if option == "-o" else ["-o", tmp_path / "out.jsonl"]
    done = run_cli("batch", tmp_path / "in.jsonl", *output, option, tmp_path / name, "-j", "1")
    plain = name.rsplit(".", 1)[0]
    assert_one_line_error(done, 2, name, "compressed output is not written", f"gzip {plain}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
