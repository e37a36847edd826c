"""Bad input gets a clear InputError or a safe pass-through: never a traceback or a hang."""

import time

import pytest
from cleaner import Cleaner, InputError, clean


def test_empty_input_gives_empty_text():
    for empty in ["", b"", "\n\n  \n"]:
        result = clean(empty)
        assert (result.text, result.removed, result.lang) == ("", (), None)


def test_binary_input_is_refused_clearly():
    with pytest.raises(InputError, match="binary"):
        clean(bytes(range(256)) * 4)


def test_non_utf8_input_is_decoded():
    text = "Der Bürgermeister äußerte sich am Montag zur Lage der Straßenbahn in München."
    assert clean(text.encode("cp1252")).text == text + "\n"


def test_utf8_with_bom_is_decoded():
    assert clean("\ufeffHello there, this is a plain sentence.".encode("utf-8")).text.startswith(
        "Hello"
    )


def test_utf16_input_is_decoded():
    text = "Le gouvernement a annoncé mardi de nouvelles mesures pour les élèves."
    assert clean(text.encode("utf-16")).text == text + "\n"


def test_very_long_single_line_is_cleaned_in_reasonable_time():
    line = "The committee met again on Tuesday and discussed the budget at length. " * 20_000
    start = time.perf_counter()
    result = clean(line)
    assert time.perf_counter() - start < 30
    assert result.text == line.strip() + "\n"


def test_input_over_the_size_limit_is_refused():
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        Cleaner(max_input_bytes=1000).clean("x" * 1001)


def test_unknown_format_is_refused():
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        clean("text", fmt="pdf")


def test_html_without_article_text_gives_empty_text():
    assert clean("<html><body><script>var a = 1;</script></body></html>").text == ""
