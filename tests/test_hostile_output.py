"""Issue 15.1: every path a run writes lies inside its output, and no output replaces an
input. Run as a user would (subprocesses), with inputs named '.', '..' and dot-files, and
record ids that are paths, absolute, or too long for a file name."""

import json
import os
import stat

import pytest

from batch_corpus import cli
from conftest import assert_one_line_error, run_cli, tree

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


def workspace(tmp_path):
    """tmp/w/{a.txt, .hidden.txt, other.jsonl}, tmp/x.txt; returns the working directory."""
    work = tmp_path / "w"
    work.mkdir()
    (work / "a.txt").write_text(ARTICLE)
    (work / ".hidden.txt").write_text(ARTICLE)
    (work / "other.jsonl").write_text(json.dumps({"id": "x1", "text": ARTICLE}) + "\n")
    (tmp_path / "x.txt").write_text(ARTICLE)
    return work


def test_batch_of_dot_and_a_jsonl_writes_only_inside_the_output(tmp_path):
    work = workspace(tmp_path)
    before = tree(tmp_path)
    done = run_cli(
        "batch", ".", "other.jsonl", ".hidden.txt", "-o", "../out", "--jobs", "1", cwd=work
    )
    assert done.returncode == 0, done.stderr
    after = tree(tmp_path)
    written = {name for name in after if name not in before or after[name] != before[name]}
    assert written == {
        "out/w/a.txt",
        "out/w/.hidden.txt",
        "out/other/x1.txt",
        "out/hidden/.hidden.txt",
    }


def test_clean_of_the_parent_directory_into_it_is_refused_and_overwrites_nothing(tmp_path):
    work = workspace(tmp_path)
    before = tree(tmp_path)
    done = run_cli("clean", "..", "../x.txt", "-o", "../out", cwd=work)
    assert_one_line_error(done, 2, "lies inside the input ..")
    assert tree(tmp_path) == before


def test_clean_of_a_directory_and_a_file_beside_it_mirrors_both_inside(tmp_path):
    work = workspace(tmp_path)
    done = run_cli("clean", ".", "../x.txt", "-o", "../out", cwd=work)
    assert done.returncode == 0, done.stderr
    assert set(tree(tmp_path / "out")) == {"w/a.txt", "w/.hidden.txt", "x.txt"}


def test_an_output_equal_to_an_input_is_a_usage_error(tmp_path, monkeypatch, capsys):
    work = workspace(tmp_path)
    before = tree(tmp_path)
    assert_one_line_error(
        run_cli("batch", "other.jsonl", "-o", "other.jsonl", cwd=work),
        2,
        "this output is also the input other.jsonl",
    )
    monkeypatch.chdir(work)
    for args in (
        ["batch", "a.txt", "-o", "o.jsonl", "--errors", "a.txt"],
        ["clean", "a.txt", "-o", "a.txt"],
        ["batch", ".", "-o", "."],
        ["batch", "a.txt", "-o", "."],
    ):
        assert cli(*args) == 2, args
        assert "choose" in capsys.readouterr().err.splitlines()[-1]
    assert tree(tmp_path) == before


def test_hostile_ids_stay_inside_a_directory_output_and_long_ones_are_shortened(tmp_path):
    ids = ["../../etc/x", "/abs/y", "..", ".", "é" * 214, "é" * 214 + "z"]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in ids))
    for run in (run_cli, cli):  # the same names every run
        done = run("batch", source, "-o", tmp_path / "out", "--jobs", "1")
        assert done == 0 or done.returncode == 0
        names = sorted(tree(tmp_path / "out"))
        assert len(names) == len(ids) and all("/" not in name for name in names)
        assert all(len(name.encode()) <= 200 for name in names)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out"]


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "doc.txt", "-o", "fifo"],
        ["clean", "doc.txt", "--format", "jsonl", "-o", "link"],
        ["clean", "doc.txt", "--report", "fifo"],
        ["batch", "doc.txt", "-o", "fifo", "-j", "1"],
        ["batch", "doc.txt", "-o", "out.jsonl", "--errors", "link", "-j", "1"],
        ["batch", "doc.txt", "-o", "out.jsonl", "--summary", "fifo", "-j", "1"],
    ],
)
def test_an_output_that_is_a_device_or_pipe_is_refused_not_replaced(tmp_path, monkeypatch, args):
    # `-o /dev/null` as root replaced the device with a plain file (renamed over it)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to("fifo")
    assert cli(*args) == 2
    assert stat.S_ISFIFO((tmp_path / "fifo").stat().st_mode) and (tmp_path / "link").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "fifo", "link"]


def test_two_inputs_of_one_name_are_refused_rather_than_one_lost(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"{folder}: {ARTICLE}")
    assert cli("clean", "a/x.txt", "b/x.txt", "-o", "out") == 2
    assert not (tmp_path / "out").exists()
    assert cli("clean", "a", "b", "-o", "dirs") == 0  # directories are mirrored apart
    assert (tmp_path / "dirs" / "a" / "x.txt").read_text().startswith("a: ")
