"""`cleaner report`, `cleaner batch --report` and `cleaner explain --format html`, run as a
user runs them: pages written atomically where asked, bad input as one line, never a
traceback."""

import json

from conftest import SEEDS, assert_one_line_error, run_cli
from report_corpus import write_results


def page_data(path):
    """The JSON the page embeds."""
    page = path.read_text(encoding="utf-8")
    start = page.index("<script type=application/json id=report-data>") + 45
    return json.loads(page[start : page.index("</script>", start)])


def test_report_writes_one_page_and_says_what_it_skipped(tmp_path):
    write_results(tmp_path / "r.jsonl", 40)
    with (tmp_path / "r.jsonl").open("a") as out:
        out.write("{broken\n")
    done = run_cli("report", tmp_path / "r.jsonl", "-o", tmp_path / "page.html")
    assert done.returncode == 0, done.stderr
    assert b"skipped 1 not JSON (line 41)" in done.stderr
    assert page_data(tmp_path / "page.html")["total"][0] == 40
    assert [p.name for p in tmp_path.iterdir()] != [] and not list(tmp_path.glob(".*.tmp"))


def test_report_of_a_file_without_changes_says_how_to_make_one(tmp_path):
    (tmp_path / "r.jsonl").write_text('{"id": 1, "text": "x"}\n')
    done = run_cli("report", tmp_path / "r.jsonl", "-o", tmp_path / "page.html")
    assert_one_line_error(done, 2, "cleaner batch --changes")
    assert not (tmp_path / "page.html").exists()


def test_report_of_a_missing_file_or_onto_its_input_is_a_usage_error(tmp_path):
    assert_one_line_error(run_cli("report", tmp_path / "none.jsonl", "-o", tmp_path / "p.html"), 2)
    write_results(tmp_path / "r.jsonl", 3)
    done = run_cli("report", tmp_path / "r.jsonl", "-o", tmp_path / "r.jsonl")
    assert_one_line_error(done, 2)
    assert_one_line_error(run_cli("report", tmp_path / "r.jsonl", "-o", tmp_path), 2, "directory")


def test_report_to_standard_output_writes_no_file_named_dash(tmp_path):
    write_results(tmp_path / "r.jsonl", 3)
    done = run_cli("report", "r.jsonl", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!doctype html>") and b"report-data" in done.stdout
    assert b"written to standard output" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.jsonl"]


def test_report_to_a_compressed_name_or_past_a_readonly_folder_is_one_line(tmp_path):
    write_results(tmp_path / "r.jsonl", 3)
    done = run_cli("report", tmp_path / "r.jsonl", "-o", tmp_path / "page.html.gz")
    assert_one_line_error(done, 2, "compressed output is not written")
    done = run_cli("report", tmp_path / "r.jsonl", "-o", "/proc/version")
    assert done.returncode != 0 and b"/proc/version" in done.stderr and b".tmp" not in done.stderr


def test_binary_results_are_one_line_not_a_traceback(tmp_path):
    (tmp_path / "r.jsonl").write_bytes(b"\x00\xff\xfe" * 1000 + b"\n\x89PNG\n")
    done = run_cli("report", tmp_path / "r.jsonl", "-o", tmp_path / "page.html")
    assert_one_line_error(done, 2, "not JSON")


def test_batch_report_writes_the_page_of_its_run(tmp_path):
    source = tmp_path / "in.jsonl"
    with source.open("w") as out:
        for seed in sorted(SEEDS.glob("*.txt"))[:4]:
            out.write(json.dumps({"id": seed.name, "text": seed.read_text()}) + "\n")
    done = run_cli(
        "batch",
        source,
        "-o",
        tmp_path / "out.jsonl",
        "--jobs",
        "1",
        "--report",
        tmp_path / "r.html",
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert all("kept_lines" in r and "removed" in r for r in records)  # --report implies --changes
    data = page_data(tmp_path / "r.html")
    assert data["total"][0] == 4 and data["total"][2] == sum(len(r["removed"]) for r in records)


def test_batch_report_needs_a_jsonl_output(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "x"}\n')
    done = run_cli("batch", source, "-o", tmp_path / "out", "--report", tmp_path / "r.html")
    assert_one_line_error(done, 2, "--report needs a .jsonl output")


def test_explain_html_shows_the_document_view(tmp_path):
    seed = next(s for s in sorted(SEEDS.glob("*.txt")) if s.name.startswith("003"))
    done = run_cli("explain", seed, "--format", "html")
    assert done.returncode == 0, done.stderr
    (tmp_path / "e.html").write_bytes(done.stdout)
    data = page_data(tmp_path / "e.html")
    assert data["mode"] == "document"
    removed = [entry for entry in data["docs"][0]["v"] if len(entry) == 3]
    assert {entry[2] for entry in removed} == {"en.preferred-source", "en.also-read"}
