"""`cleaner rules try` and the checks across rule files, on a small synthetic corpus: each
silent case of a rule author's loop (issue 18) gives a warning naming file, rule and line."""

import contextlib
import io
import json
import os
import pickle

import pytest
from cleaner.trial.report import headline

from batch_corpus import cli, write_jsonl

ARTICLE = [
    "The city council approved the new budget for the old bridge on Tuesday after a long debate.",
    "Engineers said the bridge would close for six months while the steel frame was replaced.",
    "The mayor said the cost would be shared with the regional government, which pays half.",
    "Residents who live near the river said they were glad the work would finally begin.",
]
FURNITURE = [
    "Skip to content",
    "World",
    "Sports",
    *ARTICLE,
    "Elsewhere on Example",
    "Tourist hurt by falling ceiling in old church",
    "Markets rally as oil prices fall",
    "Share options",
    "Facebook",
    "Share this:",
    "Advertisement",
]
TRIED = """
rules:
  - id: elsewhere
    category: related
    drop: '^Elsewhere on Example$'
    examples: {drop: ["Elsewhere on Example"]}
  - id: share-block
    category: share
    drop_block: {start: '^Share options$', end: '^Share this:$'}
    examples: {drop: ["Share options\\nFacebook\\nShare this:"]}
  - id: skip-link
    category: boilerplate
    drop: '^Skip to content$'
    examples: {drop: ["Skip to content"]}
  - id: residents
    category: boilerplate
    drop: '^Residents who live'
    examples: {drop: ["Residents who live here"]}
  - id: keep-ads
    protect: '^Advertisement$'
    examples: {keep: ["Advertisement"]}
  - id: classifieds
    category: navigation
    drop: '^classifieds \\+?$'
    examples: {drop: ["classifieds +"]}
"""
HAND = "outlet: examplenews\ndomains: [example.com]\n"
LEARNED = """outlet: example-com
domains: [example.com]
rules:
  - id: line-1
    category: boilerplate
    drop: '^Home Delivery$'
    examples: {drop: ["Home Delivery"]}
"""


def corpus(tmp_path, docs: int = 3):
    rows = [
        {
            "id": f"d{i}",
            "text": f"Council approves bridge budget number {i}\n" + "\n".join(FURNITURE),
            "url": f"https://www.example.com/{i}",
            "truth": "\n".join(ARTICLE),
        }
        for i in range(docs)
    ]
    return write_jsonl(tmp_path / "corpus.jsonl", rows)


