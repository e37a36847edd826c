"""Hostile input, HTML: XHTML, a BOM, NULs and deep nesting are still HTML, one sniffing rule
serves `cleaner clean` and `cleaner batch`, and language codes are normalised (issue 15,
items 8 and 9; issue 14, item 6)."""

import pytest
from cleaner import clean

from batch_corpus import cli, read_jsonl
from conftest import run_cli

PARAGRAPH = "The city council approved the new budget on Tuesday after a long debate about schools."
XHTML = (
    "<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>"
    f"<head><title>Budget</title></head><body><article><p>{PARAGRAPH}</p></article></body></html>"
)


@pytest.mark.parametrize("page", [XHTML, "\ufeff" + XHTML, "\ufeff" + XHTML.split("\n", 1)[1]])
def test_xhtml_and_a_bom_are_html(page):
    assert clean(page).text == PARAGRAPH + "\n"


def test_clean_dir_and_batch_dir_agree_on_a_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(f"<p>{PARAGRAPH}</p>")  # too little to sniff
    (tmp_path / "in" / "page2.txt").write_text(XHTML)
    assert run_cli("clean", tmp_path / "in", "-o", tmp_path / "clean").returncode == 0
    assert cli("batch", tmp_path / "in", "-o", tmp_path / "batch", "-j", "1") == 0
    for name in ("page.txt", "page2.txt"):
        assert (
            (tmp_path / "clean" / name).read_text()
            == (tmp_path / "batch" / name).read_text()
            == PARAGRAPH + "\n"
        )


def test_html_with_nuls_is_extracted_and_the_nuls_recorded():
    page = (
        f"<html><body><article><p>The city\x00 council\x00 approved {PARAGRAPH}</p>"
        "</article></body></html>"
    )
    result = clean(page)
    assert result.text.startswith("The city council approved")
    [edit] = result.edits
    assert (edit.line, edit.rule, edit.evidence) == (
        0,
        "decode.nul",
        "2 in the HTML, before extraction",
    )


@pytest.mark.parametrize("reference", ["&#26;", "&#x1A;", "&#0011", "&#65535;", "&#xFFFE;"])
def test_html_with_a_reference_to_a_character_xml_forbids_is_extracted(reference):
    # lxml decodes the reference, then refuses the text holding it inside trafilatura, which
    # gave nothing for the whole page
    page = f"<html><body><article><p>The city{reference} council approved {PARAGRAPH}</p></article>"
    result = clean(page + "</body></html>")
    assert result.text.startswith("The city council approved")
    [edit] = result.edits
    assert (edit.rule, edit.before, edit.evidence) == (
        "decode.xml-forbidden-reference",
        reference,
        "1 in the HTML, before extraction",
    )


@pytest.mark.parametrize("reference", ["&#9;", "&#10;", "&#32;", "&#260;", "&#x1AB;", "&#65533;"])
def test_html_references_xml_allows_are_kept(reference):
    page = f"<html><body><article><p>The city{reference} council approved {PARAGRAPH}</p>"
    assert not clean(page + "</article></body></html>").edits


def test_html_nested_past_the_parser_depth_limit_is_extracted():
    page = f"<html><body>{'<div>' * 300}<p>{PARAGRAPH}</p>{'</div>' * 300}</body></html>"
    assert clean(page).text == PARAGRAPH + "\n"


@pytest.mark.parametrize("lang", ["EN", "en-US", "en_GB", " en "])
def test_language_codes_are_normalised(lang):
    result = clean(f"{PARAGRAPH}\nREAD MORE: Ministers clash over budget\n", lang=lang)
    assert (result.lang, result.text) == ("en", PARAGRAPH + "\n")


@pytest.mark.parametrize("lang", ["e" * 1000, "\x01", "The council met on Monday."])
def test_a_language_that_is_no_code_is_detected_instead(lang):
    result = clean(f"{PARAGRAPH}\nREAD MORE: Ministers clash over budget\n", lang=lang)
    assert (result.lang, result.text) == ("en", PARAGRAPH + "\n")


def test_a_host_with_its_final_dot_and_an_outlet_in_capitals_are_known(tmp_path):
    assert clean(PARAGRAPH, url="https://themoscowtimes.com./a").outlet == "themoscowtimes"
    (tmp_path / "a.txt").write_text(PARAGRAPH + "\n")
    done = run_cli("clean", "--outlet", "WION", tmp_path / "a.txt")
    assert done.returncode == 2 and b"(did you mean wion?)" in done.stderr


