"""The rules stage: drop lines, drop blocks, replace spans, protect lines."""

import textwrap

import pytest
from cleaner import Cleaner, RuleError
from cleaner.document import Document
from cleaner.ruleset import load_ruleset
from cleaner.stages.rules import apply_rules

from conftest import SEEDS


def ruleset(tmp_path, rules_yaml):
    path = tmp_path / "t.yaml"
    path.write_text(
        "rules:\n" + textwrap.indent(textwrap.dedent(rules_yaml), "  "), encoding="utf-8"
    )
    return load_ruleset(path)


def doc(*lines):
    return Document.from_lines(lines)


def kept(document):
    return [line.text for line in document.lines]


def test_drop_removes_matching_lines_with_rule_id_and_category(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: ad
          category: advertisement
          drop: '^Advertisement$'
          examples: {drop: [Advertisement]}
        """,
    )
    d = apply_rules(doc("Intro.", "Advertisement", "Body."), [rs])
    assert kept(d) == ["Intro.", "Body."]
    assert [(r.line, r.text, r.rule, r.category) for r in d.removed] == [
        (2, "Advertisement", "t.ad", "advertisement")
    ]


def test_max_words_keeps_long_lines_that_match(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: related
          category: related
          drop: '^Related'
          max_words: 3
          examples: {drop: [Related stories]}
        """,
    )
    d = apply_rules(doc("Related stories", "Related companies were fined on Monday."), [rs])
    assert kept(d) == ["Related companies were fined on Monday."]


BLOCK = """\
    - id: appeal
      category: donation
      drop_block: {start: '^Dear readers', end: '^Remind me later', max_lines: 4}
      examples: {drop: ["Dear readers\\nRemind me later"]}
    """


def test_drop_block_removes_start_through_end(tmp_path):
    d = apply_rules(
        doc("Story.", "Dear readers", "Give.", "Remind me later", "More story."),
        [ruleset(tmp_path, BLOCK)],
    )
    assert kept(d) == ["Story.", "More story."]
    assert {r.rule for r in d.removed} == {"t.appeal"}


def test_drop_block_without_its_end_drops_nothing(tmp_path):
    d = apply_rules(
        doc("Story.", "Dear readers", "Give.", "More story."), [ruleset(tmp_path, BLOCK)]
    )
    assert kept(d) == ["Story.", "Dear readers", "Give.", "More story."]


def test_drop_block_longer_than_max_lines_drops_nothing(tmp_path):
    lines = ["Dear readers", "a.", "b.", "c.", "d.", "Remind me later"]
    assert kept(apply_rules(doc(*lines), [ruleset(tmp_path, BLOCK)])) == lines


def test_drop_block_without_end_runs_to_the_end_of_the_document(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: footer
          category: boilerplate
          drop_block: {start: '^About us$'}
          examples: {drop: ["About us\\nContact"]}
        """,
    )
    assert kept(apply_rules(doc("Story.", "About us", "Contact", "Jobs"), [rs])) == ["Story."]


def test_replace_records_each_edit_with_offsets_into_the_text_it_edited(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: nbsp-dash
          replace: {pattern: ' -- ', with: ' – '}
          examples: {fix: [{before: 'a -- b', after: 'a – b'}]}
        """,
    )
    d = apply_rules(doc("one -- two -- three"), [rs])
    assert kept(d) == ["one – two – three"]
    assert [(e.offset, e.before, e.after, e.rule) for e in d.edits] == [
        (3, " -- ", " – ", "t.nbsp-dash"),
        (9, " -- ", " – ", "t.nbsp-dash"),
    ]


def test_a_line_a_replace_rule_leaves_blank_goes_as_its_removal(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: promo
          replace: {pattern: '^PROMO:?\\s*', with: ''}
          examples: {fix: [{before: 'PROMO: The council met.', after: 'The council met.'}]}
        """,
    )
    d = apply_rules(doc("PROMO: The council met.", "PROMO:", "The mayor spoke."), [rs])
    assert kept(d) == ["The council met.", "The mayor spoke."]
    assert [(r.line, r.text, r.rule, r.category) for r in d.removed] == [
        (2, "PROMO:", "t.promo", "boilerplate")
    ]
    assert [(e.line, e.before) for e in d.edits] == [(1, "PROMO: ")]


@pytest.mark.parametrize("template", ["BAR\\\\nmore", "BAR\\x1b[2J", "\\x00BAR"])
def test_a_replace_template_with_a_line_break_or_control_character_is_refused(tmp_path, template):
    with pytest.raises(RuleError, match="; a replacement is text on its line"):
        ruleset(
            tmp_path,
            f"""\
            - id: split
              replace: {{pattern: 'BAR', with: "{template}"}}
              examples: {{fix: [{{before: 'BAR', after: 'BAR more'}}]}}
            """,
        )


def test_a_replacement_leaves_its_line_spaced_as_every_line_is(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: pad
          replace: {pattern: '^The|said\\.$', with: '  \\g<0> \u3000'}
          examples: {fix: [{before: 'The end.', after: 'The end.'}]}
        """,
    )
    d = apply_rules(doc("The mayor said."), [rs])
    assert kept(d) == ["The mayor said."]
    assert {e.rule for e in d.edits} == {"t.pad"}


