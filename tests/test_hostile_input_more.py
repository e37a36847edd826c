"""Issue 15, cases found by a second hostile sweep: a planted symlink at a run's working
file names, a long run of letters in glue repair, malformed URLs in corpus commands, limits
past what reads and timers take, standard input among several inputs, a WARC payload that
cannot be decoded, and arguments of the wrong type to the library."""

import os
import subprocess
import sys
from io import BytesIO

import pytest
from cleaner import Cleaner, clean
from cleaner.deadline import time_limit
from cleaner.glue.candidates import GLUED_TOKEN_MAX_CHARS, candidate_splits
from cleaner.metadata import url_host

from batch_corpus import cli, read_jsonl, write_jsonl
from conftest import assert_one_line_error, run_cli

ARTICLE = "The city council approved the new budget on Tuesday after a long debate.\n"
BAD_URLS = ["http://[::1/", "http://\u2100.com/x"]


@pytest.mark.parametrize("name", [".out.jsonl.partial", "out.jsonl.lock"])
def test_a_symlink_planted_at_a_working_file_is_not_written_through(tmp_path, name):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    out = tmp_path / "out"
    out.mkdir()
    precious = tmp_path / "precious.txt"
    precious.write_text("PRECIOUS\n")
    (out / name).symlink_to(precious)
    assert cli("batch", source, "-o", out / "out.jsonl", "-j", "1") == 0
    assert precious.read_text() == "PRECIOUS\n"
    assert not (out / "out.jsonl").is_symlink()
    assert [row["id"] for row in read_jsonl(out / "out.jsonl")] == ["a"]


def test_glue_lists_no_cuts_of_a_run_of_letters_longer_than_two_words():
    assert list(candidate_splits("a" * (GLUED_TOKEN_MAX_CHARS + 1))) == []
    assert list(candidate_splits("theminister")) != []


def test_a_60000_letter_word_is_cleaned_in_bounded_memory(tmp_path):
    """Every cut of such a word, each half a copy, took 3.7 GB before glue's length cap."""
    (tmp_path / "w.txt").write_text("a" * 60_000 + "\n")
    script = (
        "import resource; from cleaner import Cleaner; cleaner = Cleaner(); cleaner.warm_up(); "
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        f"text = cleaner.clean(open({str(tmp_path / 'w.txt')!r}).read()).text; "
        "grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before; "
        "print(len(text), grown)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    length, grown_kb = map(int, done.stdout.split())
    assert length == 60_001
    assert grown_kb < 50_000, f"grew {grown_kb} KB"


@pytest.mark.parametrize("url", BAD_URLS)
def test_an_unparsable_url_has_no_host(url):
    assert url_host(url) == ""
    assert url_host("https://www.example.com/a") == "example.com"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("javascript:alert(1)", ""),
        ("mailto:desk@example.com", ""),
        ("data:text/html,<a href=//example.com>x</a>", ""),
        ("example.com:8080/a", "example.com"),
        ("www.example.com/a", "example.com"),
    ],
)
def test_a_scheme_without_a_host_names_no_domain(url, host):
    assert url_host(url) == host


@pytest.mark.parametrize("command", ["learn", "remains", "batch-learned", "report"])
def test_corpus_commands_take_unparsable_urls_as_no_domain(tmp_path, command):
    rows = [
        {"id": str(i), "text": f"Same line of boilerplate here\n{ARTICLE}", "url": url}
        for i, url in enumerate([*BAD_URLS, *(f"http://x.com/{i}" for i in range(4))])
    ]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    if command == "learn":
        assert cli("learn", source, "-o", tmp_path / "learned", "-j", "1") == 0
    elif command == "remains":
        assert cli("remains", source, "-j", "1") == 0
    elif command == "batch-learned":
        out = tmp_path / "out.jsonl"
        assert cli("batch", source, "-o", out, "-j", "1", "--learned-boilerplate") == 0
        assert len(read_jsonl(out)) == len(rows)
    else:
        out = tmp_path / "out.jsonl"
        assert cli("batch", source, "-o", out, "-j", "1", "--changes") == 0
        assert cli("report", out, "-o", tmp_path / "report.html") == 0


