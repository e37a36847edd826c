"""`explain` replays each line's edits in order and marks them in place."""

import re

from cleaner import clean
from cleaner.document import Edit
from cleaner.explain import explain, render_edits


def test_single_edit_is_marked_with_its_rule():
    edits = [Edit(1, 4, "Putinin", "Putin in", "glue.word")]
    rendered = render_edits("Mr. Putinin June", edits, color=False)
    assert rendered == "Mr. {Putinin -> Putin in | glue.word} June"


def test_later_offsets_refer_to_the_text_after_earlier_edits():
    edits = [Edit(1, 0, "  ", "", "whitespace.trim"), Edit(1, 3, "  ", " ", "whitespace.collapse")]
    assert render_edits("  one  two", edits, color=False) == (
        "{   ->  | whitespace.trim}one{   ->   | whitespace.collapse}two"
    )


def test_an_edit_over_an_earlier_edit_merges_both_rules():
    edits = [
        Edit(1, 3, "Ã©", "é", "repair.encoding"),
        Edit(1, 0, "caféteria", "café teria", "glue.word"),
    ]
    assert render_edits("cafÃ©teria", edits, color=False) == (
        "{cafÃ©teria -> café teria | repair.encoding, glue.word}"
    )


def test_explain_lists_every_input_line():
    text = "Advertisement\nThe council voted on Monday to close the bridge.\n\nShare this article\n"
    lines = explain(clean(text)).splitlines()
    assert lines == [
        "- [common.advertisement-label · advertisement] Advertisement",
        "  The council voted on Monday to close the bridge.",
        "",
        "- [common.english-share · share] Share this article",
    ]


def test_replaying_edits_reproduces_the_clean_text():
    text = "  The  war against Ukraineaccording to estimates went on,and on. \n"
    result = clean(text, lang="en")
    marked = explain(result).splitlines()[0]
    assert "{Ukraineaccording -> Ukraine according | glue.word}" in marked
    plain = render_edits(result.source[0], result.edits, color=False)
    rebuilt = re.sub(r"\{(.*?) -> (.*?) \| [^}]*\}", r"\2", plain)
    assert rebuilt + "\n" == result.text


def test_a_documents_control_characters_never_reach_the_terminal():
    text = (
        "The council met on Monday to approve the new budget for the city, officials said.\n"
        "A line \x07\x1b[2J\x1b]0;owned\x07 with escapes in the middle here.\n"
        "Share\x1b[2J\n"
    )
    result = clean(text, lang="en")
    assert result.edits and result.removed  # escapes in edits, kept and removed lines
    for color in (False, True):
        shown = explain(result, color)
        assert "\x07" not in shown and "\x1b[2J" not in shown and "\x1b]0;" not in shown
        assert "\\x1b[2J" in shown
