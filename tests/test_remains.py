"""`cleaner remains` and corpus_remains(): the kept lines that recur across a group's
documents, with document counts and a rule ready to paste; another page's headline listed
without one."""

import json

import yaml
from cleaner.batch.remains import CorpusRemains, RemainingLine, corpus_remains

from batch_corpus import cli, write_jsonl
from test_learn_review import FOOTER, gazette, story

HEADLINE = "Mayor opens the new river bridge"


def corpus(tmp_path):
    """Six pages of gazette.example; page 0 is the article whose headline the others list."""
    return gazette(
        tmp_path,
        6,
        lambda i: [] if i == 0 else ["Gazette picks", HEADLINE],
        lambda i: [HEADLINE] if i == 0 else [],
    )


def test_corpus_remains_returns_plain_dataclasses(tmp_path):
    found = corpus_remains([corpus(tmp_path)], by="domain")
    assert isinstance(found, CorpusRemains) and found.by == "domain"
    (group,) = found.groups
    assert (group.group, group.docs, group.outlet, group.domain) == (
        "gazette.example",
        6,
        None,
        "gazette.example",
    )
    by_text = {line.text: line for line in group.lines}
    assert by_text[FOOTER] == RemainingLine(
        FOOTER,
        6,
        False,
        "printed-in-the-gazette-weekend",
        "boilerplate",
        r"(?i)^Printed\s*in\s*the\s*Gazette\s*weekend\s*edition$",
    )
    assert by_text[HEADLINE].headline and by_text[HEADLINE].pattern == ""


def test_text_output_is_counts_and_rules_to_paste(tmp_path, capsys):
    assert cli("remains", corpus(tmp_path), "--by", "domain", "-j", "1") == 0
    out = capsys.readouterr().out
    assert "#       6/6  Printed in the Gazette weekend edition\n" in out
    assert "(another document's headline: no rule)" in out
    pasted = yaml.safe_load(out)  # the comments fall away: a list of rules
    assert [rule["id"] for rule in pasted] == ["printed-in-the-gazette-weekend", "gazette-picks"]
    assert pasted[1]["category"] == "navigation"


def test_json_output(tmp_path, capsys):
    assert cli("remains", corpus(tmp_path), "--json", "-j", "1") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by"] == "outlet" and data["by_domain"] == 6
    assert {line["text"] for line in data["groups"][0]["lines"]} == {
        FOOTER,
        HEADLINE,
        "Gazette picks",
    }


def test_by_outlet_says_which_documents_fell_back_to_their_domain(tmp_path, capsys):
    rows = [{"id": str(i), "text": story(i) + "\n" + FOOTER + "\n"} for i in range(6)]
    assert cli("remains", write_jsonl(tmp_path / "nourl.jsonl", rows), "-j", "1") == 0
    err = capsys.readouterr().err
    assert "6 documents had no outlet and no URL: not counted" in err
