"""The rules stage: drop lines, drop blocks, replace spans, protect lines."""

import textwrap

from cleaner import Cleaner
from cleaner.document import Document, Line
from cleaner.patterns import SCREEN_MAX_CHARS, Pattern, screen_of, top_level_alternatives
from cleaner.ruleset import admits, load_ruleset, word_count
from cleaner.stages.rules import apply_rules
from conftest import SEEDS


def ruleset(tmp_path, rules_yaml):
    path = tmp_path / "t.yaml"
    path.write_text("rules:\n" + textwrap.indent(textwrap.dedent(rules_yaml), "  "), encoding="utf-8")
    return load_ruleset(path)


def doc(*lines):
    return Document([Line(n, t) for n, t in enumerate(lines, 1)])


def kept(document):
    return [line.text for line in document.lines]


def test_drop_removes_matching_lines_with_rule_id_and_category(tmp_path):
    rs = ruleset(tmp_path, """\
        - id: ad
          category: advertisement
          drop: '^Advertisement$'
          examples: {drop: [Advertisement]}
        """)
    d = apply_rules(doc("Intro.", "Advertisement", "Body."), [rs])
    assert kept(d) == ["Intro.", "Body."]
    assert [(r.line, r.text, r.rule, r.category) for r in d.removed] == [
        (2, "Advertisement", "t.ad", "advertisement")]


def test_max_words_keeps_long_lines_that_match(tmp_path):
    rs = ruleset(tmp_path, """\
        - id: related
          category: related
          drop: '^Related'
          max_words: 3
          examples: {drop: [Related stories]}
        """)
    d = apply_rules(doc("Related stories", "Related companies were fined on Monday."), [rs])
    assert kept(d) == ["Related companies were fined on Monday."]


BLOCK = """\
    - id: appeal
      category: donation
      drop_block: {start: '^Dear readers', end: '^Remind me later', max_lines: 4}
      examples: {drop: ["Dear readers\\nRemind me later"]}
    """


def test_drop_block_removes_start_through_end(tmp_path):
    d = apply_rules(doc("Story.", "Dear readers", "Give.", "Remind me later", "More story."),
                    [ruleset(tmp_path, BLOCK)])
    assert kept(d) == ["Story.", "More story."]
    assert {r.rule for r in d.removed} == {"t.appeal"}


def test_drop_block_without_its_end_drops_nothing(tmp_path):
    d = apply_rules(doc("Story.", "Dear readers", "Give.", "More story."), [ruleset(tmp_path, BLOCK)])
    assert kept(d) == ["Story.", "Dear readers", "Give.", "More story."]


def test_drop_block_longer_than_max_lines_drops_nothing(tmp_path):
    lines = ["Dear readers", "a.", "b.", "c.", "d.", "Remind me later"]
    assert kept(apply_rules(doc(*lines), [ruleset(tmp_path, BLOCK)])) == lines


def test_drop_block_without_end_runs_to_the_end_of_the_document(tmp_path):
    rs = ruleset(tmp_path, """\
        - id: footer
          category: boilerplate
          drop_block: {start: '^About us$'}
          examples: {drop: ["About us\\nContact"]}
        """)
    assert kept(apply_rules(doc("Story.", "About us", "Contact", "Jobs"), [rs])) == ["Story."]


def test_replace_records_each_edit_with_offsets_into_the_text_it_edited(tmp_path):
    rs = ruleset(tmp_path, """\
        - id: nbsp-dash
          replace: {pattern: ' -- ', with: ' – '}
          examples: {fix: [{before: 'a -- b', after: 'a – b'}]}
        """)
    d = apply_rules(doc("one -- two -- three"), [rs])
    assert kept(d) == ["one – two – three"]
    assert [(e.offset, e.before, e.after, e.rule) for e in d.edits] == [
        (3, " -- ", " – ", "t.nbsp-dash"), (9, " -- ", " – ", "t.nbsp-dash")]


def test_protected_lines_survive_drop_rules(tmp_path):
    rs = ruleset(tmp_path, """\
        - id: keep-quote
          protect: '^“'
          examples: {keep: ['“Share the burden,” she said.']}
        - id: share
          category: share
          drop: '(?i)^“?share'
          examples: {drop: [Share]}
        """)
    d = apply_rules(doc("Share", "“Share the burden,” she said."), [rs])
    assert kept(d) == ["“Share the burden,” she said."]
    assert d.lines[0].protected_by == "t.keep-quote"


