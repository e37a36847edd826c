"""Issue 15, found by the second hostile sweep: an output that must be one file but is an
existing directory is a usage error before the run (it failed after the whole run, naming
cleaner's temporary files), and a page nested past every parser depth limit keeps its text."""

import pytest
from cleaner import clean

from batch_corpus import read_jsonl, write_jsonl
from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


@pytest.fixture
def corpus(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "taken").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "{tmp}/in.jsonl", "-o", "{tmp}/out.jsonl", "--summary", "{tmp}/taken"],
        ["batch", "{tmp}/in.jsonl", "-o", "{tmp}/out.jsonl", "--report", "{tmp}/taken"],
        ["batch", "{tmp}/in.jsonl", "-o", "{tmp}/out.jsonl", "--errors", "{tmp}/taken"],
        ["clean", "{tmp}/a.txt", "--format", "jsonl", "-o", "{tmp}/taken"],
        ["clean", "{tmp}/a.txt", "-o", "{tmp}/out.txt", "--report", "{tmp}/taken"],
    ],
)
def test_a_file_output_that_is_a_directory_is_a_usage_error_before_the_run(corpus, args):
    done = run_cli(*(arg.format(tmp=corpus) for arg in args))
    assert_one_line_error(done, 2, "taken: is a directory")
    assert not (corpus / "out.jsonl").exists() and not (corpus / "out.txt").exists()
    assert [p.name for p in corpus.iterdir() if p.name.startswith(".")] == []


def test_a_jsonl_output_named_like_an_existing_directory_is_a_usage_error(corpus):
    (corpus / "out.jsonl").mkdir()
    done = run_cli("batch", corpus / "in.jsonl", "-o", corpus / "out.jsonl")
    assert_one_line_error(done, 2, "out.jsonl: is a directory")
    assert list((corpus / "out.jsonl").iterdir()) == []


def test_a_document_whose_output_file_is_a_directory_fails_alone(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(ARTICLE)
    (tmp_path / "out" / "a.txt").mkdir(parents=True)
    done = run_cli("batch", tmp_path / "in", "-o", tmp_path / "out", "-j", "1")
    assert done.returncode == 1
    assert (tmp_path / "out" / "b.txt").read_text() == ARTICLE
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["id"].endswith("a.txt") and "is a directory" in error["error"]


def test_clean_into_a_directory_whose_document_name_is_a_directory_is_a_usage_error(corpus):
    (corpus / "taken" / "a.txt").mkdir()
    done = run_cli("clean", corpus / "a.txt", "-o", corpus / "taken")
    assert_one_line_error(done, 2, "a.txt: is a directory")


@pytest.mark.parametrize("depth", [300, 3_000, 20_000])
def test_a_page_nested_past_every_parser_limit_keeps_its_text(depth):
    """libxml2 builds no tree below 256 elements (2,048 with huge_tree): the page gave an
    empty text with no word of why."""
    page = (
        f"<html><body>{'<div>' * depth}<p>{ARTICLE.strip()}</p><p>The vote was "
        f"<b>seven</b> to two.</p>{'</div>' * depth}</body></html>"
    )
    assert clean(page).text == ARTICLE + "The vote was seven to two.\n"


@pytest.mark.parametrize(
    "args",
    [
        ("batch", "in", "-o", "out.jsonl", "--summary", "in/a.txt"),
        ("batch", "in", "-o", "out.jsonl", "--report", "in/b.html"),
        ("batch", "in", "-o", "o", "--errors", "o/a.txt"),
        ("clean", "in", "-o", "o", "--report", "in/a.txt"),
        ("clean", "in", "-o", "o", "--report", "o/a.txt"),
        ("clean", "in", "--format", "jsonl", "-o", "in/a.txt"),
    ],
)
def test_an_output_file_inside_an_input_or_output_directory_is_refused(tmp_path, args):
    # it would replace a document (an input, or a cleaned one) or be read back as one
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The council met on Monday to approve the budget.\n")
    done = run_cli(*args, cwd=tmp_path)
    assert_one_line_error(done, 2, "lies inside the directory")
    assert (tmp_path / "in" / "a.txt").read_text().startswith("The council met")
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.txt"]
    assert not (tmp_path / "o").exists()
