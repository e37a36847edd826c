"""Issue 15.9 (run side): --resume refuses an input that changed, a resumed or repeated
directory-output run leaves no temporary file, an unreadable rule file is exit 2."""

import json

from cleaner.batch.checkpoint import (
    Checkpoint,
    input_fingerprints,
    save_checkpoint,
)
from cleaner.batch.runner import BatchJob
from cleaner.batch.summary import Summary
from cleaner.batch.writers import default_errors_path
from cleaner.safepaths import checkpoint_path

from batch_corpus import cli, records, write_jsonl
from conftest import assert_one_line_error, run_cli, tree

STRAY = "0123456789abcdef0123456789abcdef"  # the hex part of a write_atomic temporary name


def interrupted_at_start(source, target):
    """The checkpoint a run of `source` into `target` saves before its first document."""
    job = BatchJob((str(source),), target, default_errors_path(target))
    save_checkpoint(
        checkpoint_path(target),
        Checkpoint(job.signature(input_fingerprints(job.inputs)), 0, 0, 0, Summary().counts()),
    )
    if target.suffix == ".jsonl":
        for path in (target, job.errors):
            path.with_name(f".{path.name}.partial").write_bytes(b"")


def test_resume_refuses_an_input_that_changed(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(10))
    target = tmp_path / "out.jsonl"
    interrupted_at_start(source, target)
    write_jsonl(source, records(15))
    done = run_cli("batch", source, "-o", target, "--resume", "--jobs", "1")
    assert_one_line_error(done, 2, "in.jsonl changed since the interrupted run")
    assert not target.exists()


def test_resume_refuses_a_directory_input_that_changed(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("One article about the budget of the city.\n")
    target = tmp_path / "out"
    interrupted_at_start(tmp_path / "in", target)
    (tmp_path / "in" / "b.txt").write_text("Another article about the weather today.\n")
    assert cli("batch", tmp_path / "in", "-o", target, "--resume", "--jobs", "1") == 2
    assert "in changed since the interrupted run" in capsys.readouterr().err


def test_a_resumed_directory_run_leaves_no_temporary_file(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(5))
    assert cli("batch", source, "-o", tmp_path / "ref", "--jobs", "1") == 0
    target = tmp_path / "out"
    interrupted_at_start(source, target)
    (target / "sub").mkdir(parents=True)
    (target / "sub" / f".doc-00001.txt.{STRAY}.tmp").write_text("half")
    (tmp_path / f"..out.progress.json.{STRAY}.tmp").write_text("half")
    (target / "keep.tmp").write_text("not ours")
    assert cli("batch", source, "-o", target, "--jobs", "1", "--resume") == 0
    assert tree(target) == {**tree(tmp_path / "ref"), "keep.tmp": b"not ours"}
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_an_unreadable_rule_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "rules" / "x.yaml").mkdir(parents=True)
    (tmp_path / "dangling").mkdir()
    (tmp_path / "dangling" / "d.yaml").symlink_to(tmp_path / "nowhere.yaml")
    doc = tmp_path / "a.txt"
    doc.write_text("One article about the budget of the city.\n")
    assert_one_line_error(
        run_cli("clean", doc, "--rules", tmp_path / "rules"), 2, "x.yaml: cannot read rule file"
    )
    for args in (["clean", doc], ["batch", doc, "-o", tmp_path / "o"], ["rules", "check"]):
        for rules in ("rules", "dangling"):
            assert cli(*args, *(["--rules"] if args[0] != "rules" else []), tmp_path / rules) == 2
            assert "cannot read rule file" in capsys.readouterr().err


def test_nan_never_reaches_the_output(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "One article about the budget.", "x": -Infinity}\n')
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--jobs", "1") == 0
    line = (tmp_path / "out.jsonl").read_text()
    assert json.loads(line, parse_constant=lambda name: 1 / 0)["x"] is None
