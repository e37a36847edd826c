"""The report's data, computed from a results file: reading (bad lines counted, never
fatal), the document view, the counts, the rule candidates, sampling and the page's escaping."""

import gzip
import json

import pytest
import yaml
from cleaner.document import Edit, Removal
from cleaner.errors import UsageError
from cleaner.report import results as results_module
from cleaner.report.build import build_report
from cleaner.report.page import embedded_json, render_page
from cleaner.report.results import Skips, read_results
from cleaner.report.view import document_view

from report_corpus import expected_counts, write_results


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


GOOD = json.dumps({"id": "a", "text": "kept\n", "removed": [], "edits": []})


def test_bad_lines_are_counted_by_reason_and_skipped(tmp_path):
    path = write_lines(
        tmp_path / "r.jsonl",
        [
            GOOD,
            "{not json",
            "[1, 2]",
            json.dumps({"id": "b", "text": "x"}),
            json.dumps({"id": "c", "error": "binary"}),
            json.dumps({"id": "d", "text": "x", "removed": [{"line": "1"}], "edits": []}),
            "",
            GOOD,
        ],
    )
    skips = Skips()
    docs = list(read_results(path, skips))
    assert [doc.id for doc in docs] == ["a", "a"]
    assert skips.counts == {
        "not JSON": 1,
        "not a JSON object": 1,
        "without removed/edits (write them with `cleaner batch --changes`)": 1,
        "failed documents (error records)": 1,
        "with a malformed removal (needs line, text, rule, category)": 1,
    }
    assert "line 2" in skips.summary()


def test_a_huge_line_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(results_module, "MAX_LINE_BYTES", 1000)
    path = write_lines(tmp_path / "r.jsonl", [GOOD, json.dumps({"text": "x" * 5000}), GOOD])
    skips = Skips()
    assert len(list(read_results(path, skips))) == 2
    assert list(skips.counts.values()) == [1] and skips.examples[next(iter(skips.counts))] == [2]


