"""`cleaner batch`: formats, order, errors file, atomic output, resume after SIGKILL, summary."""

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cleaner import clean
from cleaner.batch.runner import BatchJob

from batch_corpus import cli, document, read_jsonl, records, write_jsonl
from conftest import SEEDS, run_cli


def test_jsonl_in_jsonl_out_in_input_order_with_metadata(tmp_path):
    rows = records(40)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--jobs", "2") == 0
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    first = out[0]
    assert list(first)[:5] == ["id", "text", "url", "lang", "outlet"]
    assert first["text"] == clean(rows[0]["text"], url=rows[0]["url"]).text
    assert first["source"] == "test" and first["lang"] == "en"
    assert "removed" not in first
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_changes_adds_removals_and_edits(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(2))
    cli("batch", source, "-o", tmp_path / "out.jsonl", "--changes", "--jobs", "1")
    first = read_jsonl(tmp_path / "out.jsonl")[0]
    assert [r["rule"] for r in first["removed"]] == [
        "common.advertisement-label",
        "common.lone-symbol-line",
    ]
    assert first["edits"] == []


def test_custom_field_names_and_language_hint(tmp_path):
    rows = [{"doc": "a1", "body": document(0), "link": "https://wionews.com/a", "language": "fr"}]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    assert (
        cli(
            "batch",
            source,
            "-o",
            tmp_path / "out.jsonl",
            "--id-field",
            "doc",
            "--text-field",
            "body",
            "--url-field",
            "link",
            "--lang-field",
            "language",
        )
        == 0
    )
    [out] = read_jsonl(tmp_path / "out.jsonl")
    assert (out["id"], out["url"], out["lang"], out["outlet"]) == (
        "a1",
        "https://wionews.com/a",
        "fr",
        "wion",
    )


def test_compressed_jsonl(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    data = "".join(json.dumps(r) + "\n" for r in records(5)).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    for name in ("a.jsonl.gz", "b.jsonl.zst"):
        assert cli("batch", tmp_path / name, "-o", tmp_path / f"{name}.out.jsonl") == 0
        assert len(read_jsonl(tmp_path / f"{name}.out.jsonl")) == 5


def test_directory_in_mirrored_directory_out(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(document(0))
    (src / "sub" / "b.txt.gz").write_bytes(gzip.compress(document(2).encode()))
    (src / "c.html").write_text(
        "<html><body><article><p>" + "Inflation fell again in March, "
        "the statistics office said on Friday. " * 5 + "</p></article></body></html>"
    )
    (src / "ignored.pdf").write_bytes(b"%PDF")
    assert cli("batch", src, "-o", tmp_path / "out", "--jobs", "2") == 0
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    assert files == ["a.txt", "c.txt", "sub", "sub/b.txt"]
    assert (tmp_path / "out" / "a.txt").read_text() == clean(document(0)).text
    assert "Inflation fell again" in (tmp_path / "out" / "c.txt").read_text()


def test_documents_with_the_same_id_both_reach_a_directory_output_named_alike_every_run(tmp_path):
    rows = [{"id": "dup", "text": document(i)} for i in range(3)] + [
        {"id": "dup~2", "text": document(3)}
    ]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    assert cli("batch", source, "-o", tmp_path / "out", "--jobs", "1") == 0
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "dup.txt",
        "dup~2.txt",
        "dup~2~2.txt",
        "dup~3.txt",
    ]
    assert [
        (out / n).read_text() for n in ("dup.txt", "dup~2.txt", "dup~3.txt", "dup~2~2.txt")
    ] == [clean(document(i)).text for i in range(4)]
    # names are given over the whole input, before a resume or a shard skips any
    from cleaner.batch.readers import Fields, read_inputs, unique_paths

    paths = [r.path for r in unique_paths(read_inputs((str(source),), Fields()))]
    assert paths == ["dup.txt", "dup~2.txt", "dup~3.txt", "dup~2~2.txt"]


def test_the_progress_line_shows_documents_rate_and_errors_on_a_terminal_only():
    from cleaner.batch.cli import progress_bar, show_progress
    from cleaner.batch.summary import Summary

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    summary = Summary()
    summary.docs_in, summary.docs_failed = 1234, 3
    for stream in (Terminal(), io.StringIO()):
        bar = progress_bar(stream)
        show_progress(bar, summary)
        bar.refresh()
        bar.close()
        shown = stream.getvalue()
        assert (
            "1234 docs" in shown and "3 errors" in shown and "docs/s" in shown
        ) == stream.isatty()


def test_stdin_jsonl_and_stdin_document(tmp_path, monkeypatch):
    data = "".join(json.dumps(r) + "\n" for r in records(3)).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cli("batch", "-", "-o", tmp_path / "out.jsonl") == 0
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 3
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(document(0).encode())))
    assert cli("batch", "-", "--stdin-format", "text", "-o", tmp_path / "one.jsonl") == 0
    assert read_jsonl(tmp_path / "one.jsonl")[0]["text"] == clean(document(0)).text


def test_failures_go_to_the_errors_file_and_the_run_goes_on(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, records(10, bad_every=4))
    with source.open("a") as out:
        out.write("{not json\n" + json.dumps({"id": "no-text"}) + "\n")
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--summary", tmp_path / "s.json") == 1
    assert "4 documents failed" in capsys.readouterr().err
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [e["id"] for e in errors] == ["doc-00003", "doc-00007", f"{source}:11", "no-text"]
    assert "binary" in errors[0]["error"] and "invalid JSON" in errors[2]["error"]
    assert "'text' is missing" in errors[3]["error"]
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 8
    summary = json.loads((tmp_path / "s.json").read_text())
    assert (summary["docs_in"], summary["docs_out"], summary["docs_failed"]) == (12, 8, 4)