def test_protected_lines_survive_drop_rules(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: keep-quote
          protect: '^“'
          examples: {keep: ['“Share the burden,” she said.']}
        - id: share
          category: share
          drop: '(?i)^“?share'
          examples: {drop: [Share]}
        """,
    )
    d = apply_rules(doc("Share", "“Share the burden,” she said."), [rs])
    assert kept(d) == ["“Share the burden,” she said."]
    assert d.lines[0].protected_by == "t.keep-quote"


def test_outlet_rules_apply_only_to_their_outlet(tmp_path):
    (tmp_path / "site.yaml").write_text(
        textwrap.dedent("""\
        outlet: site
        domains: [site.example]
        rules:
          - id: promo
            category: promo
            drop: '^Our man in Lagos$'
            examples: {drop: [Our man in Lagos]}
        """),
        encoding="utf-8",
    )
    cleaner = Cleaner(rules=[tmp_path])
    text = "Our man in Lagos\nThe council voted on Monday to close the bridge.\n"
    assert cleaner.clean(text, url="https://www.site.example/a").text.startswith("The council")
    assert cleaner.clean(text, url="https://other.example/a").text.startswith("Our man in Lagos")


# The prefilter: which rules could match a line, for a whole rule set in one RE2 pass.


def test_every_bundled_pattern_is_prefiltered_and_lets_its_matches_through():
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines()]
    lines += [
        "Advertisement",
        "Share this:",
        "© 2024 Example",
        "Lesen Sie auch: Neues",
        "19:49",
        "Home › News › Politik",
        "x" * 500,
        "Teilen mit: Facebook",
        "",
        "\u00a0Anzeige\u00a0",
    ]
    for rs in Cleaner().rulesets:
        if not rs.rules:
            continue
        assert rs.prefilter.unfiltered == frozenset(), rs.name  # each rule has its RE2 form
        examples = [text for rule in rs.rules for text in rule.examples.drop + rule.examples.keep]
        for line in lines + examples:
            matching = {i for i, rule in enumerate(rs.rules) if rule.pattern.search(line)}
            assert matching <= rs.prefilter.candidates(line), (rs.name, line)


def test_the_joint_prefilter_offers_each_rule_the_lines_its_own_set_would():
    from cleaner.stages.rules import JointPrefilter, candidate_lines

    lines = doc(
        *[line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines()],
        *[text for rs in Cleaner().rulesets for rule in rs.rules for text in rule.examples.drop],
    ).lines
    rulesets = [rs for rs in Cleaner().rulesets if rs.rules]
    joint = JointPrefilter(rulesets).candidate_lines(lines)
    assert joint == [candidate_lines(lines, rs) for rs in rulesets]
    assert sum(len(found) for found in joint) > 50  # the examples meet their rules


def test_a_rule_runs_only_on_the_lines_its_prefilter_lets_through(tmp_path):
    rs = ruleset(
        tmp_path,
        r"""
        - {id: share, category: share, drop: '(?i)^share\W*$', examples: {drop: [Share]}}
        - {id: tags, category: tags, drop: '^Tags:', examples: {drop: ['Tags: a, b']}}
        """,
    )
    assert rs.prefilter.candidates("SHARE:") == {0}
    assert rs.prefilter.candidates("Tags: one, two") == {1}
    assert rs.prefilter.candidates("The council voted on Monday.") == frozenset()


def test_a_replace_rule_lets_the_later_rules_see_the_line_it_rewrote(tmp_path):
    rs = ruleset(
        tmp_path,
        r"""
        - {id: unwrap, replace: {pattern: '^\[(.*)\]$', with: '\1'},
           examples: {fix: [{before: '[x]', after: x}]}}
        - {id: ad, category: advertisement, drop: '^Anzeige$', examples: {drop: [Anzeige]}}
        """,
    )
    document = apply_rules(doc("[Anzeige]", "Der Rat tagte am Montag."), [rs])
    assert kept(document) == ["Der Rat tagte am Montag."]
    assert [(e.rule, e.after) for e in document.edits] == [("t.unwrap", "Anzeige")]
    assert [r.rule for r in document.removed] == ["t.ad"]


def test_the_rule_sets_after_a_rewrite_see_the_line_by_its_new_text(tmp_path):
    from cleaner.stages.rules import JointPrefilter

    first = ruleset(
        tmp_path,
        r"""
        - {id: unwrap, replace: {pattern: '^\[(.*)\]$', with: '\1'},
           examples: {fix: [{before: '[x]', after: x}]}}
        """,
    )
    (tmp_path / "later").mkdir()
    later = ruleset(
        tmp_path / "later",
        r"""
        - {id: ad, category: advertisement, drop: '^Anzeige$', examples: {drop: [Anzeige]}}
        - {id: bracket, category: boilerplate, drop: '^\[Werbung\]$',
           examples: {drop: ['[Werbung]']}}
        """,
    )
    lines = ("[Anzeige]", "[Werbung]", "Der Rat tagte am Montag.")
    for joint in (None, JointPrefilter([first, later])):
        document = apply_rules(doc(*lines), [first, later], joint)
        # "[Anzeige]" goes as an ad once unwrapped; "[Werbung]", unwrapped, is no longer one
        assert kept(document) == ["Werbung", "Der Rat tagte am Montag."]
        assert [(r.text, r.rule) for r in document.removed] == [("Anzeige", "t.ad")]
        assert [e.after for e in document.edits] == ["Anzeige", "Werbung"]


def test_a_rule_its_prefilter_would_miss_on_an_example_runs_on_every_line(tmp_path, monkeypatch):
    from cleaner import prefilter

    monkeypatch.setattr(prefilter, "translate", lambda source: "^never$")  # a wrong translation
    rs = ruleset(
        tmp_path, "- {id: ad, category: advertisement, drop: '^Ad$', examples: {drop: [Ad]}}\n"
    )
    assert rs.prefilter.unfiltered == {0}
    assert kept(apply_rules(doc("Ad", "Text."), [rs])) == ["Text."]


def test_a_line_meets_only_the_rules_that_admit_its_length(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - {id: short, category: share, drop: 'Share', max_words: 3, examples: {drop: [Share it]}}
        - {id: any, category: tags, drop: '^Tags:', examples: {drop: ['Tags: a, b']}}
        """,
    )
    document = doc("Share it now", "Share this long paragraph with all of your friends")
    assert kept(apply_rules(document, [rs])) == [
        "Share this long paragraph with all of your friends"
    ]


