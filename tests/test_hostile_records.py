"""Issue 15.2: one bad record costs that record only. Whatever it raises (a lone surrogate
in the id or a pass-through field, JSON nested 5,000 deep, an id too long for a file name,
NaN), it becomes an errors-file line with a printable id, the run goes on, and --resume
does not stop at it."""

import json

from cleaner.batch.checkpoint import (
    Checkpoint,
    input_fingerprints,
    save_checkpoint,
)
from cleaner.batch.runner import BatchJob
from cleaner.batch.summary import Summary
from cleaner.safepaths import checkpoint_path

from batch_corpus import cli, read_jsonl
from conftest import run_cli

GOOD = "The city council approved the new budget on Tuesday after a long debate.\n"
HOSTILE_LINES = [
    '{"id": "lone\\ud800", "text": "Some article text, long enough to keep."}',
    '{"id": "field", "text": "Some article text here.", "source": "\\udc80"}',
    '{"id": "deep", "text": "x", "meta": ' + "[" * 5000 + "]" * 5000 + "}",
    json.dumps({"id": "é" * 214, "text": GOOD}),
    '{"id": "nan", "text": "Some article text here.", "score": NaN, "w": [Infinity]}',
]


def hostile_input(tmp_path, good: int = 3):
    """`good` plain records around the hostile ones; returns the path."""
    lines = [json.dumps({"id": f"ok{i}", "text": GOOD}) for i in range(good)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines[:1] + HOSTILE_LINES + lines[1:]) + "\n", encoding="utf-8")
    return path


def ids_of(path) -> list:
    return [row["id"] for row in read_jsonl(path)] if path.exists() else []


def test_every_hostile_record_is_written_or_in_the_errors_file(tmp_path):
    done = run_cli("batch", hostile_input(tmp_path), "-o", tmp_path / "out.jsonl", "--jobs", "2")
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    written, failed = ids_of(tmp_path / "out.jsonl"), ids_of(tmp_path / "out.errors.jsonl")
    assert written == ["ok0", "é" * 214, "nan", "ok1", "ok2"]
    assert failed[:2] == ["lone\\ud800", "field"] and failed[2].endswith("in.jsonl:4")
    errors = [row["error"] for row in read_jsonl(tmp_path / "out.errors.jsonl")]
    assert "lone surrogate" in errors[0] and "lone surrogate" in errors[1]
    assert "recursion" in errors[2] or "deep" in errors[2]


def test_nan_and_infinity_are_written_as_null_and_counted(tmp_path):
    summary = tmp_path / "run.json"
    assert (
        cli(
            "batch",
            hostile_input(tmp_path),
            "-o",
            tmp_path / "out.jsonl",
            "--jobs",
            "1",
            "--summary",
            summary,
        )
        == 1
    )
    row = next(r for r in read_jsonl(tmp_path / "out.jsonl") if r["id"] == "nan")
    assert row["score"] is None and row["w"] == [None]
    assert json.loads(summary.read_text())["values_nulled"] == 2


def test_a_directory_output_takes_the_same_records(tmp_path):
    done = run_cli("batch", hostile_input(tmp_path), "-o", tmp_path / "out", "--jobs", "1")
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 7  # all but the deep one: a text file holds no pass-through field
    assert [i.rsplit("/")[-1] for i in ids_of(tmp_path / "out.errors.jsonl")] == ["in.jsonl:4"]


def test_resume_goes_past_a_hostile_record(tmp_path):
    """Interrupted just before the hostile records (a checkpoint after the first), the
    resumed run writes them as an uninterrupted run does."""
    source = hostile_input(tmp_path)
    assert cli("batch", source, "-o", tmp_path / "ref.jsonl", "--jobs", "1") == 1
    target = tmp_path / "out.jsonl"
    job = BatchJob((str(source),), target, tmp_path / "out.errors.jsonl")
    first = (tmp_path / "ref.jsonl").read_bytes().split(b"\n")[0] + b"\n"
    (tmp_path / ".out.jsonl.partial").write_bytes(first)
    (tmp_path / ".out.errors.jsonl.partial").write_bytes(b"")
    counts = Summary(docs_in=1, docs_out=1).counts()
    save_checkpoint(
        checkpoint_path(target),
        Checkpoint(job.signature(input_fingerprints(job.inputs)), 1, len(first), 0, counts),
    )
    assert cli("batch", source, "-o", target, "--jobs", "1", "--resume") == 1
    assert target.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert ids_of(tmp_path / "out.errors.jsonl") == ids_of(tmp_path / "ref.errors.jsonl")


def test_odd_json_values_cost_their_record_only(tmp_path):
    odd = [
        '{"id": 1e308, "text": "%s"}',
        '{"id": [1, 2], "text": "%s"}',
        '{"id": {"a": 1}, "text": "%s"}',
        '{"id": null, "text": "%s"}',
        '{"id": "", "text": "%s"}',
        '{"id": "../../etc/passwd", "text": "%s"}',
        '{"id": "dup", "id": "dup2", "text": "%s"}',
        '{"id": "big", "text": "%s", "n": ' + "9" * 5000 + "}",
        '{"id": "inf", "text": "%s", "n": 1e999}',
        '{"id": "notext", "text": 12345}',
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(line.replace("%s", GOOD.strip()) for line in odd) + "\n[1]\n")
    for output in ("out.jsonl", "out-dir"):
        assert cli("batch", path, "-o", tmp_path / output, "-j", "1") == 1
    written = ids_of(tmp_path / "out.jsonl")
    assert written == [1e308, [1, 2], {"a": 1}, None, "", "../../etc/passwd", "dup2", "inf"]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [row["id"] for row in errors] == [f"{path}:8", "notext", f"{path}:11"]
    assert errors[0]["error"] == (
        "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits"
    )
    names = sorted(p.name for p in (tmp_path / "out-dir").iterdir())
    assert len(names) == 8 and all("/" not in name for name in names)
    assert all(
        p.resolve().parent == (tmp_path / "out-dir").resolve()
        for p in (tmp_path / "out-dir").iterdir()
    )


def test_a_byte_order_mark_alone_on_the_first_line_is_no_record(tmp_path):
    record = json.dumps({"id": "a", "text": "The council met on Monday to approve the budget."})
    for name, data in (("bom.jsonl", b"\xef\xbb\xbf"), ("bom2.jsonl", b"\xef\xbb\xbf\n")):
        (tmp_path / name).write_bytes(data + record.encode() + b"\n")
        assert cli("batch", tmp_path / name, "-o", tmp_path / f"{name}.out.jsonl") == 0
        assert [r["id"] for r in read_jsonl(tmp_path / f"{name}.out.jsonl")] == ["a"]
    (tmp_path / "only.jsonl").write_bytes(b"\xef\xbb\xbf")
    done = run_cli("batch", tmp_path / "only.jsonl", "-o", tmp_path / "only.out.jsonl")
    assert done.returncode == 0 and b"0 in, 0 out, 0 failed" in done.stderr


def test_a_lone_surrogate_the_text_lost_is_written_escaped_in_the_changes(tmp_path):
    source = tmp_path / "s.jsonl"
    text = "caf\ud800 The council met on Monday to approve the new budget for the city."
    source.write_text(json.dumps({"id": "s", "text": text}) + "\n")
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--changes", "-j", "1") == 0
    [record] = read_jsonl(tmp_path / "out.jsonl")
    assert record["text"].startswith("caf\ufffd The council")
    assert [(e["before"], e["after"]) for e in record["edits"]] == [("\\ud800", "\ufffd")]