def test_a_line_of_stray_combining_marks_goes():
    result = clean(f"{PARAGRAPH}\n\u0301\u0301\n", lang="en")
    assert result.text == PARAGRAPH + "\n"
    assert [r.rule for r in result.removed] == ["common.lone-symbol-line"]


def test_a_record_language_field_is_normalised(tmp_path):
    (tmp_path / "in.jsonl").write_text(
        '{"id": "a", "text": "'
        + PARAGRAPH
        + '\\nREAD MORE: Ministers clash over budget", "language": "EN-us"}\n'
    )
    assert (
        cli(
            "batch",
            tmp_path / "in.jsonl",
            "-o",
            tmp_path / "out.jsonl",
            "-j",
            "1",
            "--lang-field",
            "language",
        )
        == 0
    )
    [row] = read_jsonl(tmp_path / "out.jsonl")
    assert (row["lang"], row["text"]) == ("en", PARAGRAPH + "\n")


def test_tables_nested_past_the_parser_depth_limit_are_extracted():
    nested = "<table><tr><td>" * 150 + f"<p>{PARAGRAPH}</p>" + "</td></tr></table>" * 150
    assert clean(f"<html><body>{nested}</body></html>").text == PARAGRAPH + "\n"


def test_html_with_nuls_in_a_table_is_extracted():
    row = "<tr><td>Rovers\x00</td><td>12</td></tr>"
    page = f"<html><body><article><p>{PARAGRAPH}</p><table>{row}</table></article></body></html>"
    assert clean(page).text.startswith(PARAGRAPH + "\n")


def test_an_attribute_bomb_in_a_table_cell_is_refused():
    from cleaner.errors import InputError
    from cleaner.stages.html import MAX_TAG_ATTRIBUTES

    bomb = "<td " + " ".join(f"a{n}=1" for n in range(MAX_TAG_ATTRIBUTES + 1)) + ">x</td>"
    with pytest.raises(InputError, match="attributes"):
        clean(f"<html><body><table><tr>{bomb}</tr></table><p>{PARAGRAPH}</p></body></html>")


SCRIPT_TEXT = "document.write('the council approved nothing at all, said the script');"


@pytest.mark.parametrize(
    "script",
    [
        f"<script>{SCRIPT_TEXT}</script>",
        f"<SCRIPT type='text/javascript'>{SCRIPT_TEXT}</script\n\n<!-- a plugin -->",
        f"<style>p {{ color: red }} /* {SCRIPT_TEXT} */</style >",
    ],
)
def test_scripts_and_styles_go_before_parsing(script):
    from cleaner.stages.html import without_scripts

    page = f"<html><body>{script}<article><p>{PARAGRAPH}</p></article></body></html>"
    assert SCRIPT_TEXT not in without_scripts(page, 10_000)
    assert PARAGRAPH in without_scripts(page, 10_000)
    assert clean(page).text == PARAGRAPH + "\n"


@pytest.mark.parametrize(
    "kept",
    [
        "<!-- <script> -->",  # no script inside a comment
        '<script type=\'application/ld+json\'>{"@type": "HowTo"}</script>',  # trafilatura reads it
        "<scripted>x</scripted>",
        "<script>never closed",
    ],
)
def test_comments_json_ld_other_tags_and_unclosed_scripts_stay(kept):
    from cleaner.stages.html import without_scripts

    page = f"<html><body><p>{PARAGRAPH}</p>{kept}<p>{PARAGRAPH}</p></body>"
    assert without_scripts(page, 10_000) == page
    assert without_scripts("<script>x</script>" + page, 10_000) == page


def test_html_over_the_character_limit_is_refused_and_scripts_do_not_count():
    from cleaner import Cleaner
    from cleaner.errors import InputError

    body = f"<html><body><article><p>{PARAGRAPH}</p></article></body></html>"
    scripted = body.replace("<body>", f"<body><script>{SCRIPT_TEXT * 100}</script>")
    small = Cleaner(max_html_chars=len(body))
    assert small.clean(scripted, fmt="html").text == PARAGRAPH + "\n"
    with pytest.raises(InputError, match=r"over the 50-character limit \(Options.max_html_chars\)"):
        Cleaner(max_html_chars=50).clean(scripted, fmt="html")


@pytest.mark.parametrize(
    "page",
    ["<script></script>" * 200_000, "<script>" * 500_000, "<!--" * 1_000_000],
)
def test_hostile_runs_of_scripts_and_comments_cost_one_pass_and_no_list(page):
    from cleaner.errors import InputError
    from cleaner.stages.html import without_scripts

    if page.startswith("<script></script>"):
        assert without_scripts(page, 100) == ""
    else:
        with pytest.raises(InputError, match=r"Options\.max_html_chars"):
            without_scripts(page, 100)
