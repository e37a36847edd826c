"""Hostile input, archives and records: broken WARC, gzip and zstd inputs and malformed
fields give one-line errors (rc 2 when no run can start, an errors-file line when the rest
goes on), never a traceback and never a lost document (issue 15, item 6)."""

import gzip
import json
import random
from io import BytesIO

import pytest

from batch_corpus import cli, read_jsonl, write_jsonl
from conftest import run_cli

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PARAGRAPH = "The city council approved the new budget on Tuesday after a long debate about schools."
PAGE = f"<html><body><article><p>{PARAGRAPH}</p></article></body></html>"


def warc_bytes(urls, record_id: bool = True, drop_header: str = "") -> bytes:
    """A gzipped WARC of one HTML response per URL, with or without WARC-Record-ID; the
    first record also without `drop_header`, if named."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url in urls:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=BytesIO(PAGE.encode()), http_headers=headers
        )
        if not record_id:
            record.rec_headers.remove_header("WARC-Record-ID")
        if drop_header and url == urls[0]:
            record.rec_headers.remove_header(drop_header)
        writer.write_record(record)
    return out.getvalue()


def batch(tmp_path, source, *options) -> int:
    """`cleaner batch` in this process (a traceback would fail the test): its exit code."""
    return cli("batch", source, "-o", tmp_path / "out.jsonl", "-j", "1", *options)


def test_a_warc_record_without_an_id_is_cleaned_under_a_fallback_id(tmp_path):
    source = tmp_path / "crawl.warc.gz"
    source.write_bytes(warc_bytes(["https://example.com/a"], record_id=False))
    assert batch(tmp_path, source) == 0
    [row] = read_jsonl(tmp_path / "out.jsonl")
    assert (row["id"], row["text"]) == (f"{source}#1", PARAGRAPH + "\n")


def test_a_truncated_warc_keeps_what_was_read_and_reports_the_rest(tmp_path):
    whole = warc_bytes([f"https://example.com/{i}" for i in range(3)])
    source = tmp_path / "crawl.warc.gz"
    source.write_bytes(whole[: len(whole) * 5 // 6])
    assert batch(tmp_path, source) == 1
    assert [row["url"] for row in read_jsonl(tmp_path / "out.jsonl")] == [
        "https://example.com/0",
        "https://example.com/1",
    ]
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert (
        error["id"] == f"{source}#3" and "cannot read the WARC file past record 2" in error["error"]
    )


def test_a_response_without_a_target_uri_is_an_error_line_not_a_traceback(tmp_path):
    source = tmp_path / "crawl.warc.gz"
    urls = ["https://example.com/a", "https://example.com/b"]
    source.write_bytes(warc_bytes(urls, drop_header="WARC-Target-URI"))
    assert batch(tmp_path, source) == 1
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["id"] == f"{source}#1" and "AttributeError" in error["error"]


@pytest.mark.parametrize(
    "name", ["random.warc.gz", "random.warc", "random.jsonl.zst", "random.jsonl.gz"]
)
def test_random_bytes_under_an_archive_name_are_refused_before_the_run(tmp_path, name):
    (tmp_path / name).write_bytes(random.Random(name).randbytes(4096))
    done = run_cli("batch", tmp_path / name, "-o", tmp_path / "out.jsonl")
    assert done.returncode == 2 and b"Traceback" not in done.stderr and b"None" not in done.stderr
    [line] = done.stderr.decode().splitlines()
    assert line.startswith(f"cleaner: {tmp_path / name}: ") and len(line) < 300
    assert not (tmp_path / "out.jsonl").exists()


def test_a_truncated_jsonl_gz_keeps_what_was_read_and_reports_the_rest(tmp_path):
    rows = "".join(
        json.dumps({"id": f"d{i}", "text": f"{PARAGRAPH} Number {i}."}) + "\n" for i in range(2000)
    )
    whole = gzip.compress(rows.encode())
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(whole[: len(whole) // 2])
    assert batch(tmp_path, source) == 1
    written = read_jsonl(tmp_path / "out.jsonl")
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert (
        error["id"] == f"{source}:{len(written) + 1}" and "cannot read past line" in error["error"]
    )


def test_a_malformed_url_does_not_cost_the_document_its_text(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": PAGE, "url": "http://[x/"}])
    assert batch(tmp_path, source, "--input-format", "html") == 0
    [row] = read_jsonl(tmp_path / "out.jsonl")
    assert (row["text"], row["url"]) == (PARAGRAPH + "\n", "http://[x/")


def test_json_nested_too_deep_is_one_bad_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("[" * 100_000 + "\n" + json.dumps({"id": "b", "text": PARAGRAPH}) + "\n")
    assert batch(tmp_path, source) == 1
    assert [row["id"] for row in read_jsonl(tmp_path / "out.jsonl")] == ["b"]
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["id"] == f"{source}:1" and "invalid JSON" in error["error"]


def test_a_warc_broken_off_inside_a_skipped_record_says_so(tmp_path):
    out = BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, ctype, payload in [
        ("https://example.com/a", "text/html", PAGE.encode()),
        ("https://example.com/b.png", "image/png", bytes(range(256)) * 40),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=BytesIO(payload), http_headers=headers
            )
        )
    whole = out.getvalue()
    source = tmp_path / "crawl.warc"
    source.write_bytes(whole[: len(whole) - 2000])  # inside the image's payload
    assert batch(tmp_path, source) == 1
    assert [row["url"] for row in read_jsonl(tmp_path / "out.jsonl")] == ["https://example.com/a"]
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert "shorter than its Content-Length" in error["error"]
