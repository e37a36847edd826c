"""Encoding repair (ftfy) and whitespace normalisation."""

import re
import time

import ftfy
from cleaner.document import Document
from cleaner.stages.encoding import (
    FTFY_CONFIG,
    MOJIBAKE_CHARS,
    SUSPECT,
    cannot_need_ftfy,
    repair_encoding,
)
from cleaner.stages.whitespace import UNTIDY, is_tidy, normalize_whitespace
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GOLDEN, SEEDS


def doc(*lines):
    return Document.from_lines(lines)


def test_mojibake_is_repaired_with_a_minimal_edit():
    d = repair_encoding(doc("The cafÃ© opened."))
    assert d.lines[0].text == "The café opened."
    assert [(e.offset, e.before, e.after, e.rule) for e in d.edits] == [
        (7, "Ã©", "é", "repair.encoding")
    ]


def test_curly_quotes_and_apostrophes_are_kept():
    text = "“Behind you,” Kim’s message said ‘twice’."
    d = repair_encoding(doc(text))
    assert d.lines[0].text == text and d.edits == []


def test_full_width_cjk_punctuation_is_kept():
    text = "金正恩表示，朝鲜支持俄罗斯！"
    assert repair_encoding(doc(text)).lines[0].text == text


def test_control_characters_are_removed():
    assert repair_encoding(doc("Bell\x07 rang")).lines[0].text == "Bell rang"


def test_html_entities_in_ascii_lines_still_reach_ftfy():
    assert repair_encoding(doc("Tom &amp; Jerry")).lines[0].text == "Tom & Jerry"


MOJIBAKE = [
    "cafÃ©",
    "donâ€™t",
    "Ã¼ber",
    "seÃ±or",
    "ðŸ˜€",
    "voilÃ le",
    "â€œquotedâ€\x9d",
    "Ã",
    "Â·",
    "ï¬\x81ne",
    "ﬁne",
    "e\u0301",
    "Tom &amp; Jerry",
    "a\x1b[31mred",
    "an object\ufffc here",
    "deprecated\u206aformat",
    "c1\x85",
    "bom\ufeff",
]
# Characters ftfy leaves alone with FTFY_CONFIG, unprintable as some are: no reason for ftfy.
LEFT_ALONE = ["a\u00a0b", "soft\u00adhyphen", "tab\there", "line\u2028sep", "zero\u200bwidth"]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
    | st.text(max_size=60)
    | st.text(alphabet=st.sampled_from("aeéöüßÃÂâ€™œ\x9d©®°±²³´µ¶·¸¹º»¼½¾¿ðŸ˜ ."), max_size=40)
    | st.sampled_from(MOJIBAKE)
)
def test_a_line_that_skips_ftfy_is_one_ftfy_would_leave_alone(text):
    if cannot_need_ftfy(text):
        assert ftfy.fix_text(text, FTFY_CONFIG) == text


def test_characters_ftfy_leaves_alone_do_not_send_a_line_to_it():
    assert all(
        cannot_need_ftfy(text) and ftfy.fix_text(text, FTFY_CONFIG) == text for text in LEFT_ALONE
    )
    changed = [text for text in MOJIBAKE if ftfy.fix_text(text, FTFY_CONFIG) != text]
    assert "an object\ufffc here" in changed and not any(map(cannot_need_ftfy, changed))


