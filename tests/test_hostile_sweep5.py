"""Issue 15, a fifth hostile sweep: compressed batch outputs refused, not written as a
directory of that name; the directory of learned rules checked before the learning pass;
`learn` refusing an output over its inputs and locking its output as batch does."""

import os
import time
import tracemalloc
import zlib
from io import BytesIO

import pytest
from cleaner.batch.readers import safe_name
from cleaner.batch.warc import RECORD_HEADER_BYTES, warc_records
from cleaner.lock import output_lock
from cleaner.sources import DEFAULT_MAX_BYTES

from batch_corpus import read_jsonl, write_jsonl
from conftest import assert_one_line_error, run_cli, tree

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"
PARAGRAPH = ARTICLE.strip()


@pytest.mark.parametrize(
    ("option", "name"),
    [
        ("-o", "out.jsonl.gz"),
        ("-o", "out.jsonl.zst"),
        ("-o", "out.txt.GZ"),
        ("-o", "clean.xz"),
        ("--errors", "errors.jsonl.gz"),
        ("--summary", "run.json.bz2"),
    ],
)
def test_a_compressed_output_name_is_refused_before_any_input_is_read(tmp_path, option, name):
    """`-o out.jsonl.gz` wrote a directory of that name. The input is a FIFO no one writes
    to: reading it would block the run for good."""
    os.mkfifo(tmp_path / "in.jsonl")
    output = [] if option == "-o" else ["-o", tmp_path / "out.jsonl"]
    done = run_cli("batch", tmp_path / "in.jsonl", *output, option, tmp_path / name, "-j", "1")
    plain = name.rsplit(".", 1)[0]
    assert_one_line_error(done, 2, name, "compressed output is not written", f"gzip {plain}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize("option", ["--learned-boilerplate", "--corpus-names"])
def test_a_learned_rules_directory_that_is_a_file_is_refused_before_any_input_is_read(
    tmp_path, option
):
    """It failed only when the rules were written, after the whole learning pass."""
    os.mkfifo(tmp_path / "in.jsonl")
    (tmp_path / "out.jsonl.learned").write_text("mine\n")
    done = run_cli("batch", tmp_path / "in.jsonl", "-o", tmp_path / "out.jsonl", option, "-j", "1")
    assert_one_line_error(done, 2, "out.jsonl.learned: File exists", "name a directory")
    assert (tmp_path / "out.jsonl.learned").read_text() == "mine\n"


def test_a_learned_rules_directory_that_cannot_be_emptied_is_refused_before_learning(tmp_path):
    """A link to a directory is not followed: its rules stay, and none are learned into it."""
    os.mkfifo(tmp_path / "in.jsonl")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "kept.yaml").write_text("mine\n")
    (tmp_path / "out.jsonl.learned").symlink_to(tmp_path / "elsewhere")
    done = run_cli(
        "batch", tmp_path / "in.jsonl", "-o", tmp_path / "out.jsonl", "--learned-boilerplate"
    )
    assert_one_line_error(done, 2, "out.jsonl.learned: cannot be emptied", "remove it")
    assert tree(tmp_path / "elsewhere") == {"kept.yaml": b"mine\n"}


def test_a_learned_rules_directory_that_holds_an_input_is_refused(tmp_path):
    """The run empties it first: the input would be deleted before it was read."""
    (tmp_path / "out.jsonl.learned").mkdir()
    source = write_jsonl(
        tmp_path / "out.jsonl.learned" / "in.jsonl", [{"id": "a", "text": ARTICLE}]
    )
    done = run_cli("batch", source, "-o", tmp_path / "out.jsonl", "--corpus-names", "-j", "1")
    assert_one_line_error(done, 2, "out.jsonl.learned: the output directory holds the input")
    assert read_jsonl(source) == [{"id": "a", "text": ARTICLE}]