def test_summary_counts_removals_by_category_and_rule(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", records(6))
    cli("batch", source, "-o", tmp_path / "out.jsonl", "--summary", tmp_path / "s.json")
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["lines_removed"] == 12
    assert summary["removed_by_category"] == {"advertisement": 6, "boilerplate": 6}
    assert summary["removed_by_rule"] == {
        "common.advertisement-label": 6,
        "common.lone-symbol-line": 6,
    }
    assert summary["docs_per_second"] > 0
    stderr = capsys.readouterr().err
    assert "documents: 6 in, 6 out, 0 failed" in stderr and "top rules:" in stderr
    assert "\r" not in stderr  # no progress bar when stderr is not a terminal


def test_output_is_the_same_whatever_the_worker_count(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(60, bad_every=7))
    for jobs in ("1", "2"):
        cli("batch", source, "-o", tmp_path / f"j{jobs}.jsonl", "--jobs", jobs)
    assert (tmp_path / "j2.jsonl").read_bytes() == (tmp_path / "j1.jsonl").read_bytes()
    assert (tmp_path / "j2.errors.jsonl").read_bytes() == (
        tmp_path / "j1.errors.jsonl"
    ).read_bytes()


def test_seeds_match_cleaner_clean(tmp_path):
    assert cli("batch", SEEDS, "-o", tmp_path / "out", "--jobs", "2") == 0
    for seed in sorted(SEEDS.glob("*.txt")):
        assert (tmp_path / "out" / seed.name).read_text() == clean(seed.read_bytes()).text


def start_batch(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cleaner", "batch", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def test_sigkill_half_way_then_resume_gives_identical_output(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(300, bad_every=50))
    common = ["--jobs", "2", "--checkpoint-every", "20", "--summary"]
    cli("batch", source, "-o", tmp_path / "ref.jsonl", *common, tmp_path / "ref.json")
    target, progress = tmp_path / "out.jsonl", tmp_path / ".out.jsonl.progress.json"
    run = start_batch(source, "-o", target, *common, tmp_path / "out.json")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if progress.exists() and json.loads(progress.read_text())["consumed"] >= 100:
            break
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGKILL)  # the whole job dies, workers too, as under Slurm
    run.wait()
    consumed = json.loads(progress.read_text())["consumed"]
    assert 100 <= consumed < 300, "the kill must land half-way"
    assert not target.exists(), "no half-written output under the final name"
    assert cli("batch", source, "-o", target, *common, tmp_path / "out.json", "--resume") == 1
    assert target.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "ref.errors.jsonl"
    ).read_bytes()
    assert not progress.exists()
    ref, out = (json.loads((tmp_path / n).read_text()) for n in ("ref.json", "out.json"))
    for volatile in ("seconds", "docs_per_second"):
        ref.pop(volatile), out.pop(volatile)
    assert out == ref


def process_state(pid: int) -> tuple[int, str] | None:
    """(parent pid, state letter) of a process from /proc, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), fields[0]


def running(pid: int) -> bool:
    state = process_state(pid)
    return state is not None and state[1] != "Z"  # a zombie has exited


def test_workers_exit_when_the_batch_process_is_killed(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(300))
    run = start_batch(
        source, "-o", tmp_path / "out.jsonl", "--jobs", "2", "--checkpoint-every", "20"
    )
    progress = tmp_path / ".out.jsonl.progress.json"
    deadline = time.monotonic() + 60
    while not progress.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = [
        int(p.name)
        for p in Path("/proc").glob("[0-9]*")
        if (process_state(int(p.name)) or (0, ""))[0] == run.pid and running(int(p.name))
    ]
    assert len(workers) == 2
    os.kill(run.pid, signal.SIGKILL)  # the parent alone: its workers must not linger
    run.wait()
    deadline = time.monotonic() + 15
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(running, workers))


def test_resume_with_different_arguments_is_refused(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", records(3))
    target = tmp_path / "out.jsonl"
    other = BatchJob(("other.jsonl",), target, tmp_path / "out.errors.jsonl").signature(["-"])
    (tmp_path / ".out.jsonl.progress.json").write_text(
        json.dumps(
            {
                "signature": other,
                "consumed": 1,
                "output_offset": 0,
                "errors_offset": 0,
                "counts": {},
            }
        )
    )
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--resume") == 2
    assert "the interrupted run had different inputs" in capsys.readouterr().err


def test_usage_errors_exit_2_with_one_line(tmp_path):
    """As a subprocess: exit codes and stderr as a user sees them."""
    for args in (
        ["nope.jsonl", "-o", tmp_path / "o.jsonl"],
        [tmp_path, "-o", tmp_path / "o.jsonl", "--shard", "4/4"],
        [SEEDS / "000_8eaadd74f4a6cdc6.txt", "-o", tmp_path / "o", "--jobs", "0"],
    ):
        done = run_cli("batch", *args)
        assert done.returncode == 2, args
        last = done.stderr.decode().strip().splitlines()[-1]
        assert last.startswith("cleaner") and b"Traceback" not in done.stderr
