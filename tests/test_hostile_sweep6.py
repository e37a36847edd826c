"""Issue 15, a sixth hostile sweep: `-o -` standard output for `clean` and refused by `batch`
and `learn`, which wrote a file or directory named '-'; compressed output names refused by
`clean` as by `batch`; `learn -o DIR` replacing only its own earlier files; a time limit
whose DocumentTimeout was lost in a __del__ or GC callback raised again."""

import gc
import os
import sys
import time

import pytest
from cleaner import Cleaner
from cleaner.batch.learn_output import MANIFEST
from cleaner.errors import DocumentTimeout

from batch_corpus import cli, write_jsonl
from conftest import assert_one_line_error, run_cli, tree

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"


@pytest.mark.parametrize(
    ("command", "option"),
    [
        ("batch", "-o"),
        ("batch", "--errors"),
        ("batch", "--summary"),
        ("batch", "--report"),
        ("learn", "-o"),
    ],
)
def test_standard_output_for_batch_and_learn_is_refused_before_any_input_is_read(
    tmp_path, command, option
):
    """`batch in.jsonl -o -` wrote a directory named '-'. The input is a FIFO no one writes
    to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    output = [] if option == "-o" else ["-o", "out.jsonl"]
    done = run_cli(command, "in.jsonl", *output, option, "-", "-j", "1", cwd=tmp_path)
    assert_one_line_error(done, 2, f"{option} -: batch and learn write files", "name a file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize("form", [[], ["--format", "jsonl"]])
def test_clean_writes_dash_output_to_standard_output(tmp_path, form):
    """`clean a.txt -o -` wrote a file named '-', though `--format jsonl -o -` streamed."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = run_cli("clean", "a.txt", "-o", "-", *form, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert ARTICLE.strip().encode() in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_clean_of_several_inputs_to_dash_needs_an_output_directory(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    done = run_cli("clean", "a.txt", "b.txt", "-o", "-", cwd=tmp_path)
    assert_one_line_error(done, 2, "several inputs need -o OUTPUT_DIR")


@pytest.mark.parametrize(
    ("form", "name"),
    [
        (["-o"], "clean.txt.gz"),
        (["-o"], "clean.TXT.ZST"),
        (["--format", "jsonl", "-o"], "clean.jsonl.bz2"),
        (["--report"], "report.jsonl.xz"),
    ],
)
def test_clean_refuses_a_compressed_output_name_before_reading_its_input(tmp_path, form, name):
    """`clean in.txt -o clean.txt.gz` wrote plain text under a compressed name. The input is
    a FIFO no one writes to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.txt")
    done = run_cli("clean", "in.txt", *form, name, cwd=tmp_path)
    plain = name.rsplit(".", 1)[0]
    assert_one_line_error(done, 2, name, "compressed output is not written", f"gzip {plain}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_clean_refuses_a_compressed_output_directory_name(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    done = run_cli("clean", "in", "-o", "out.gz", cwd=tmp_path)
    assert_one_line_error(done, 2, "out.gz: compressed output is not written")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def site_corpus(path, host: str):
    """Six documents of `host`, each with the site's boilerplate line: learn makes a rule
    file `learned-<host>.yaml` of it."""
    rows = [
        {
            "id": f"{host}-{i}",
            "text": f"{ARTICLE.strip()} Story {'abcdef'[i]}.\nSubscribe to {host} today\n",
            "url": f"https://{host}/news/{i}",
        }
        for i in range(6)
    ]
    return write_jsonl(path, rows)


def learned_names(out_dir) -> list[str]:
    return sorted(p.name for p in out_dir.iterdir())


def test_a_second_learn_replaces_the_rule_files_the_first_wrote(tmp_path):
    """The first run's learned-one-example.yaml stayed beside the second's, and `--rules
    DIR` loaded both."""
    out = tmp_path / "learned"
    assert cli("learn", site_corpus(tmp_path / "one.jsonl", "one.example"), "-o", out) == 0
    assert "learned-one-example.yaml" in learned_names(out)
    assert cli("learn", site_corpus(tmp_path / "two.jsonl", "two.example"), "-o", out) == 0
    assert learned_names(out) == [
        MANIFEST,
        "learned-corpus-names.yaml",
        "learned-two-example.yaml",
    ]


@pytest.mark.parametrize("name", ["mine.yaml", "notes.txt", "sub"])
def test_learn_refuses_a_directory_holding_what_it_did_not_write_before_reading(tmp_path, name):
    """The input is a FIFO no one writes to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    out = tmp_path / "learned"
    out.mkdir()
    (out / "learned-old.yaml").write_text("ruleset: old\n")  # no manifest lists it either
    if name == "sub":
        (out / name).mkdir()
    else:
        (out / name).write_text("mine\n")
    before = tree(out)
    done = run_cli("learn", "in.jsonl", "-o", "learned", "-j", "1", cwd=tmp_path)
    assert_one_line_error(done, 2, "not written by `cleaner learn`", "choose another -o")
    assert tree(out) == before