def test_an_output_on_the_learned_rules_directory_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    summary = tmp_path / "out.jsonl.learned"
    done = run_cli(
        "batch", source, "-o", tmp_path / "out.jsonl", "--corpus-names", "--summary", summary
    )
    assert_one_line_error(done, 2, "the learned rules' directory", "are the same file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize(
    ("inputs", "output", "problem"),
    [
        (["corpus"], "corpus/learned", "lies inside the input"),
        (["corpus"], "corpus", "lies inside the input"),
        (["corpus/in.jsonl"], "corpus", "holds the input"),
        (["corpus/in.jsonl"], ".", "holds the input"),
    ],
)
def test_learn_refuses_an_output_over_its_inputs_before_reading_them(
    tmp_path, inputs, output, problem
):
    """As batch does for a directory output: learned files would land among the inputs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    before = tree(tmp_path)
    done = run_cli("learn", *inputs, "-o", output, "-j", "1", cwd=tmp_path)
    assert_one_line_error(done, 2, problem, "choose an output outside the inputs")
    assert tree(tmp_path) == before


def test_a_second_learn_on_one_output_is_refused_and_names_the_holder(tmp_path):
    """Two learn runs on one directory wrote their rule files over each other's."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    target = tmp_path / "learned"
    with output_lock(target):
        done = run_cli("learn", source, "-o", target, "-j", "1")
        last = assert_one_line_error(done, 2, "learned is being written by another run")
        assert f"pid {os.getpid()}" in last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_learn_releases_its_lock(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    done = run_cli("learn", source, "-o", tmp_path / "learned", "-j", "1")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "learned"]


def warc_response(page: str = f"<p>{PARAGRAPH}</p>", *headers: tuple[str, str]) -> bytes:
    """A gzipped WARC record: an HTML response of `page` from example.com, with `headers`
    among its HTTP headers."""
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], "HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.com/a", "response", payload=BytesIO(page.encode()), http_headers=http
        )
    )
    return out.getvalue()


def gzip_member(data: bytes) -> bytes:
    """`data` as one gzip member, as a .warc.gz holds each record."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


HEAD = b"WARC/1.0\r\nWARC-Type: response\r\n"
# A record's headers as hostile bytes make them, 30-50 MB each once unpacked (some 50 KB
# packed): warcio took 40-50 s and up to 3 GB on each.
ENDLESS_HEADERS = {
    "a line without an end": HEAD + b"X-Long: " + b"A" * 50_000_000,
    "lines without number": HEAD + b"X: y\r\n" * 5_000_000,
    "blank lines without number": b"\r\n" * 15_000_000,
}


@pytest.fixture(params=ENDLESS_HEADERS, ids=lambda shape: shape.replace(" ", "-"))
def endless_headers(request, tmp_path):
    """A .warc.gz of a good record, one whose headers never end, and a good record."""
    good = warc_response()
    source = tmp_path / "crawl.warc.gz"
    source.write_bytes(good + gzip_member(ENDLESS_HEADERS[request.param]) + good)
    return source


def test_a_record_whose_headers_never_end_is_an_error_line_and_ends_the_file(
    tmp_path, endless_headers
):
    done = run_cli("batch", endless_headers, "-o", tmp_path / "out.jsonl", "-j", "1")
    assert done.returncode == 1, done.stderr
    assert [r["url"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["https://example.com/a"]
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["id"] == f"{endless_headers}#2"
    assert error["error"] == (
        "cannot read the WARC file past record 1: HeadersTooLong: a record's header lines "
        f"run past {RECORD_HEADER_BYTES:,} bytes"
    )


def test_headers_that_never_end_cost_a_bounded_time_and_memory(endless_headers):
    started = time.monotonic()
    tracemalloc.start()
    try:
        records = list(warc_records(endless_headers, "", DEFAULT_MAX_BYTES, safe_name))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.error is None for r in records] == [True, False]
    # short header lines are kept as Python tuples, some 11 bytes for each byte read
    assert peak < 16 * RECORD_HEADER_BYTES, f"{peak:,} bytes"
    assert time.monotonic() - started < 10, "it took 40-50 s"


def test_long_payloads_and_headers_within_the_limit_are_read_whole(tmp_path):
    """Only header lines are counted: a one-line page longer than a header may be is cleaned."""
    page = f"<html><body><article><p>{PARAGRAPH}</p>{' ' * 1_900_000}</article></body></html>"
    source = tmp_path / "crawl.warc.gz"
    source.write_bytes(warc_response(page, ("Set-Cookie", "x" * 500_000)))
    done = run_cli("batch", source, "-o", tmp_path / "out.jsonl", "-j", "1")
    assert done.returncode == 0, done.stderr
    assert [r["text"] for r in read_jsonl(tmp_path / "out.jsonl")] == [PARAGRAPH + "\n"]
