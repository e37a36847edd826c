"""The RE2 prefilter: translations that match at least wherever the `regex` pattern does."""

from types import SimpleNamespace

import pytest
import regex
from cleaner import Cleaner, prefilter
from cleaner.prefilter import Prefilter, translate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "source, expected",
    [
        (r"(?i)^share\W*$", r"(?i)^share\W*(?:\n?$)"),
        (r"\bnews\b", "news"),  # word boundaries: dropped
        (
            r"^(?!.*[.!?]$)[^>›»]{1,40}",
            "^[^>›»]{1,}",
        ),  # negative lookahead dropped, long span loosened
        (r"^(?=.{0,300}$)(?=.*newsletter)(?=.*\b(?:a|b)\b).{0,300}$", "^(?:.*newsletter)"),
        (r"Foto(?=:)", "Foto(?::)"),  # a lookahead ending a branch is kept as text
        (r"\d{1,2}\.\d{4}", r"[\p{Nd}]{1,2}\.[\p{Nd}]{4}"),
        (r"a++b*+", "a+b*"),  # possessive -> greedy
        (r"(?>ab)(?P<x>c)(?<y>d)", "(?:ab)(?:c)(?:d)"),
        (r"[^\w\s]x", r"[^\n]x"),  # widening \w inside [^...] would narrow it
        (r"(?-i:\p{Lu})\u00e9", r"(?-i:\p{Lu})\x{00e9}"),
        (r"(?<![[:alpha:]])x", "x"),  # a dropped lookbehind's content is never translated
    ],
)
def test_translations(source, expected):
    assert translate(source) == expected


@pytest.mark.parametrize(
    "source",
    [r"(\w)\1", r"(?x) a b", r"(?(1)a|b)", r"a(?i)b", r"\N{BULLET}", r"(?=a)*", r"[[:alpha:]]"],
)
def test_what_has_no_counterpart_is_not_translated(source):
    assert translate(source) is None


def test_unicode_classes_keep_their_unicode_meaning():
    found = Prefilter([r"^\w+$", r"\s", r"^\d+$"])
    assert found.candidates("Straße") == {0}
    assert found.candidates("a\u00a0b") == {1}  # RE2's \s is ASCII only
    assert found.candidates("٣٤") == {0, 2}  # Arabic-Indic digits


def test_what_cannot_be_prefiltered_is_a_candidate_everywhere():
    found = Prefilter([r"^a$", r"(\w)\1", None])
    assert found.unfiltered == {1, 2}
    assert found.candidates("zz") == {1, 2}
    assert found.candidates("a") == {0, 1, 2}
    assert found.candidates("\ud800") == {0, 1, 2}  # a lone surrogate: RE2 reads UTF-8 only


def test_too_large_for_re2_every_pattern_runs(monkeypatch):
    monkeypatch.setattr(prefilter, "RE2_MAX_MEM", 1 << 10)
    found = Prefilter(["a{100}b{100}c{100}", "^x$"])
    assert found.unfiltered == {0, 1} and found.candidates("y") == {0, 1}


BUNDLED = [rs for rs in Cleaner().rulesets if rs.rules]
# Lines built from the bundled examples, cut and joined, with odd spaces, cases and digits.
PIECES = sorted(
    {
        piece
        for rs in BUNDLED
        for rule in rs.rules
        for text in rule.examples.drop + rule.examples.keep
        for piece in regex.split(r"(?<=\s)", text)
    }
)
piece = st.one_of(
    st.sampled_from(PIECES), st.sampled_from(["\u00a0", " ", "٣", "ẞ", "İ", "…", "©", "!"])
)
line = (
    st.lists(piece, min_size=1, max_size=8)
    .map("".join)
    .flatmap(lambda text: st.sampled_from([text, text.upper(), text.lower(), text.strip()]))
)


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(line)
def test_every_bundled_rule_that_matches_a_line_is_among_its_candidates(text):
    for rs in BUNDLED:
        matching = {i for i, rule in enumerate(rs.rules) if rule.pattern.search(text)}
        assert matching <= rs.prefilter.candidates(text), (rs.name, text)


def test_when_re2_gives_up_on_a_line_every_pattern_runs(monkeypatch):
    found = Prefilter([r"^a$", r"^b$"])
    gave_up = SimpleNamespace(Match=lambda text: None)  # what re2's Set.Match returns out of memory
    monkeypatch.setattr(found, "_set", gave_up)
    assert found.candidates("a") == {0, 1}