@pytest.mark.parametrize(
    "flag",
    ["--time-limit=1e10", "--max-input-bytes=9223372036854775807", "--max-input-bytes=2000G"],
)
def test_a_limit_past_what_reads_and_timers_take_is_a_usage_error(tmp_path, flag):
    (tmp_path / "doc.txt").write_text(ARTICLE)
    done = run_cli("clean", tmp_path / "doc.txt", flag)
    assert_one_line_error(done, 2, flag.split("=")[0], "from")


def test_a_library_time_limit_past_a_year_is_no_limit():
    with time_limit(1e10):
        pass  # setitimer raised OverflowError here
    assert Cleaner(doc_time_limit_s=1e10).clean(ARTICLE).text == ARTICLE


@pytest.mark.parametrize(
    "args", [["-", "-", "-o", "{tmp}/outdir"], ["-", "{tmp}/doc.txt", "-o", "{tmp}/outdir"]]
)
def test_standard_input_among_several_inputs_is_a_usage_error_before_any_write(tmp_path, args):
    (tmp_path / "doc.txt").write_text(ARTICLE)
    done = run_cli("clean", *(arg.format(tmp=tmp_path) for arg in args), stdin=ARTICLE.encode())
    assert_one_line_error(done, 2, "standard input")
    assert not (tmp_path / "outdir").exists()


def test_standard_input_into_an_existing_directory_is_a_usage_error(tmp_path):
    (tmp_path / "outdir").mkdir()
    done = run_cli("clean", "-", "-o", tmp_path / "outdir", stdin=ARTICLE.encode())
    assert_one_line_error(done, 2, "standard input")
    assert list((tmp_path / "outdir").iterdir()) == []


def test_a_warc_payload_that_cannot_be_decoded_fails_alone(tmp_path):
    """A "br" body that is not brotli (warcio with brotli 1.2 fails on any "br" body): the
    rest of the file was lost."""
    pytest.importorskip("warcio")
    pytest.importorskip("brotli")  # without it warcio leaves "br" bodies undecoded
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = f"<html><body><article><p>{ARTICLE.strip()}</p></article></body></html>".encode()
    out = BytesIO()
    writer = WARCWriter(out, gzip=False)
    for number, encoding in enumerate(["", "br", "", ""]):
        headers = [("Content-Type", "text/html")]
        if encoding:  # a body its Content-Encoding does not describe: it cannot be decoded
            headers.append(("Content-Encoding", encoding))
        record = writer.create_warc_record(
            f"https://example.com/{number}",
            "response",
            payload=BytesIO(page),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
        )
        writer.write_record(record)
    source = tmp_path / "in.warc"
    source.write_bytes(out.getvalue())
    target = tmp_path / "out.jsonl"
    assert cli("batch", source, "-o", target, "-j", "1") == 1
    assert [row["url"] for row in read_jsonl(target)] == [
        f"https://example.com/{n}" for n in (0, 2, 3)
    ]
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert "cannot decode its payload" in error["error"]


@pytest.mark.parametrize("bad", [None, 5, ["text"], {"text": ARTICLE}])
def test_the_library_names_a_wrong_argument_type(bad):
    with pytest.raises(TypeError, match="str or bytes, not"):
        clean(bad)


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_the_library_takes_bytes_like_documents(kind):
    assert clean(kind(ARTICLE.encode())).text == ARTICLE


def test_a_file_name_that_is_not_utf8_is_an_id_with_the_byte_escaped(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "wb") as file:
        file.write(ARTICLE.encode())
    [document] = folder.iterdir()
    assert cli("clean", document, "-o", tmp_path / "one.txt") == 0
    assert (tmp_path / "one.txt").read_text() == ARTICLE
    assert cli("batch", folder, "-o", tmp_path / "out.jsonl", "-j", "1") == 0
    [row] = read_jsonl(tmp_path / "out.jsonl")
    assert row["id"].endswith("bad\\xffname.txt") and row["text"] == ARTICLE


@pytest.mark.parametrize("name", ["a.txt.zst", "a.html.bz2", "a.txt.xz"])
def test_a_document_compressed_other_than_gzip_says_so(tmp_path, name):
    (tmp_path / name).write_bytes(b"(\xb5/\xfd\x00\x00compressed bytes\x00")
    done = run_cli("clean", tmp_path / name)
    assert done.returncode == 1
    assert f"{name}: compressed as ." in done.stderr.decode()
    assert b"NUL" not in done.stderr
