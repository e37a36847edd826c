"""Hostile input, decoding: a stray byte does not garble a UTF-8 document, NUL is judged the
same wherever it stands, UTF-16 without a BOM is text (issue 15, items 4 and 9)."""

import pytest
from cleaner import InputError, clean
from cleaner.explain import explain
from cleaner.stages.decode import decode_bytes

from conftest import run_cli

QUOTED = "The minister said “we will not wait” and left the room on Monday."


def test_a_stray_byte_keeps_utf8_and_is_recorded_where_it_happened():
    data = f"{QUOTED}\nThe vote follows \xab a week of talks.".encode().replace(
        b"\xc2\xab", b"\xab"
    )
    result = clean(data)
    assert result.text == f"{QUOTED}\nThe vote follows \ufffd a week of talks.\n"
    [edit] = [e for e in result.edits if e.rule == "decode.invalid-utf8"]
    assert (edit.line, edit.offset, edit.before, edit.after) == (2, 17, "\\xab", "\ufffd")


def test_explain_shows_the_bad_byte_and_its_replacement():
    result = clean(QUOTED.encode() + b" \x93")
    assert "{\\x93 -> \ufffd | decode.invalid-utf8}" in explain(result)


def test_a_legacy_encoding_is_still_found():
    text = "Der Bürgermeister äußerte sich am Montag zur Lage der Straßenbahn in München."
    assert clean(text.encode("cp1252")).text == text + "\n"
    assert clean(text.encode("cp1252")).edits == ()


def test_cli_keeps_utf8_of_a_file_with_a_stray_byte(tmp_path):
    (tmp_path / "doc.txt").write_bytes(QUOTED.encode() + b"\nA second line \xff here.\n")
    done = run_cli("clean", tmp_path / "doc.txt")
    assert done.returncode == 0
    assert done.stdout.decode() == f"{QUOTED}\nA second line \ufffd here.\n"


@pytest.mark.parametrize("at", [10, 70_000])
def test_a_few_nuls_are_dropped_wherever_they_stand(at):
    text = "The council approved the budget on Tuesday after a long debate.\n" * 2000
    data = (text[:at] + "\x00" + text[at:]).encode()
    result = clean(data)
    assert "\x00" not in result.text
    assert [e.rule for e in result.edits if e.rule.startswith("decode.")] == ["decode.nul"]


@pytest.mark.parametrize("at", [0, 70_000])
def test_binary_is_refused_wherever_it_starts(at):
    data = b"plain words here. " * (at // 18) + bytes(range(32)) * 20_000
    with pytest.raises(InputError, match="binary"):
        clean(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec):
    text = "Le gouvernement a annoncé mardi de nouvelles mesures pour les élèves."
    assert clean(text.encode(codec)).text == text + "\n"


def test_decode_bytes_gives_what_cleaning_sees():
    data = b"caf\xc3\xa9 \xff ok\x00 and more words after"
    assert decode_bytes(data) == "café \ufffd ok and more words after"
