"""`cleaner explain CORPUS --id ID` reads and cleans a record exactly as `cleaner batch` does:
its text, URL (so its outlet) and language fields."""

from batch_corpus import cli, read_jsonl, write_jsonl

OUTLET = """outlet: examplenews
domains: [example-news.com]
rules:
  - id: app-prompt
    category: promo
    drop: '^Get the Example News app\\b'
    examples: {drop: ["Get the Example News app for alerts"]}
"""
TEXT = (
    "The council voted on Monday to close the old bridge for repairs next spring.\n"
    "Get the Example News app for breaking alerts\n"
    "Engineers said the work would take six months and cost more than planned.\n"
    "Advertisement\n"
)


def corpus(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "examplenews.yaml").write_text(OUTLET, encoding="utf-8")
    rows = [
        {"id": "other", "text": "Nothing to see here today.", "url": None},
        {"id": "a-1", "text": TEXT, "url": "https://www.example-news.com/a-1", "language": "en"},
    ]
    return rules, write_jsonl(tmp_path / "corpus.jsonl", rows)


def removed_lines(explained: str) -> list[str]:
    return [line.split("] ", 1)[1] for line in explained.splitlines() if line.startswith("- [")]


def test_explain_of_a_record_agrees_with_batch_on_its_outlet_and_removals(tmp_path, capsys):
    rules, path = corpus(tmp_path)
    fields = ("--lang-field", "language")
    out = tmp_path / "out.jsonl"
    assert cli("batch", path, "-o", out, "--changes", "--rules", rules, "-j", "1", *fields) == 0
    capsys.readouterr()
    batch = next(r for r in read_jsonl(out) if r["id"] == "a-1")
    assert cli("explain", path, "--id", "a-1", "--rules", rules, "--color", "never", *fields) == 0
    shown = capsys.readouterr()
    assert batch["outlet"] == "examplenews"  # chosen by the record's URL
    assert f"outlet={batch['outlet']}" in shown.err and f"lang={batch['lang']}" in shown.err
    assert removed_lines(shown.out) == [r["text"] for r in batch["removed"]]
    assert "Get the Example News app for breaking alerts" in removed_lines(shown.out)


def test_explain_of_a_corpus_without_an_id_is_a_usage_error(tmp_path, capsys):
    _, path = corpus(tmp_path)
    assert cli("explain", path) == 2
    assert "name one with --id ID" in capsys.readouterr().err


def test_explain_of_an_unknown_id_names_it(tmp_path, capsys):
    _, path = corpus(tmp_path)
    assert cli("explain", path, "--id", "nope") == 2
    assert "no record with id 'nope'" in capsys.readouterr().err


def test_explain_of_an_unknown_id_in_a_directory_shows_what_ids_look_like(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d1.txt").write_text("The council met on Monday about the budget.\n")
    assert cli("explain", tmp_path / "in", "--id", "d1") == 2
    assert f"ids here look like '{tmp_path / 'in' / 'd1.txt'}'" in capsys.readouterr().err


def test_explain_url_overrides_the_record_url(tmp_path, capsys):
    rules, path = corpus(tmp_path)
    assert cli("explain", path, "--id", "a-1", "--rules", rules, "--url", "https://x.org/") == 0
    assert "outlet=None" in capsys.readouterr().err


def test_explain_of_a_binary_file_names_the_file(tmp_path, capsys):
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    assert cli("explain", tmp_path / "bin.txt") == 2
    assert capsys.readouterr().err.startswith(
        f"cleaner: {tmp_path / 'bin.txt'}: input contains NUL"
    )
