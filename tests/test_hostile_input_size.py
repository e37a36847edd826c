"""Hostile input, size: inputs are read as streams and refused as soon as they pass the size
limit, whatever compression hides them, with memory bounded by the limit (issue 15, item 3)."""

import gzip
import json
import random
import string
import subprocess
import sys
import zlib

import pytest
from cleaner.batch.readers import Fields, read_inputs
from cleaner.options import Options

from batch_corpus import read_jsonl

LIMIT = Options().max_input_bytes
MB = 1 << 20
# Python, the CLI run once on a small input (so every import and warm-up is counted as idle),
# then on each hostile input; prints the rise in peak memory (bytes) and the exit codes.
MEASURE = """
import resource, sys
from cleaner.cli import main
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
main(sys.argv[1].split("|"))
idle = peak()
codes = [main(args.split("|")) for args in sys.argv[2:]]
print(peak() - idle, *codes)
"""


def measured(tmp_path, idle_args: list, *runs: list, stdin=None) -> tuple[int, list, bytes]:
    """(peak memory rise in bytes, exit codes, stderr) of the CLI on each of `runs`."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURE,
            "|".join(map(str, idle_args)),
            *("|".join(map(str, args)) for args in runs),
        ],
        capture_output=True,
        stdin=stdin,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    rise, *codes = done.stdout.split()[-1 - len(runs) :]
    return int(rise), [int(code) for code in codes], done.stderr


def gzip_of_repeated(path, chunk: bytes, times: int, head: bytes = b"", tail: bytes = b""):
    """A small .gz file that unpacks to head + chunk * times + tail (a decompression bomb)."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    with open(path, "wb") as out:
        out.write(packer.compress(head))
        for _ in range(times):
            out.write(packer.compress(chunk))
        out.write(packer.compress(tail) + packer.flush())
    return path