WRAPPED = [
    "The committee said that the report on the new budget had been written",
    "by Jane Doe.",
]


def test_rules_that_drop_lines_pass_over_a_hard_wrapped_paragraph(tmp_path):
    rs = ruleset(
        tmp_path,
        """\
        - id: byline
          category: byline
          drop: '^[Bb]y \\p{Lu}\\w+ \\p{Lu}\\w+\\W*$'
          examples: {drop: [By Jane Doe]}
        - id: doe
          replace: {pattern: 'Jane Doe', with: 'J. Doe'}
          examples: {fix: [{before: by Jane Doe, after: by J. Doe}]}
        """,
    )
    d = apply_rules(doc(*WRAPPED), [rs])
    assert kept(d) == [WRAPPED[0], "by J. Doe."] and d.removed == []
    d = apply_rules(doc("The report was published on Monday.", "By Jane Doe"), [rs])
    assert kept(d) == ["The report was published on Monday."]


def test_the_generic_rules_leave_the_tail_of_a_wrapped_sentence(cleaner):
    text = "\n".join(WRAPPED) + "\n"
    assert cleaner.clean(text).text == text
    assert cleaner.clean(WRAPPED[1]).removed[0].rule == "common.english-byline"


def test_a_link_bar_is_no_line_of_a_wrapped_paragraph(cleaner):
    """Two footer bars before "partners:" read as a paragraph hard-wrapped over three lines
    (the colon ends it, the last line starts in lower case), which no rule may drop."""
    bars = [
        "Copyright 2005 Los Angeles Times | Privacy Policy | Terms of Service",
        "Home Delivery | Advertise | Archives | Contact | Site Map | Help",
    ]
    text = "\n".join(["The council met on Monday to discuss the budget.", *bars, "partners:"])
    removed = {removal.text: removal.rule for removal in cleaner.clean(text).removed}
    assert removed[bars[0]] == "common.copyright"
    assert removed[bars[1]] == "common.footer-links"


def test_rule_sets_too_large_for_one_re2_set_keep_their_own_prefilters(monkeypatch):
    from cleaner import prefilter
    from cleaner.stages.rules import RuleApplier

    cleaner = Cleaner()
    rulesets = [rs for rs in cleaner.catalog.active("en", None) if rs.rules]
    applier = RuleApplier(cleaner.catalog)
    assert applier.joint(rulesets) is not None
    monkeypatch.setattr(prefilter, "search_set", lambda translations: None)  # past max_mem
    applier = RuleApplier(cleaner.catalog)
    assert applier.joint(rulesets) is None
    document = doc("Share this:", "The council voted on Monday.")
    applier(document)
    assert kept(document) == ["The council voted on Monday."]