def rule_dir(tmp_path, files: dict[str, str]):
    folder = tmp_path / "tried"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A folder, the tried rule files (TRIED and two outlet files) and the corpus."""
    tmp_path = tmp_path_factory.mktemp("try")
    tried = rule_dir(tmp_path, {"generic.yaml": TRIED, "hand.yaml": HAND, "learned.yaml": LEARNED})
    return tmp_path, tried, corpus(tmp_path)


def run_json(capsys, *args) -> dict:
    assert cli("rules", "try", *args, "--json", "-j", "1") == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def tried_report(report):
    """The JSON report of trying the files on the corpus, with its gold field."""
    tmp_path, tried, path = report
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(
            "rules",
            "try",
            tried,
            path,
            "--gold-field",
            "truth",
            "--json",
            "-j",
            "1",
            "--cache",
            tmp_path / "cache",
        )
    assert code == 0
    return json.loads(out.getvalue())


def changes(data: dict, rule: str) -> dict[tuple[str, str], int]:
    entry = next(r for r in data["rules"] if r["rule"] == rule)
    return {(c["change"], c["by"]): c["lines"] for c in entry["changes"]}


def warnings(data: dict, rule: str) -> list[str]:
    return [w["message"] for w in data["warnings"] if w["subject"] == rule]


def test_a_rule_is_credited_with_the_heuristic_it_sets_off(tried_report):
    assert changes(tried_report, "generic.elsewhere")[("taken", "generic.elsewhere")] == 3
    assert changes(tried_report, "generic.elsewhere")[("taken", "heuristic.related-list")] == 6
    [warning] = [w for w in warnings(tried_report, "generic.elsewhere") if "related-list" in w]
    assert "its category 'related' set off heuristic.related-list, which took 6 lines" in warning
    assert "Tourist hurt by falling ceiling" in warning


def test_a_rule_that_holds_a_heuristic_back_is_credited_with_what_comes_back(tried_report):
    given = changes(tried_report, "generic.skip-link")
    assert given[("given back", "heuristic.menu")] == 6  # World, Sports in 3 documents
    assert given[("already removed", "en.blog-chrome")] == 3
    assert any(
        "kept heuristic.menu from taking" in w for w in warnings(tried_report, "generic.skip-link")
    )


def test_a_block_whose_end_an_earlier_rule_takes_never_fires_and_says_so(tried_report):
    assert changes(tried_report, "generic.share-block") == {}
    messages = warnings(tried_report, "generic.share-block")
    assert any(
        "never fired: its start matched in 3 documents" in m
        and "removed first in 3 of them by common.widget-label ('Share this:')" in m
        for m in messages
    )
    assert any("is dropped first by common.widget-label" in m for m in messages)  # static


def test_gold_lines_a_rule_removes_are_counted_and_warned_of(tried_report):
    entry = next(r for r in tried_report["rules"] if r["rule"] == "generic.residents")
    assert entry["gold"]["lines"] == 3 and entry["gold"]["documents"] == 3
    assert any(
        "removes gold lines: 3 lines" in w for w in warnings(tried_report, "generic.residents")
    )


def test_a_protect_rule_shows_the_lines_it_covers_and_gives_back(tried_report):
    found = changes(tried_report, "generic.keep-ads")
    assert found[("protected", "generic.keep-ads")] == 3
    assert found[("given back", "common.advertisement-label")] == 3


def test_a_rule_that_matches_nothing_is_listed_with_no_changes(tried_report):
    assert changes(tried_report, "generic.classifieds") == {}


def test_two_outlet_ids_on_one_domain_are_warned_of(tried_report):
    [message] = warnings(tried_report, "outlet examplenews")
    assert "domain example.com is also claimed by outlet 'example-com'" in message
    where = next(
        w["where"] for w in tried_report["warnings"] if w["subject"] == "outlet examplenews"
    )
    assert where.endswith("hand.yaml:2")


def test_the_text_report_and_the_cached_base_run_say_the_same(report, capsys):
    tmp_path, tried, path = report
    args = ("rules", "try", tried, path, "--gold-field", "truth", "--cache", tmp_path / "cache2")
    assert cli(*args, "-j", "1") == 0
    first = capsys.readouterr().out
    assert list((tmp_path / "cache2").glob("*.pickle"))
    assert cli(*args, "-j", "1") == 0
    second = capsys.readouterr().out
    assert first.splitlines()[1:] == second.splitlines()[1:]
    assert "generic.classifieds  (" in first and "changes nothing on this corpus" in first
    assert "    heuristic.related-list: 6 lines in 3 documents" in first
    assert "WARN " in first and "generic.yaml:" in first


def test_the_cache_prunes_only_its_own_files_and_skips_a_damaged_one(report, capsys):
    tmp_path, tried, path = report
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    others = [folder / f"model{n}.pickle" for n in range(5)]
    for n, other in enumerate(others):
        other.write_bytes(b"p")
        os.utime(other, (n, n))  # older than any run the cache writes
    args = ("rules", "try", tried, path, "-j", "1", "--cache", folder)
    assert cli(*args) == 0
    first = capsys.readouterr().out
    [own] = folder.glob("rules-try-*.pickle")
    own.write_bytes(pickle.dumps(1))  # a file of another shape under the cache's name
    assert cli(*args) == 0
    assert capsys.readouterr().out.splitlines()[1:] == first.splitlines()[1:]
    assert all(other.exists() for other in others)


def test_a_cache_that_is_a_file_is_a_usage_error(report, capsys):
    _, tried, path = report
    assert cli("rules", "try", tried, path, "-j", "1", "--cache", path) == 2
    assert "not a directory" in capsys.readouterr().err


def test_workers_give_the_report_one_process_gives(tmp_path, capsys, monkeypatch):
    from cleaner.trial import work

    monkeypatch.setattr(work, "MIN_PARALLEL_DOCS", 1)
    monkeypatch.setattr(work, "CHUNK_DOCS", 2)
    tried = rule_dir(tmp_path, {"generic.yaml": TRIED})
    path = corpus(tmp_path, docs=5)
    one = run_json(capsys, tried, path, "--no-cache")
    assert cli("rules", "try", tried, path, "--no-cache", "--json", "-j", "2") == 0
    two = json.loads(capsys.readouterr().out)
    assert one["rules"] == two["rules"] and one["warnings"] == two["warnings"]


def test_rules_check_warns_across_files(tmp_path, capsys):
    tried = rule_dir(tmp_path, {"generic.yaml": TRIED, "hand.yaml": HAND, "learned.yaml": LEARNED})
    assert cli("rules", "check", tried) == 0
    out = capsys.readouterr().out
    assert "WARN " in out and "outlet examplenews: domain example.com is also claimed" in out
    assert (
        "generic.share-block: its end line 'Share this:' is dropped first by common.widget-label"
        in out
    )
    assert "generic.elsewhere: category 'related' sets off heuristic.related-list" in out
    assert "generic.keep-ads" not in out  # a protect rule sets nothing off


def test_the_headline_says_where_failed_documents_are_named():
    counts = {"documents": 8, "failed": 3, "changed": 2, "seconds": 0.5}
    assert headline(counts, 2) == (
        "# 2 tried rules on 8 documents (3 failed to read or clean; `cleaner batch` names "
        "them in its errors file): 2 documents change; 0.5 s"
    )
    assert "(0 failed to read or clean)" in headline(counts | {"failed": 0}, 2)
