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


def edit_checkpoint(target, change):
    path = checkpoint_path(target)
    saved = json.loads(path.read_text())
    change(saved)
    path.write_text(json.dumps(saved))


def test_resume_refuses_an_output_shorter_than_its_checkpoint(tmp_path, capsys):
    # truncate() would pad the output with NUL bytes up to the saved offset
    source = write_jsonl(tmp_path / "in.jsonl", records(10))
    target = tmp_path / "out.jsonl"
    interrupted_at_start(source, target)
    edit_checkpoint(target, lambda saved: saved.update(output_offset=5_000, consumed=3))
    assert cli("batch", source, "-o", target, "--resume", "--jobs", "1") == 2
    assert "shorter (0 bytes) than its checkpoint says (5,000)" in capsys.readouterr().err
    assert not target.exists()
    assert (tmp_path / ".out.jsonl.partial").stat().st_size == 0


BAD_FIELDS = [
    ("consumed", -5),
    ("consumed", "x"),
    ("consumed", 1.5),
    ("consumed", None),
    ("consumed", True),
    ("output_offset", "1"),
    ("errors_offset", -1),
    ("counts", None),
    ("counts", {"docs_in": "x"}),
    ("signature", []),
]


def test_resume_refuses_a_checkpoint_with_a_bad_field(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", records(10))
    for number, (field, value) in enumerate(BAD_FIELDS):
        target = tmp_path / f"out-{number}.jsonl"
        interrupted_at_start(source, target)
        edit_checkpoint(target, lambda saved, f=field, v=value: saved.update({f: v}))
        assert cli("batch", source, "-o", target, "--resume", "--jobs", "1") == 2, (field, value)
        err = capsys.readouterr().err
        assert "unreadable checkpoint" in err and field in err, (field, value, err)


def test_resume_refuses_a_bad_count_inside_the_summary(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", records(10))
    target = tmp_path / "out.jsonl"
    interrupted_at_start(source, target)
    edit_checkpoint(target, lambda saved: saved["counts"].update(removed_by_rule=[1, 2]))
    assert cli("batch", source, "-o", target, "--resume", "--jobs", "1") == 2
    assert "counts.removed_by_rule: not a mapping" in capsys.readouterr().err
