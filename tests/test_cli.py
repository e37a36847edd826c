"""The `cleaner` command, run as a subprocess the way users run it."""

import json

import pytest

from conftest import GOLDEN, SEEDS, assert_one_line_error, run_cli

SEED_003 = SEEDS / "003_2f03f54e6a2667db.txt"


def test_clean_one_file_prints_the_clean_text():
    done = run_cli("clean", SEED_003)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == (GOLDEN / SEED_003.name).read_text(encoding="utf-8")


def test_clean_reads_stdin():
    done = run_cli("clean", "-", stdin=SEED_003.read_bytes())
    assert done.returncode == 0 and b"Preferred Source" not in done.stdout


def test_clean_directory_into_a_mirrored_directory(tmp_path):
    done = run_cli("clean", SEEDS, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for golden in GOLDEN.glob("*.txt"):
        cleaned = (tmp_path / "out" / golden.name).read_text(encoding="utf-8")
        assert cleaned == golden.read_text(encoding="utf-8")


def test_clean_reads_gzipped_documents_as_batch_does_and_names_a_broken_one(tmp_path):
    import gzip

    source = tmp_path / "in" / "news"
    source.mkdir(parents=True)
    (source / "a.txt.gz").write_bytes(gzip.compress(SEED_003.read_bytes()))
    (source / "b.html.gz").write_bytes(b"not gzip at all")
    (source / "notes.md").write_text("not a document")
    done = run_cli("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert done.returncode == 1
    assert (tmp_path / "out" / "news" / "a.txt").read_bytes() == (
        GOLDEN / SEED_003.name
    ).read_bytes()
    assert sorted(p.name for p in (tmp_path / "out" / "news").iterdir()) == ["a.txt"]
    assert "b.html.gz: cannot read: not valid gzip" in done.stderr.decode()


def test_clean_one_file_to_an_output_file(tmp_path):
    done = run_cli("clean", SEED_003, "-o", tmp_path / "clean.txt")
    assert done.returncode == 0
    assert (tmp_path / "clean.txt").read_bytes() == (GOLDEN / SEED_003.name).read_bytes()


def test_jsonl_output_and_report(tmp_path):
    done = run_cli(
        "clean",
        SEEDS / "004_897e2be7a6219180.txt",
        SEED_003,
        "--format",
        "jsonl",
        "--report",
        tmp_path / "report.jsonl",
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["outlet"] for r in records] == ["themoscowtimes", "wion"]
    report = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text().splitlines()]
    assert {r["rule"] for r in report[1]["removed"]} == {"en.preferred-source", "en.also-read"}


def test_report_to_stdout_with_the_text_in_a_file(tmp_path):
    done = run_cli("clean", SEED_003, "-o", tmp_path / "clean.txt", "--report", "-")
    assert done.returncode == 0, done.stderr
    [report] = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert {r["rule"] for r in report["removed"]} == {"en.preferred-source", "en.also-read"}
    assert (tmp_path / "clean.txt").read_bytes() == (GOLDEN / SEED_003.name).read_bytes()


@pytest.mark.parametrize("output", [[], ["-o", "-"]])
def test_report_and_text_both_on_stdout_is_a_usage_error(output):
    done = run_cli("clean", SEED_003, *output, "--report", "-")
    assert_one_line_error(done, 2, "--report -", "standard output")
    assert not done.stdout


def test_outlet_and_extra_rules_options(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "rules:\n  - id: kicker\n    category: promo\n    drop: '^\\W?Behind you'\n"
        "    examples: {drop: [Behind you]}\n",
        encoding="utf-8",
    )
    done = run_cli("clean", SEED_003, "--rules", tmp_path, "--outlet", "wion")
    assert done.returncode == 0 and "Behind you are Pyongyang" not in done.stdout.decode()


def test_explain_marks_removals_and_edits():
    done = run_cli("explain", SEEDS / "001_86a2857e57a283f7.txt")
    out = done.stdout.decode()
    assert done.returncode == 0
    assert "{Putinin -> Putin in | glue.word}" in out
    assert "- [en.agency-information-credit · credit] (With information from EFE and AFP)" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_explain_colour_on_request():
    assert b"\x1b[31m" in run_cli("explain", SEED_003, "--color", "always").stdout


def test_rules_check_passes_on_bundled_rules():
    done = run_cli("rules", "check")
    assert done.returncode == 0 and b" 0 failed; 0 patterns slow" in done.stdout
    assert b"; 0 not prefiltered" in done.stdout


def test_rules_check_notes_a_pattern_the_prefilter_cannot_take(tmp_path):
    (tmp_path / "twice.yaml").write_text(
        "rules:\n  - id: twice\n    category: boilerplate\n    drop: '^(\\w+) \\1$'\n"
        "    examples: {drop: [bye bye], keep: [bye now]}\n",
        encoding="utf-8",
    )
    done = run_cli("rules", "check", tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 0  # slower, not wrong
    assert (
        "NOTE " in out and "twice.yaml:4: rule twice.twice" in out and "; 1 not prefiltered" in out
    )


def test_rules_check_reports_a_failing_example(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "rules:\n  - id: ad\n    category: advertisement\n    drop: '^Ad$'\n"
        "    examples: {drop: [Advertisement], keep: [Ad]}\n",
        encoding="utf-8",
    )
    done = run_cli("rules", "check", tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 1
    assert "FAIL bad.ad_drop1" in out and "FAIL bad.ad_keep1" in out


def test_malformed_rules_exit_2_with_one_line(tmp_path):
    (tmp_path / "broken.yaml").write_text("rules: [\n", encoding="utf-8")
    done = run_cli("rules", "check", tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and "broken.yaml" in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_failed_document_does_not_stop_the_others(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED_003.read_bytes())
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    done = run_cli("clean", inputs, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert (
        b"binary.txt: input contains NUL bytes" in done.stderr and b"Traceback" not in done.stderr
    )
    assert (tmp_path / "out" / "good.txt").exists() and not (
        tmp_path / "out" / "binary.txt"
    ).exists()
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_missing_input_is_a_usage_error():
    done = run_cli("clean", "/no/such/file.txt")
    assert done.returncode == 2 and b"no such file or directory" in done.stderr


def test_several_inputs_to_stdout_need_an_output():
    done = run_cli("clean", SEED_003, SEED_003)
    assert done.returncode == 2 and b"need -o" in done.stderr


def test_no_command_prints_help_and_exits_2():
    done = run_cli()
    assert done.returncode == 2 and b"usage: cleaner" in done.stderr


def test_outputs_get_ordinary_file_permissions(tmp_path):
    done = run_cli(
        "clean", SEED_003, "-o", tmp_path / "clean.txt", "--report", tmp_path / "r.jsonl"
    )
    assert done.returncode == 0
    for name in ("clean.txt", "r.jsonl"):
        assert (tmp_path / name).stat().st_mode & 0o044, f"{name} is readable by its owner only"


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = run_cli("clean", SEED_003, "-o", blocker / "sub" / "clean.txt")
    assert done.returncode == 1
    assert done.stderr.decode().count("\n") == 1 and b"Traceback" not in done.stderr


def test_rules_check_reports_a_pattern_that_backtracks_catastrophically(tmp_path):
    (tmp_path / "slow.yaml").write_text(
        "rules:\n  - id: click\n    category: navigation\n"
        "    drop: '(?i)^(?=.{0,250}$)(?:\\S*+\\s+){0,45}?(?:click here|hier klicken)'\n"
        "    examples: {drop: [Just click here], keep: [The click was loud]}\n",
        encoding="utf-8",
    )
    done = run_cli("rules", "check", tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 1
    assert "SLOW " in out and "rule slow.click" in out and "slow.yaml:4" in out
    assert "1 patterns slow on adversarial lines" in out
