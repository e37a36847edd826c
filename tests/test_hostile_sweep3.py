"""Issue 15, a third hostile sweep: outputs that are one file, a cap on --jobs, YAML aliases
and huge patterns, explain's output encoding, a device as report input, `--rules ""` and a
disk-wide rules folder, closed standard streams, many documents of one id."""

import subprocess
import sys

import pytest
from cleaner.batch.readers import unique_paths
from cleaner.batch.records import Record
from cleaner.rule_files import MAX_RULE_FILE_BYTES, fits_when_expanded

from batch_corpus import write_jsonl
from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "{t}/in.jsonl", "-o", "{t}/o.jsonl", "--summary", "{t}/o.jsonl"],
        ["batch", "{t}/in.jsonl", "-o", "{t}/o.jsonl", "--errors", "{t}/o.jsonl"],
        ["batch", "{t}/in.jsonl", "-o", "{t}/o.jsonl", "--errors", "{t}/s", "--summary", "{t}/s"],
        ["batch", "{t}/in.jsonl", "-o", "{t}/o.jsonl", "--errors", "{t}/o.jsonl.lock"],
        ["batch", "{t}/in.jsonl", "-o", "{t}/o.jsonl", "--errors", "{t}/.o.jsonl.progress.json"],
        ["clean", "{t}/a.txt", "-o", "{t}/o.txt", "--report", "{t}/o.txt"],
    ],
)
def test_two_outputs_on_one_file_are_a_usage_error_before_the_run(tmp_path, args):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = run_cli(*(arg.format(t=tmp_path) for arg in args))
    assert_one_line_error(done, 2, "are the same file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "in.jsonl"]


def test_jobs_past_the_cap_is_a_usage_error(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    done = run_cli("batch", tmp_path / "in.jsonl", "-o", tmp_path / "o.jsonl", "-j", "99999999999")
    assert done.returncode == 2 and b"at most 1,024" in done.stderr


def test_aliases_that_expand_past_the_file_limit_are_refused(tmp_path):
    pattern = "^(?:alpha|beta|gamma|delta)+ foo$"
    aliases = ", ".join(["*p"] * (MAX_RULE_FILE_BYTES // len(pattern) + 1))
    (tmp_path / "x.yaml").write_text(
        f"ruleset: x\nrules:\n  - id: a\n    drop: [&p '{pattern}', {aliases}]\n"
    )
    done = run_cli("rules", "check", tmp_path)
    assert_one_line_error(done, 2, "aliases", "4 MB")


def test_a_rule_whose_patterns_run_past_the_limit_is_refused(tmp_path):
    words = ", ".join(f"'^word{i:06d}$'" for i in range(9_000))
    (tmp_path / "x.yaml").write_text(f"ruleset: x\nrules:\n  - id: a\n    drop: [{words}]\n")
    done = run_cli("rules", "check", tmp_path)
    assert_one_line_error(done, 2, "100,000 characters")


def test_expanded_size_counts_each_use_and_stops_early():
    shared = ["x" * 100] * 10
    nested = [shared] * 1000  # 1,000,000 characters through 10 aliases
    assert fits_when_expanded({"a": shared}, 2_000)
    assert not fits_when_expanded({"a": nested}, 100_000)


def test_explain_escapes_what_its_output_encoding_cannot_hold(tmp_path):
    (tmp_path / "c.jsonl").write_text(
        '{"id": "j", "text": "Caf\\u00e9 \\ud800 lone words here."}\n'
    )
    done = run_cli("explain", tmp_path / "c.jsonl", "--id", "j", "--color", "never")
    assert done.returncode == 0, done.stderr
    (tmp_path / "u.txt").write_text("Café au lait — a “quoted” line of text.\n")
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "explain", str(tmp_path / "u.txt"), "--color", "never"],
        capture_output=True,
        check=False,
        env={"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert b"Caf\\xe9 au lait \\u2014" in done.stdout


def test_a_device_as_report_input_is_a_usage_error(tmp_path):
    done = run_cli("report", "/dev/zero", "-o", tmp_path / "r.html")
    assert_one_line_error(done, 2, "a device")


def test_an_empty_rules_path_is_a_usage_error():
    done = run_cli("clean", "-", "--rules", "", stdin=ARTICLE.encode())
    assert done.returncode == 2 and b"an empty path" in done.stderr


def test_a_folder_of_too_many_folders_is_not_a_rules_folder(tmp_path, monkeypatch):
    import cleaner.rule_files as rule_files
    from cleaner.errors import RuleError

    monkeypatch.setattr(rule_files, "MAX_RULE_DIRS", 3)
    for name in "abcde":
        (tmp_path / name).mkdir()
    with pytest.raises(RuleError, match="not a rules folder"):
        rule_files.rule_files([tmp_path])


@pytest.mark.parametrize(
    ("args", "redirect"),
    [(["clean", "-"], "0<&-"), (["clean", "{f}"], "1>&-"), (["explain", "{f}"], "1>&-")],
)
def test_a_closed_standard_stream_is_a_one_line_error(tmp_path, args, redirect):
    (tmp_path / "a.txt").write_text(ARTICLE)
    command = " ".join([sys.executable, "-m", "cleaner", *args]).format(f=tmp_path / "a.txt")
    done = subprocess.run(f"{command} {redirect}", shell=True, capture_output=True, check=False)
    assert_one_line_error(done, 1, "is closed")


def test_a_batch_with_stderr_closed_still_writes_its_output(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    command = f"{sys.executable} -m cleaner batch {tmp_path}/in.jsonl -o {tmp_path}/o.jsonl -j 1"
    done = subprocess.run(f"{command} 2>&-", shell=True, capture_output=True, check=False)
    assert done.returncode == 0
    assert (tmp_path / "o.jsonl").read_text().count("\n") == 1


def test_many_documents_of_one_id_are_numbered_in_linear_time():
    records = [Record(id="x", data="t", path="x.txt") for _ in range(20_000)]
    paths = [record.path for record in unique_paths(records)]
    assert paths[:3] == ["x.txt", "x~2.txt", "x~3.txt"] and paths[-1] == "x~20000.txt"
    assert len(set(paths)) == 20_000
