"""--max-input-bytes, --time-limit and --option on `clean`, `explain` and `batch`, and an
unknown --outlet, are checked before any document is read (issue 15)."""

import pytest
from cleaner.limit_options import byte_count, option_pair, seconds

from batch_corpus import cli, read_jsonl, slow_text, write_jsonl
from test_article_span import PAGE

SHORT = "The council met on Monday to discuss the budget for the coming year.\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [("1", 1), ("2000", 2000), ("20M", 20_000_000), ("2kb", 2000), ("1T", 10**12)],
)
def test_byte_counts(text, value):
    assert byte_count(text) == value


@pytest.mark.parametrize("text", ["0", "-5", "", "M", "1.5M", "2T", "x"])
def test_bad_byte_counts_are_refused(text):
    with pytest.raises(Exception, match="not a byte count"):
        byte_count(text)


@pytest.mark.parametrize("text", ["-1", "nan", "inf", "ten", ""])
def test_bad_time_limits_are_refused(text):
    with pytest.raises(Exception, match="not a number of seconds"):
        seconds(text)


@pytest.mark.parametrize("command", ["clean", "explain", "batch"])
@pytest.mark.parametrize("flag", ["--max-input-bytes=0", "--time-limit=-2", "--time-limit=nan"])
def test_a_bad_limit_is_a_usage_error(tmp_path, capsys, command, flag):
    (tmp_path / "doc.txt").write_text(SHORT)
    output = ["-o", tmp_path / "out.jsonl"] if command == "batch" else []
    with pytest.raises(SystemExit) as stopped:
        cli(command, tmp_path / "doc.txt", *output, flag)
    assert stopped.value.code == 2
    assert flag.split("=")[0] in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_clean_refuses_a_document_over_max_input_bytes(tmp_path, capsys):
    (tmp_path / "doc.txt").write_text(SHORT)
    assert cli("clean", tmp_path / "doc.txt", "--max-input-bytes", "20") == 1
    assert "over the 20-byte limit" in capsys.readouterr().err
    assert cli("clean", tmp_path / "doc.txt", "--max-input-bytes", "1K") == 0


def test_explain_and_clean_take_a_time_limit(tmp_path, capsys):
    (tmp_path / "doc.txt").write_text(slow_text())
    assert cli("explain", tmp_path / "doc.txt", "--time-limit", "0.05") == 2  # as any error
    assert "over 0.05 s" in capsys.readouterr().err
    (tmp_path / "short.txt").write_text(SHORT)
    assert cli("clean", tmp_path / "short.txt", "--time-limit", "0") == 0
    assert capsys.readouterr().out == SHORT


def test_batch_passes_the_limits_to_its_workers(tmp_path):
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": "long", "text": slow_text()}, {"id": "big", "text": "x" * 5_000_001}]
        + [{"id": "ok", "text": SHORT}],
    )
    args = ["--time-limit", "0.05", "--max-input-bytes", "5M", "-j", "1"]
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", *args) == 1
    assert [row["id"] for row in read_jsonl(tmp_path / "out.jsonl")] == ["ok"]
    errors = {row["id"]: row["error"] for row in read_jsonl(tmp_path / "out.errors.jsonl")}
    assert "over 0.05 s" in errors["long"] and "5,000,000-byte limit" in errors[f"{source}:2"]


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_an_unknown_outlet_is_a_usage_error_naming_close_matches(tmp_path, capsys, command):
    (tmp_path / "doc.txt").write_text(SHORT)
    assert cli(command, tmp_path / "doc.txt", "--outlet", "wino") == 2
    err = capsys.readouterr().err
    assert "--outlet 'wino': unknown outlet (did you mean wion?)" in err
    assert "documents failed" not in err


def test_option_pairs_read_switches_numbers_and_none():
    assert option_pair("article_span=off") == ("article_span", False)
    assert option_pair(" comment_threads = Yes") == ("comment_threads", True)
    assert option_pair("caption_max_words=12") == ("caption_max_words", 12)
    assert option_pair("near_duplicate_jaccard=0.8") == ("near_duplicate_jaccard", 0.8)
    assert option_pair("doc_time_limit_s=none") == ("doc_time_limit_s", None)
    for text in ("article_span", "=1", ""):
        with pytest.raises(Exception, match="is not NAME=VALUE"):
            option_pair(text)


@pytest.mark.parametrize("command", ["clean", "explain", "batch"])
@pytest.mark.parametrize(
    ("flag", "problem"),
    [
        ("article_spam=off", "unknown option 'article_spam'; did you mean 'article_span'?"),
        ("comment_threads=maybe", "option comment_threads: expected True or False"),
    ],
)
def test_a_bad_option_is_a_usage_error(tmp_path, capsys, command, flag, problem):
    (tmp_path / "doc.txt").write_text(SHORT)
    output = ["-o", tmp_path / "out.jsonl"] if command == "batch" else []
    assert cli(command, tmp_path / "doc.txt", *output, "--option", flag) == 2
    assert problem in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_an_option_switches_a_stage_off_in_clean_and_batch(tmp_path, capsys):
    (tmp_path / "page.txt").write_text("\n".join(PAGE) + "\n")
    assert cli("clean", tmp_path / "page.txt") == 0
    spanned = capsys.readouterr().out
    assert cli("clean", tmp_path / "page.txt", "--option", "article_span=off") == 0
    unspanned = capsys.readouterr().out
    assert len(unspanned.splitlines()) > len(spanned.splitlines())
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "page", "text": "\n".join(PAGE)}])
    args = ["-o", tmp_path / "out.jsonl", "-j", "1", "--option", "article_span=0"]
    assert cli("batch", source, *args) == 0
    assert read_jsonl(tmp_path / "out.jsonl")[0]["text"] == unspanned
