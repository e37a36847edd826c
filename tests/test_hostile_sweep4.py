"""Issue 15, a fourth hostile sweep: `learn -o FILE` refused before the run, output suffixes
told in any case, files in an input directory that are no regular files reported, lines of
invisible format characters only treated as blank, and SIGTERM ending a batch as Ctrl-C does."""

import os

import pytest
from cleaner import clean

from batch_corpus import read_jsonl, write_jsonl
from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


def test_an_output_suffix_in_capitals_is_jsonl_as_an_input_suffix_is(tmp_path):
    write_jsonl(tmp_path / "in.JSONL", [{"id": "a", "text": ARTICLE}, {"id": "b", "text": 1}])
    done = run_cli("batch", tmp_path / "in.JSONL", "-o", tmp_path / "out.JSONL", "-j", "1")
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "out.JSONL").is_file()
    assert [r["text"] for r in read_jsonl(tmp_path / "out.JSONL")] == [ARTICLE]
    assert [r["id"] for r in read_jsonl(tmp_path / "out.errors.jsonl")] == ["b"]


@pytest.mark.parametrize("command", ["learn", "batch"])
def test_a_directory_output_that_is_a_file_is_refused_before_any_input_is_read(tmp_path, command):
    """learn found it only when it wrote its rules, after the whole run. The input is a
    FIFO no one writes to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    (tmp_path / "taken").write_text("mine\n")
    done = run_cli(command, tmp_path / "in.jsonl", "-o", tmp_path / "taken", "-j", "1")
    assert_one_line_error(done, 2, "taken: File exists", "name a directory")
    assert (tmp_path / "taken").read_text() == "mine\n"


FORMAT_ONLY_LINES = [
    "\u200e",
    "\u200f\u200e",
    "\u202a\u202b\u202c\u202d\u202e",
    " \u2066\u2067 \u2068\u2069 ",
    "\ufeff",
    "\u200b\u200c\u200d",
    "\u2060",
    "\u00ad",
]


@pytest.mark.parametrize("blank", FORMAT_ONLY_LINES)
def test_a_line_of_format_characters_only_is_blank_and_its_removal_is_recorded(blank):
    second = "The vote was seven to two, with one member absent from the chamber.\n"
    result = clean(ARTICLE + blank + "\n" + second)
    assert result.text == ARTICLE + second
    edits = [e for e in result.edits if e.line == 2]
    assert "".join(e.before for e in edits) == blank  # every character went by a rule
    assert {e.rule for e in edits} in ({"whitespace.format-only"}, {"repair.encoding"})


def test_joiners_inside_words_and_emoji_stay():
    persian = "\u0646\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a ZWNJ inside the word
    family = f"The family \U0001f468\u200d\U0001f469\u200d\U0001f467 moved ({persian}).\n"
    result = clean(ARTICLE + family)
    assert result.text == ARTICLE + family
    assert [e for e in result.edits if e.rule == "whitespace.format-only"] == []