def test_gzip_results_and_a_truncated_gzip(tmp_path):
    path = tmp_path / "r.jsonl.gz"
    lines = [
        json.dumps({"id": f"{i * 7919 % 1000:x}" * 20, "text": "x", "removed": [], "edits": []})
        for i in range(200)
    ]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path.write_bytes(data)
    assert len(list(read_results(path, Skips()))) == 200
    path.write_bytes(data[: len(data) // 2])
    skips = Skips()
    assert 0 < len(list(read_results(path, skips))) < 200
    assert list(skips.counts) == ["where the compressed file breaks off"]


def test_no_usable_document_is_a_usage_error(tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [json.dumps({"id": 1, "text": "x"})])
    with pytest.raises(UsageError, match="no document to report on: 1 without removed/edits"):
        build_report(path)


def test_view_places_removed_lines_by_input_number_across_blank_lines():
    removed = [Removal(2, "Share this", "common.share", "share")]
    entries, exact = document_view(["Title", "Body"], [1, 5], removed, [])
    assert exact and entries == [[1, "Title"], [2, "Share this", "common.share"], [5, "Body"]]


def test_view_without_kept_lines_fills_the_lines_no_removal_took():
    removed = [Removal(2, "Share this", "common.share", "share")]
    entries, exact = document_view(["Title", "Body"], None, removed, [])
    assert not exact and entries == [[1, "Title"], [2, "Share this", "common.share"], [3, "Body"]]


def test_view_marks_edits_as_before_and_after_in_place():
    edits = [
        Edit(1, 0, "  ", "", "whitespace.trim"),
        Edit(1, 5, "said", " said", "glue.word"),
    ]
    entries, _ = document_view(["Biden said so"], [1], [], edits)
    assert entries == [
        [1, [["  ", "", ["whitespace.trim"]], "Biden", ["said", " said", ["glue.word"]], " so"]]
    ]


def test_view_of_edits_that_do_not_replay_shows_the_text_plain():
    entries, _ = document_view(["abc"], [1], [], [Edit(1, 0, "x", "zzz", "r")])
    assert entries == [[1, "abc"]]


def test_counts_equal_those_computed_from_the_records(tmp_path):
    records = write_results(tmp_path / "r.jsonl", 300)
    data, skips = build_report(tmp_path / "r.jsonl")
    expected = expected_counts(records)
    docs, lines, removed, _, words_removed, edits = data["total"]
    assert (docs, lines, removed, words_removed, edits) == (
        expected["docs"],
        expected["lines"],
        expected["lines_removed"],
        expected["words_removed"],
        expected["edits"],
    )
    rules = {row[0]: row for row in data["rules"]}
    for rule, count in expected["rule_lines"].items():
        assert rules[rule][2] == count and rules[rule][5] == expected["rule_docs"][rule]
    assert rules["whitespace.trim"][4] == expected["edits"]
    assert sum(row[1] for row in data["outlets"]) == 300
    assert {row[0] for row in data["outlets"]} == {"alpha", "beta", "site2.example"}
    assert len(data["docs"]) == 300 and skips.total() == 0


def test_suspicious_documents_are_flagged(tmp_path):
    write_results(tmp_path / "r.jsonl", 100)
    data, _ = build_report(tmp_path / "r.jsonl")
    flagged = {doc["id"]: doc["f"] for doc in data["docs"] if doc["f"]}
    assert "long-line-removed" in flagged["doc-50"]
    assert data["flagged"] == len(flagged) and "nearly-empty" in data["by_flag"]


def test_kept_lines_recurring_in_an_outlet_are_rule_candidates_as_learn_writes_them(tmp_path):
    write_results(tmp_path / "r.jsonl", 60)
    data, _ = build_report(tmp_path / "r.jsonl")
    by_group = {(c["by"], c["group"]): c for c in data["candidates"]}
    alpha = by_group[("outlet", "alpha")]
    assert alpha["lines"][0] == ["Follow us for more stories", 20]
    rules = yaml.safe_load(alpha["yaml"])
    assert rules["outlet"] == "alpha" and rules["rules"][0]["examples"]["drop"] == [
        "Follow us for more stories"
    ]
    assert ("domain", "site2.example") in by_group


def test_candidates_are_the_lines_and_rule_file_that_learn_writes(tmp_path):
    from cleaner.batch.learn import Learner
    from cleaner.batch.line_counts import MIN_DOCS, MIN_SHARE

    records = write_results(tmp_path / "r.jsonl", 60)
    learner = Learner("outlet")
    for rec in records:
        learner.add_document(rec["text"], rec["url"], rec["outlet"], rec["lang"])
    learn_dir = tmp_path / "learned"
    learner.write_rules(learn_dir, MIN_DOCS, MIN_SHARE)
    data, _ = build_report(tmp_path / "r.jsonl")
    for candidate in data["candidates"]:
        learned = learner.learned(MIN_DOCS, MIN_SHARE)[candidate["group"]]
        assert candidate["lines"] == [[line.text, line.docs] for line in learned]
        written = (learn_dir / f"learned-{candidate['group'].replace('.', '-')}.yaml").read_text()
        assert yaml.safe_load(candidate["yaml"]) == yaml.safe_load(written)
    assert {c["group"] for c in data["candidates"]} == set(learner.learned(MIN_DOCS, MIN_SHARE))


def test_a_large_corpus_is_sampled_within_the_budget(tmp_path):
    write_results(tmp_path / "r.jsonl", 2000)
    data, _ = build_report(tmp_path / "r.jsonl", budget=60_000)
    size = sum(len(json.dumps(doc, ensure_ascii=False).encode()) for doc in data["docs"])
    assert 0 < len(data["docs"]) < 2000 and size <= 60_000
    assert data["total"][0] == 2000
    carried = {doc["id"] for doc in data["docs"]}
    assert {"doc-0", "doc-50"} <= carried  # the suspicious ones first


def test_hostile_text_cannot_end_the_data_script():
    data = {"id": "</script><script>alert(1)</script>", "t": "<!-- \u2028"}
    text = embedded_json(data)
    assert "<" not in text and json.loads(text) == data
    page = render_page({"docs": [], "x": data}, "</title><b>").decode()
    assert page.count("<script") == 2 and "</title><b>" not in page
    assert "default-src 'none'" in page


def test_candidates_are_counted_in_the_first_documents_of_a_large_group(tmp_path, monkeypatch):
    from cleaner.report import candidates

    monkeypatch.setattr(candidates, "MAX_DOCS_PER_GROUP", 10)
    write_results(tmp_path / "r.jsonl", 90)
    data, _ = build_report(tmp_path / "r.jsonl")
    alpha = next(c for c in data["candidates"] if c["group"] == "alpha")
    assert (alpha["docs"], alpha["of"]) == (10, 30) and alpha["lines"][0][1] == 10