def test_outlet_rules_apply_only_to_their_outlet(tmp_path):
    (tmp_path / "site.yaml").write_text(textwrap.dedent("""\
        outlet: site
        domains: [site.example]
        rules:
          - id: promo
            category: promo
            drop: '^Get the app$'
            examples: {drop: [Get the app]}
        """), encoding="utf-8")
    cleaner = Cleaner(rules=[tmp_path])
    text = "Get the app\nThe council voted on Monday to close the bridge.\n"
    assert cleaner.clean(text, url="https://www.site.example/a").text.startswith("The council")
    assert cleaner.clean(text, url="https://other.example/a").text.startswith("Get the app")


# The screen: a rule set's drop patterns as one, tested before them.

def test_top_level_alternatives_skip_groups_classes_and_escapes():
    assert top_level_alternatives(r"^a|^(b|c)|[|]\||d") == ["^a", "^(b|c)", r"[|]\|", "d"]
    assert top_level_alternatives(r"^[]|]x|y") == ["^[]|]x", "y"]


def test_a_screen_tries_anchored_patterns_at_the_start_only_and_refuses_back_references():
    anchored, floating = Pattern(r"(?i)^share\W*$", "a", "t"), Pattern(r"^x|all rights", "b", "t")
    screen = screen_of([anchored, floating], "s", "t")
    assert screen.anchored.source == r"(?i:^share\W*$)" and screen.floating.source == r"(?:^x|all rights)"
    assert screen.search("SHARE:") and screen.search("2024 All rights") is False
    assert screen.search("2024 all rights") and not screen.search("Please share")
    assert screen_of([anchored, Pattern(r"(\w)\1", "c", "t")], "s", "t") is None


def test_the_screen_agrees_with_the_drop_patterns_on_every_seed_and_example_line():
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines()]
    lines += ["Advertisement", "Share this:", "© 2024 Example", "Lesen Sie auch: Neues", "19:49",
              "Home › News › Politik", "x" * 500, "Teilen mit: Facebook", ""]
    screened = [rs for rs in Cleaner().rulesets if rs.screen]
    assert {rs.name for rs in screened} >= {"common", "en", "de"}
    for rs in screened:
        drops = [rule for rule in rs.rules if rule.kind == "drop"]
        for line in lines:
            words = word_count(line)
            assert rs.screen.search(line, words) == any(
                admits(rule, words) and rule.pattern.search(line) for rule in drops), (rs.name, line)


def test_a_rule_set_with_a_replace_rule_has_no_screen(tmp_path):
    drops = ("- {id: a, category: share, drop: '^Share$', examples: {drop: [Share]}}\n"
             "- {id: b, category: share, drop: '^Tweet$', examples: {drop: [Tweet]}}\n")
    replace = "- {id: c, replace: {pattern: 'x', with: 'y'}, examples: {fix: [{before: x, after: y}]}}\n"
    assert ruleset(tmp_path, drops).screen is not None
    assert ruleset(tmp_path, drops + replace).screen is None


def test_a_screen_that_cannot_tell_lets_every_rule_decide():
    slow = Pattern(r"^(?:a|aa)+$", "slow", "t", timeout_s=0.01)
    screen = screen_of([slow, Pattern("^b$", "b", "t")], "s", "t", timeout_s=0.01)
    assert screen.search("a" * 40 + "!")  # the joined pattern timed out: "maybe"
    assert screen.search("x" * (SCREEN_MAX_CHARS + 1))  # too long to screen: "maybe"
    assert not screen.search("x")


def test_a_line_meets_only_the_patterns_of_rules_that_admit_its_length(tmp_path):
    rs = ruleset(tmp_path, """\
        - {id: short, category: share, drop: 'Share', max_words: 3, examples: {drop: [Share it]}}
        - {id: any, category: tags, drop: '^Tags:', examples: {drop: ['Tags: a, b']}}
        """)
    assert rs.screen.bounds == (3, float("inf"))
    assert rs.screen.search("Share it now", 3)
    assert not rs.screen.search("Share this long paragraph with all of your friends", 9)
    assert rs.screen.search("Tags: one two three four five", 6)
    document = doc("Share it now", "Share this long paragraph with all of your friends")
    assert kept(apply_rules(document, [rs])) == ["Share this long paragraph with all of your friends"]
