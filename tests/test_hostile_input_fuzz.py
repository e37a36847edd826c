"""Hostile input, fuzzed: bytes, HTML, JSONL records and WARC records given to clean() and the
readers raise nothing but CleanerError (issue 15). Derandomized by default, so CI runs the
same examples every time; HYPOTHESIS_FUZZ=explore draws new ones."""

import contextlib
import gzip
import json
import os
from io import BytesIO

import pytest
from cleaner import CleanerError
from cleaner.batch.readers import Fields, jsonl_records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "explore",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_FUZZ", "ci"))
LIMIT = 20_000  # a small size limit, so the limit paths are met too

WORDS = st.sampled_from(
    [
        "The",
        "council",
        "met",
        "on",
        "Monday",
        "“quoted”",
        "Straße",
        "日本",
        "\x00",
        "\ufeff",
        "\udc80",
        "&amp;",
        "<",
        ">",
        "\n",
        "\r\n",
        "  ",
    ]
)
TEXT = st.lists(WORDS, max_size=40).map(" ".join)
TAG = st.sampled_from(["html", "head", "body", "p", "div", "article", "script", "a", "br", "?xml"])
ATTRIBUTES = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "a"]), TEXT), max_size=4)


@st.composite
def html_pages(draw) -> str:
    """A page of nested or broken tags, attributes and text, with an optional BOM or prolog."""
    parts = [draw(st.sampled_from(["", "\ufeff", "<?xml version='1.0'?>", "<!DOCTYPE html>"]))]
    for _ in range(draw(st.integers(0, 30))):
        tag, attrs = draw(TAG), draw(ATTRIBUTES)
        parts.append(f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs) + ">")
        parts.append(draw(TEXT))
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return "".join(parts)


def cleans_or_fails_clearly(cleaner, data, **kwargs) -> None:
    with contextlib.suppress(CleanerError):
        cleaner.clean(data, **kwargs)


@pytest.fixture(scope="module")
def small(cleaner):
    from cleaner import Cleaner

    return Cleaner(max_input_bytes=LIMIT)


@settings(PROFILE, max_examples=150)
@given(
    st.binary(max_size=3000) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from(["auto", "text", "html"]),
)
def test_bytes(cleaner, data, fmt):
    cleans_or_fails_clearly(cleaner, data, fmt=fmt)


@settings(PROFILE, max_examples=80)
@given(
    html_pages(), st.sampled_from(["auto", "html"]), st.sampled_from([None, "http://[x/", "EN-us"])
)
def test_html(cleaner, page, fmt, odd):
    cleans_or_fails_clearly(cleaner, page, fmt=fmt, url=odd, lang=odd)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "text", "url", "lang"]), inner, max_size=4)
    ),
    max_leaves=10,
)
JSONL_LINES = st.lists(
    JSON_VALUES.map(lambda v: json.dumps(v).encode()) | st.binary(max_size=200), max_size=8
)


@settings(PROFILE, max_examples=80)
@given(JSONL_LINES, st.booleans())
def test_jsonl_records(small, lines, compressed):
    data = b"\n".join(lines)
    stream = (
        gzip.GzipFile(fileobj=BytesIO(gzip.compress(data)[: len(data) // 2 + 10]))
        if compressed
        else BytesIO(data)
    )
    for record in jsonl_records(stream, "in.jsonl", Fields(lang="lang"), "auto", "", LIMIT):
        if record.error is None:
            cleans_or_fails_clearly(small, record.data, url=record.url, lang=record.lang)


@settings(PROFILE, max_examples=30)
@given(
    st.lists(
        st.tuples(html_pages(), st.sampled_from(["text/html", "image/png", ""]), st.booleans()),
        max_size=3,
    ),
    st.sampled_from([None, 0.3, 0.9]),
    st.booleans(),
)
def test_warc_records(tmp_path_factory, small, responses, cut, compressed):
    pytest.importorskip("warcio")
    from cleaner.batch.readers import safe_name
    from cleaner.batch.warc import warc_records

    path = tmp_path_factory.mktemp("warc") / ("crawl.warc.gz" if compressed else "crawl.warc")
    data = warc_bytes(responses, compressed)
    path.write_bytes(data if cut is None else data[: int(len(data) * cut)])
    for record in warc_records(path, "", LIMIT, safe_name):
        if record.error is None:
            cleans_or_fails_clearly(small, record.data, url=record.url, fmt=record.fmt)


def warc_bytes(responses, compressed: bool) -> bytes:
    """A WARC of HTTP responses (page, content type, with a record id or not)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=compressed)
    for number, (page, ctype, with_id) in enumerate(responses):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.com/{number}",
            "response",
            payload=BytesIO(page.encode("utf-8", "surrogatepass")),
            http_headers=headers,
        )
        if not with_id:
            record.rec_headers.remove_header("WARC-Record-ID")
        writer.write_record(record)
    return out.getvalue()