def test_learn_refuses_a_rule_file_it_wrote_but_someone_edited(tmp_path):
    """Reviewing and editing learned files in place is the documented workflow: a rerun
    must not throw the edits away."""
    source = site_corpus(tmp_path / "one.jsonl", "one.example")
    out = tmp_path / "learned"
    assert cli("learn", source, "-o", out) == 0
    edited = out / "learned-one-example.yaml"
    edited.write_text(edited.read_text() + "# reviewed\n")
    before = tree(out)
    done = run_cli("learn", source, "-o", out, "-j", "1")
    assert_one_line_error(done, 2, "learned-one-example.yaml: not written by", "or edited since")
    assert tree(out) == before


LIMIT_S = 0.2


def busy(seconds: float) -> None:
    """Run Python bytecode for `seconds`: an alarm due meanwhile fires in here."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


class SlowFinalizer:
    def __del__(self):
        busy(2 * LIMIT_S)


def finalizer_outlasting_the_limit() -> None:
    """The alarm fires in a __del__: Python reports its DocumentTimeout as unraisable."""
    SlowFinalizer()


def gc_callback_outlasting_the_limit() -> None:
    """The alarm fires in a garbage-collection callback: reported as unraisable too."""

    def slow(phase, _info):
        if phase == "start":
            busy(2 * LIMIT_S)

    gc.callbacks.append(slow)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(slow)


LOSERS = [finalizer_outlasting_the_limit, gc_callback_outlasting_the_limit]


@pytest.fixture
def unraisable(monkeypatch):
    """The unraisable exceptions reported while the test runs (what Python prints as
    'Exception ignored in' with a traceback, and pytest turns into a warning)."""
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    return seen


def cleaner_whose_first_stage(then) -> tuple[Cleaner, list[str]]:
    """A Cleaner whose first stage runs `then` before its work, and the names of the
    stages that ran."""
    ran: list[str] = []

    def wrap(stage):
        def run(doc):
            ran.append(stage.name)
            if len(ran) == 1:
                then()
            stage(doc)

        run.name = stage.name
        return run

    cleaner = Cleaner(doc_time_limit_s=LIMIT_S)
    cleaner.warm_up()  # the one-time loads, outside the limit
    return cleaner.wrapped(wrap), ran


@pytest.mark.parametrize("lose", LOSERS, ids=lambda lose: lose.__name__)
def test_a_timeout_lost_in_a_finalizer_or_gc_callback_is_raised_after_the_stage(lose, unraisable):
    """Its raise was ignored and the document ran on through every stage."""
    cleaner, ran = cleaner_whose_first_stage(lose)
    with pytest.raises(DocumentTimeout, match="doc_time_limit_s"):
        cleaner.clean(ARTICLE)
    assert len(ran) == 1, ran
    assert unraisable == []  # not printed as an error: it was raised again


@pytest.mark.parametrize("lose", LOSERS, ids=lambda lose: lose.__name__)
def test_a_timeout_lost_in_a_long_stage_ends_it_within_the_repeat(lose, unraisable):
    """The alarm repeats after the limit, so a stage that runs on is cut short."""
    cleaner, _ = cleaner_whose_first_stage(lambda: (lose(), busy(10)))
    started = time.monotonic()
    with pytest.raises(DocumentTimeout):
        cleaner.clean(ARTICLE)
    assert time.monotonic() - started < 2 * LIMIT_S + 1
    assert unraisable == []


def test_other_unraisable_exceptions_are_still_reported(unraisable):
    class Broken:
        def __del__(self):
            raise ValueError("from a finalizer")

    cleaner, _ = cleaner_whose_first_stage(Broken)
    cleaner.clean(ARTICLE)
    assert [type(event.exc_value) for event in unraisable] == [ValueError]