def test_real_lines_that_skip_ftfy_are_ones_ftfy_would_leave_alone():
    lines = [
        line
        for path in sorted(SEEDS.glob("*.txt")) + sorted(GOLDEN.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert sum(map(cannot_need_ftfy, lines)) > len(lines) / 2  # most lines skip ftfy
    skipped = [line for line in lines + MOJIBAKE if cannot_need_ftfy(line)]
    assert [line for line in skipped if ftfy.fix_text(line, FTFY_CONFIG) != line] == []


def test_the_suspect_screen_passes_every_string_ftfy_calls_bad():
    """Every ftfy mojibake pattern needs two of its characters side by side or a lone
    suspect: try each of its characters between plain neighbours, and beside each other
    across one plain character (the full 6.5 million combinations were checked once)."""
    suspects = [
        char for char in map(chr, range(0x80, 0x10000)) if re.match(f"[{MOJIBAKE_CHARS}]", char)
    ]
    plain = ["", " ", "a", "Z", ".", "\n", "中", "\u2009"]
    missed = [
        x + m + y
        for m in suspects
        for x in plain
        for y in plain
        if is_bad(x + m + y) and not SUSPECT.search(x + m + y)
    ]
    missed += [
        m + x + n
        for m in suspects
        for x in (" ", "a")
        for n in suspects
        if is_bad(m + x + n) and not SUSPECT.search(m + x + n)
    ]
    assert len(suspects) > 400 and missed == []


def test_a_line_judged_tidy_is_one_the_whitespace_passes_leave_alone():
    untidy = [f"a{char}b" for char in map(chr, range(0x10000)) if UNTIDY.search(f"a{char}b")]
    untidy += [" a", "a ", "a  b", "\ta", "a\u00a0b", "a\u200bb", "a\u00adb", "a\u3000b"]
    assert len(untidy) > 20 and [text for text in untidy if is_tidy(text)] == []
    assert is_tidy("Two words, one space.") and is_tidy("Ein Satz – mit Strich")


def test_whitespace_is_trimmed_collapsed_and_invisible_characters_removed():
    d = normalize_whitespace(doc("  Two\t\tspaces\u00a0 here ", "zero\u200bwidth"))
    assert [line.text for line in d.lines] == ["Two spaces here", "zerowidth"]
    assert {e.rule for e in d.edits} == {
        "whitespace.trim",
        "whitespace.collapse",
        "whitespace.invisible",
    }


def test_blank_lines_go_without_being_recorded_as_removals():
    d = normalize_whitespace(doc("One.", "", "   ", "\u200b", "Two."))
    assert [(line.number, line.text) for line in d.lines] == [(1, "One."), (5, "Two.")]
    assert d.removed == []


def test_zero_width_joiners_are_kept():
    text = "نمی\u200cخواهم 👩\u200d💻"
    assert normalize_whitespace(doc(text)).lines[0].text == text


def test_two_repairs_far_apart_on_a_long_line_are_exact_and_fast():
    line = "The cafÃ© opened. " + "Plain words follow here. " * 4_000 + "Ã©tÃ© ended."
    started = time.perf_counter()
    d = repair_encoding(doc(line))
    assert time.perf_counter() - started < 2
    assert d.lines[0].text == line.replace("Ã©", "é")
    assert len(d.edits) == 3 and all(len(edit.before) < 20 for edit in d.edits)
    assert (d.edits[0].offset, d.edits[0].before, d.edits[0].after) == (7, "Ã©", "é")


def test_nearby_repairs_on_a_long_line_stay_minimal():
    line = "Plain words. " * 500 + "The cafÃ© and the thÃ©Ã¢tre." + " More." * 500
    d = repair_encoding(doc(line))
    assert [(e.before, e.after) for e in d.edits] == [("Ã©", "é"), ("Ã©Ã¢", "éâ")]


def test_many_repairs_on_a_long_line_are_found_word_by_word_and_stay_minimal():
    line = " ".join(["Die GrÃ¶ÃŸe", "der BehÃ¶rde", "wÃ¤chst."] * 40)
    started = time.perf_counter()
    d = repair_encoding(doc(line))
    assert time.perf_counter() - started < 0.5  # a character diff of the line: ~280 ms
    assert d.lines[0].text == ftfy.fix_text(line, FTFY_CONFIG)
    assert [(e.before, e.after) for e in d.edits[:3]] == [("Ã¶ÃŸ", "öß"), ("Ã¶", "ö"), ("Ã¤", "ä")]
    assert len(d.edits) == 120


def test_a_repair_that_joins_or_splits_words_on_a_long_line_is_still_exact():
    line = "Plain words here. " * 20 + "Tom&nbsp;Jerry met at the cafÃ©. " + "More words. " * 20
    d = repair_encoding(doc(line))
    assert d.lines[0].text == ftfy.fix_text(line, FTFY_CONFIG)
    assert [(e.before, e.after) for e in d.edits] == [("&nbsp;", "\xa0"), ("Ã©", "é")]
