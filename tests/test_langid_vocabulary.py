"""Text that is not in any language langdetect knows (lorem ipsum, Latin) gets no language,
rather than the nearest one; real text keeps langdetect's verdict."""

import pytest
from cleaner import Cleaner
from cleaner.langid import detect, langdetect_verdict
from cleaner.langid.vocabulary import mostly_words_of

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
    "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure "
    "dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur."
)
LOREM_VARIANT = (
    "Lorem ipsum dolor sit amet, consectetuer adipiscing elit. Aenean commodo ligula "
    "eget dolor. Aenean massa. Cum sociis natoque penatibus et magnis dis parturient "
    "montes, nascetur ridiculus mus. Donec quam felis, ultricies nec, pellentesque eu, "
    "pretium quis, sem. Nulla consequat massa quis enim."
)
LATIN = (
    "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, "
    "tertiam qui ipsorum lingua Celtae, nostra Galli appellantur."
)
BASE64 = (
    "PGRpdiBjbGFzcz0ic3AtZHNndm8gc3AtZHNndm8tZW1iZWRkaW5nLWNvbnRhaW5lciBzcC1kc2d2by1lbWJl"
    "ZGRpbmctZW1iZWRkaW5nc19pbnN0YWdyYW0iPjxkaXYgY2xhc3M9InNwLWRzZ3ZvLWJsb2NrZWQtZW1iZWRk"
)


@pytest.mark.parametrize("text", [LOREM, LOREM_VARIANT, LATIN])
def test_lorem_ipsum_and_latin_have_no_language_though_langdetect_names_a_neighbour(text):
    assert langdetect_verdict(text) in {"ca", "fr", "it", "es"}
    assert detect(text) is None


def test_a_sample_without_words_keeps_the_verdict():
    # A German page whose longest lines are an embedded base64 image stays German.
    assert detect(BASE64) == langdetect_verdict(BASE64) is not None


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "The government announced new measures on Monday to bring down the price of energy.",
            "en",
        ),
        ("Le gouvernement a annoncé lundi de nouvelles mesures contre la vie chère.", "fr"),
        ("El Govern ha anunciat dilluns noves mesures per abaixar el preu de l'energia.", "ca"),
        ("Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen.", "de"),
        ("这是一个中文句子，用来测试语言检测。", "zh"),  # no spaces: no word check
    ],
)
def test_real_text_keeps_langdetects_verdict(text, lang):
    assert detect(text) == langdetect_verdict(text) == lang


def test_a_language_without_a_word_list_keeps_the_verdict():
    assert mostly_words_of("sw", LOREM)


def test_lorem_ipsum_page_is_not_glue_repaired():
    # Taken for Catalan, "nisi" was split into "ni si".
    result = Cleaner().clean(LOREM)
    assert result.lang is None
    assert "nisi" in result.text.split() and result.edits == ()
