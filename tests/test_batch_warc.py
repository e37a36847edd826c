"""WARC input: HTML responses go through the HTML path; id = record id, url = target URI."""

from io import BytesIO

import pytest

from batch_corpus import cli, read_jsonl

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ARTICLE = (
    "<html><head><title>Budget</title></head><body><nav>Home | World | Sport</nav>"
    "<article><h1>Council approves budget</h1><p>"
    + "The city council approved the new budget on Tuesday after a long debate. " * 4
    + "</p><p>Advertisement</p></article></body></html>"
)


def write_warc(path, gzip: bool) -> list[str]:
    """A WARC with two HTML responses, an image response and a request; returns the ids."""
    ids = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, ctype, body in [
            ("https://example.com/a", "text/html; charset=utf-8", ARTICLE),
            ("https://example.com/logo.png", "image/png", "PNG"),
            ("https://wionews.com/b", "text/html", ARTICLE),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)
            if ctype.startswith("text/html"):
                ids.append(record.rec_headers.get_header("WARC-Record-ID"))
        request = writer.create_warc_record(
            "https://example.com/a", "request", payload=BytesIO(b"GET /a HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
    return ids


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_cleaned(tmp_path, name):
    ids = write_warc(tmp_path / name, gzip=name.endswith(".gz"))
    assert cli("batch", tmp_path / name, "-o", tmp_path / "out.jsonl") == 0
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ids
    assert [r["url"] for r in out] == ["https://example.com/a", "https://wionews.com/b"]
    assert out[1]["outlet"] == "wion"
    assert "approved the new budget" in out[0]["text"]
    assert "Home | World" not in out[0]["text"] and "Advertisement" not in out[0]["text"]


def test_a_record_without_content_length_is_an_error_line_not_a_silent_end(tmp_path):
    # warcio reads the rest of the file as its payload: the records after it are lost,
    # so the run says where it stopped
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip=False)
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + ARTICLE.encode()
    with path.open("ab") as out:
        out.write(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:no-length>\r\n"
            b"WARC-Target-URI: https://example.com/c\r\n\r\n" + body + b"\r\n\r\n"
        )
    write_warc(tmp_path / "more.warc", gzip=False)
    with path.open("ab") as out:
        out.write((tmp_path / "more.warc").read_bytes())
    assert cli("batch", path, "-o", tmp_path / "out.jsonl", "-j", "1") == 1
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 2  # the two before it
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error == {
        "id": f"{path}#5",
        "error": "no Content-Length: this record and any after it cannot be read",
    }