def test_a_gzip_bomb_and_dev_zero_fail_fast_with_memory_bounded_by_the_limit(tmp_path):
    (tmp_path / "small.txt").write_text("A short document of one sentence.\n")
    bomb = gzip_of_repeated(tmp_path / "bomb.txt.gz", b"a" * MB, LIMIT // MB + 4)
    rise, codes, stderr = measured(
        tmp_path, ["clean", "small.txt"], ["clean", bomb], ["clean", "/dev/zero"]
    )
    assert codes == [1, 1] and b"Traceback" not in stderr
    assert b"bomb.txt.gz: input is over the 20,000,000-byte limit" in stderr
    assert b"/dev/zero: input is over the 20,000,000-byte limit" in stderr
    assert rise <= 2 * LIMIT


def test_stdin_without_end_is_refused_at_the_limit(tmp_path):
    (tmp_path / "small.txt").write_text("A short document of one sentence.\n")
    with open("/dev/zero", "rb") as zero:
        rise, codes, stderr = measured(tmp_path, ["clean", "small.txt"], ["clean", "-"], stdin=zero)
    assert codes == [1] and b"-: input is over" in stderr
    assert rise <= 2 * LIMIT


def test_one_huge_jsonl_line_fails_alone_and_the_others_are_cleaned(tmp_path):
    good = json.dumps({"id": "a", "text": "The council met on Monday to discuss the budget."})
    after = json.dumps({"id": "c", "text": "The mayor spoke on Tuesday about the new school."})
    source = gzip_of_repeated(
        tmp_path / "in.jsonl.gz",
        b"b" * MB,
        LIMIT // MB + 4,
        (good + '\n{"id": "big", "text": "').encode(),
        ('"}\n' + after + "\n").encode(),
    )
    (tmp_path / "small.jsonl").write_text(good + "\n")
    rise, codes, stderr = measured(
        tmp_path,
        ["batch", "small.jsonl", "-o", "small-out.jsonl", "-j", "1"],
        ["batch", source, "-o", "out.jsonl", "-j", "1"],
    )
    assert codes == [1] and b"Traceback" not in stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["a", "c"]
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["id"] == f"{source}:2" and "over the 20,000,000-byte limit" in error["error"]
    assert rise <= 2 * LIMIT


def test_readers_stop_at_a_smaller_limit(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "big.txt.gz").write_bytes(gzip.compress(b"word " * 1000))
    (tmp_path / "docs" / "small.txt").write_text("A short one.")
    records = list(read_inputs((str(tmp_path / "docs"),), Fields(), max_bytes=1000))
    assert [(r.id.rsplit("/", 1)[1], r.error) for r in records] == [
        (
            "big.txt.gz",
            "input is over the 1,000-byte limit (Options.max_input_bytes, --max-input-bytes); "
            "split it or raise the limit",
        ),
        ("small.txt", None),
    ]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("letters.txt", b"a\n" * (LIMIT // 2), b"over 50,000 lines, the limit (Options.max_lines)"),
        (
            "one-line.txt",
            b"budget " * (LIMIT // 7),
            b"over the 2,000,000-character limit (Options.max_line_chars)",
        ),
    ],
)
def test_line_shapes_are_refused_before_their_lines_are_made(tmp_path, name, data, problem):
    (tmp_path / "small.txt").write_text("A short document of one sentence.\n")
    (tmp_path / name).write_bytes(data)
    rise, codes, stderr = measured(tmp_path, ["clean", "small.txt"], ["clean", name])
    assert codes == [1] and b"Traceback" not in stderr and problem in stderr
    # the input's bytes and their decoded text, both at the limit, and the allocator's slack
    assert rise <= 2 * LIMIT + 2 * MB


def test_line_bookkeeping_stays_under_twice_the_default_limit(tmp_path):
    few, many = 1_000, 11_000  # the same shape: the idle run makes the same lazy loads
    (tmp_path / "few.txt").write_bytes((b"x" * 18 + b"\n") * few)
    (tmp_path / "many.txt").write_bytes((b"x" * 18 + b"\n") * many)
    rise, codes, stderr = measured(tmp_path, ["clean", "few.txt"], ["clean", "many.txt"])
    assert codes == [0], stderr
    per_line = rise / (many - few)
    assert per_line * Options().max_lines <= 2 * LIMIT


def test_a_long_line_is_cleaned_without_listing_its_words(tmp_path):
    # the stages list a long line's words a slice at a time (cleaner/slices.py): listed at
    # once, its words cost ~20 bytes a character (a rise of ~13x the line). The line's bytes,
    # its text, its key and the output's text and bytes take ~5x, give or take 2.
    line = b"budget " * (MB // 7)
    (tmp_path / "small.txt").write_bytes(b"budget " * 1_000)
    (tmp_path / "long.txt").write_bytes(line)
    rise, codes, stderr = measured(tmp_path, ["clean", "small.txt"], ["clean", "long.txt"])
    assert codes == [0], stderr
    assert rise <= 8 * len(line)


def random_words(lines: int, words: int, seed: int = 0) -> bytes:
    """Lines of words drawn from 200,000 random letter strings: text in no language, every
    word rare, as a dump or a hostile input gives it."""
    pick = random.Random(seed)
    vocabulary = [
        "".join(pick.choices(string.ascii_lowercase, k=pick.randint(3, 9))) for _ in range(200_000)
    ]
    return "\n".join(
        " ".join(pick.choices(vocabulary, k=words)) + "." for _ in range(lines)
    ).encode()


def test_a_text_of_random_words_is_cleaned_in_bounded_memory(tmp_path):
    # 4 MB of random words took 241 MB and 13 s: near-duplicate search kept every long line's
    # word set and compared those sharing a word, glue repair weighed 100,000 rare words and
    # listed every pair of adjacent tokens. Now both stop at their bounds.
    (tmp_path / "small.txt").write_bytes(random_words(20, 200, seed=1))  # its language's loads
    (tmp_path / "random.txt").write_bytes(data := random_words(600, 1_000))
    rise, codes, stderr = measured(tmp_path, ["clean", "small.txt"], ["clean", "random.txt"])
    assert codes == [0], stderr
    assert rise <= 10 * len(data)  # 8x measured: bytes, text, lines, output; it was 57x


def test_html_is_sized_without_its_scripts_and_refused_over_its_limit(tmp_path):
    paragraph = "<p>The council met on Monday to discuss the budget for the coming year.</p>\n"
    (tmp_path / "small.html").write_text(f"<html><body>{paragraph}</body></html>")
    script = "<script>var state = '" + "y" * (15 * MB) + "';</script>"
    (tmp_path / "scripted.html").write_text(f"<html><head>{script}</head><body>{paragraph}")
    markup = paragraph * (LIMIT // 2 // len(paragraph))  # parsed whole, ~430 MB
    (tmp_path / "markup.html").write_text(f"<html><body>{markup}")
    rise, codes, stderr = measured(tmp_path, ["clean", "small.html"], ["clean", "scripted.html"])
    assert codes == [0] and b"Traceback" not in stderr
    assert rise <= 2 * LIMIT + 2 * MB
    rise, codes, stderr = measured(tmp_path, ["clean", "small.html"], ["clean", "markup.html"])
    assert codes == [1] and b"Traceback" not in stderr
    assert b"over the 2,000,000-character limit (Options.max_html_chars)" in stderr
    assert rise <= 2 * LIMIT


def test_the_duplicates_and_glue_stages_hold_no_copy_of_a_long_text():
    # each held the text once more (a key a line; the lines joined; a hard-wrapped run joined
    # to weigh it as prose): 19.7 MB of 400-character lines rose 65 MB through clean(), 49 MB
    # without those copies
    import tracemalloc

    from cleaner import Cleaner
    from cleaner.document import Document

    cleaner = Cleaner()
    filler = "of the council budget for the coming year " * 50
    for end in (".", ""):  # paragraphs; a text hard-wrapped as one paragraph
        lines = [f"Line {number} {filler}".rstrip() + end for number in range(2_000)]
        for name in ("duplicates", "glue"):
            stage = cleaner.stage(name)
            stage(Document.from_lines(lines[:10], lang="en"))  # its lazy loads, not counted
            doc = Document.from_lines(lines, lang="en")
            tracemalloc.start()
            stage(doc)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            assert len(doc.lines) == len(lines)
            assert peak < sum(map(len, lines)) / 2, (name, end)  # a copy: 1x
