"""Rule files are validated on load; each mistake is one RuleError naming file, line and key."""

import textwrap

import pytest
from cleaner import Cleaner, RuleError, RuleTimeout
from cleaner.patterns import LONG_LINE_CHARS
from cleaner.rule_model import Drop, DropBlock, Protect, Replace
from cleaner.rule_schema import markdown_table
from cleaner.ruleset import load_ruleset, load_rulesets

from conftest import ROOT, run_cli

GOOD_RULE = """\
rules:
  - id: also-read
    category: related
    drop: '^Also Read:'
    examples:
      drop: ["Also Read: something"]
      keep: ["We also read it."]
"""


def write(tmp_path, text, name="outlet.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(path) -> RuleError:
    with pytest.raises(RuleError) as caught:
        load_ruleset(path)
    return caught.value


def test_valid_file_loads_with_global_rule_ids(tmp_path):
    ruleset = load_ruleset(write(tmp_path, GOOD_RULE, "mysite.yaml"))
    assert ruleset.name == "mysite"
    assert [rule.id for rule in ruleset.rules] == ["mysite.also-read"]


def test_malformed_yaml_names_file_and_line(tmp_path):
    err = error_of(write(tmp_path, "rules:\n  - id: x\n    drop: [unclosed\n"))
    assert "outlet.yaml:" in str(err) and "malformed YAML" in str(err)
    assert err.line is not None


def test_unknown_key_suggests_the_closest(tmp_path):
    err = error_of(write(tmp_path, GOOD_RULE.replace("category:", "categroy:")))
    assert err.line == 3
    assert "rules[0].categroy" in str(err) and "did you mean 'category'?" in str(err)


def test_unknown_top_level_key(tmp_path):
    err = error_of(write(tmp_path, "domain: [x.com]\n" + GOOD_RULE))
    assert err.line == 1 and "did you mean 'domains'?" in str(err)


def test_pattern_that_does_not_compile(tmp_path):
    err = error_of(write(tmp_path, GOOD_RULE.replace("'^Also Read:'", "'^Also (Read:'")))
    assert err.line == 4 and "rules[0].drop" in str(err) and "does not compile" in str(err)


def test_missing_id(tmp_path):
    err = error_of(
        write(tmp_path, GOOD_RULE.replace("  - id: also-read\n    category", "  - category"))
    )
    assert "missing `id:`" in str(err)


def test_duplicated_id_names_the_first_line(tmp_path):
    second = GOOD_RULE.split("rules:\n")[1]
    err = error_of(write(tmp_path, GOOD_RULE + second))
    assert "duplicated rule id 'also-read' (first used on line 2)" in str(err)
    assert err.line == 8 and "rules[1].id" in str(err)


def test_duplicated_yaml_key(tmp_path):
    err = error_of(
        write(
            tmp_path,
            GOOD_RULE.replace(
                "    category: related\n", "    category: related\n    category: promo\n"
            ),
        )
    )
    assert "duplicated key 'category'" in str(err) and err.line == 4


def test_unknown_category_suggests_the_closest(tmp_path):
    err = error_of(write(tmp_path, GOOD_RULE.replace("category: related", "category: relatd")))
    assert "did you mean 'related'?" in str(err)


def test_rule_without_examples_is_rejected(tmp_path):
    err = error_of(write(tmp_path, GOOD_RULE.split("    examples:")[0]))
    assert "missing `examples:`" in str(err)


def test_replace_template_must_match_the_pattern_groups(tmp_path):
    text = """\
    rules:
      - id: fix
        replace: {pattern: '(a)b', with: '\\2'}
        examples: {fix: [{before: ab, after: b}]}
    """
    err = error_of(write(tmp_path, text))
    assert "template `\\2` refers to a group the pattern does not have" in str(err)


def test_rule_needs_exactly_one_kind(tmp_path):
    err = error_of(
        write(
            tmp_path,
            GOOD_RULE.replace(
                "    drop: '^Also Read:'\n", "    drop: '^Also Read:'\n    protect: 'x'\n"
            ),
        )
    )
    assert "exactly one of drop, drop_block, replace, protect" in str(err)


def test_not_utf8_rule_file(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("rules: []\n# caf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in str(error_of(path))


def test_top_level_must_be_a_mapping(tmp_path):
    assert "must be a mapping" in str(error_of(write(tmp_path, "- just\n- a list\n")))


def test_empty_file_is_an_empty_ruleset(tmp_path):
    assert load_ruleset(write(tmp_path, "")).rules == ()


def test_two_files_with_the_same_ruleset_name(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a", GOOD_RULE, "site.yaml")
    write(tmp_path / "b", GOOD_RULE, "site.yaml")
    with pytest.raises(RuleError, match="already used by"):
        load_rulesets([tmp_path / "a", tmp_path / "b"])


def test_missing_rule_directory(tmp_path):
    with pytest.raises(RuleError, match="no such rule file or directory"):
        load_rulesets([tmp_path / "nowhere"])


# The back-reference keeps RE2's prefilter out (it has none): the pattern meets every line.
CATASTROPHIC_RULE = """\
rules:
  - id: slow
    category: promo
    drop: '(a|aa)+\\1?$'
    examples: {drop: [aaa], keep: [b]}
"""


def test_catastrophic_pattern_gives_a_clear_error_not_a_hang(tmp_path):
    write(tmp_path, CATASTROPHIC_RULE)
    cleaner = Cleaner(rules=[tmp_path], rule_timeout_s=0.05)
    with pytest.raises(RuleTimeout, match=r"outlet\.slow.*simplify it"):
        cleaner.clean("a" * 40 + "!\n", lang="en")


def test_the_prefilter_spares_a_catastrophic_pattern_the_lines_it_cannot_match(tmp_path):
    write(tmp_path, CATASTROPHIC_RULE.replace("\\1?", ""))  # now RE2 rules the line out
    cleaner = Cleaner(rules=[tmp_path], rule_timeout_s=0.05)
    assert cleaner.clean("a" * 40 + "!\n", lang="en").text == "a" * 40 + "!\n"


def test_a_pattern_out_of_time_on_a_long_line_finds_nothing_and_the_document_is_cleaned(tmp_path):
    write(tmp_path, CATASTROPHIC_RULE)
    cleaner = Cleaner(rules=[tmp_path], rule_timeout_s=0.05)
    text = "The vote was held on Monday.\n" + "a" * LONG_LINE_CHARS + "!\n"
    assert cleaner.clean(text, lang="en").text == text


def test_user_rules_extend_the_bundled_ones(tmp_path):
    write(tmp_path, GOOD_RULE.replace("'^Also Read:'", "'^Sponsored by '"), "mine.yaml")
    result = Cleaner(rules=[tmp_path]).clean("Sponsored by ACME\nThe vote was held on Monday.\n")
    assert [r.rule for r in result.removed] == ["mine.also-read"]
    assert result.text == "The vote was held on Monday.\n"


def test_the_docs_table_is_the_one_generated_from_the_schema():
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    generated = (
        docs.split("<!-- rule schema:")[1]
        .split("-->\n", 1)[1]
        .split("<!-- end of rule schema -->")[0]
    )
    assert generated == markdown_table()


def test_rules_schema_command_prints_the_table():
    done = run_cli("rules", "schema")
    assert done.returncode == 0 and done.stdout.decode("utf-8") == markdown_table()


def test_each_kind_loads_as_its_class(tmp_path):
    text = """\
    rules:
      - id: a
        category: promo
        drop: 'x'
        examples: {drop: [x]}
      - id: b
        category: promo
        drop_block: {start: 'x', end: 'y'}
        examples: {drop: ["x\\ny"]}
      - id: c
        replace: {pattern: 'x', with: 'y'}
        examples: {fix: [{before: x, after: y}]}
      - id: d
        protect: 'x'
        examples: {keep: [x]}
    """
    rules = load_ruleset(write(tmp_path, text)).rules
    assert [type(rule) for rule in rules] == [Drop, DropBlock, Replace, Protect]


def drop_list(tmp_path, alternatives: str):
    return write(
        tmp_path,
        f"""\
    rules:
      - id: teaser
        category: related
        drop: {alternatives}
        examples: {{drop: ["Read more", "SEE ALSO: this"], keep: ["We read more books."]}}
    """,
    )


def test_drop_takes_a_list_of_alternatives_with_their_common_flags_once(tmp_path):
    rule = load_ruleset(drop_list(tmp_path, "['(?i)^read more$', '(?i)^see also:']")).rules[0]
    assert rule.pattern.source == "(?i)^read more$|^see also:"
    result = Cleaner(rules=[tmp_path]).clean("Read more\nWe read more books.\nSee also: this\n")
    assert result.text == "We read more books.\n"


def test_alternatives_with_different_flags_are_an_error(tmp_path):
    err = error_of(drop_list(tmp_path, "['(?i)^read more$', '^SEE ALSO:']"))
    assert err.line == 4 and "rules[0].drop: alternatives start with different flags" in str(err)


def test_an_alternative_must_compile_on_its_own(tmp_path):
    err = error_of(drop_list(tmp_path, "['^(read more', 'see also)']"))
    assert "pattern '^(read more' does not compile" in str(err)


def test_a_back_reference_in_a_list_of_alternatives_is_an_error(tmp_path):
    err = error_of(drop_list(tmp_path, "['^(read) more', '^(see) \\1']"))
    assert "a back-reference in a list of alternatives" in str(err)


def test_rule_errors_lists_every_problem_with_its_line(tmp_path):
    err = error_of(
        write(tmp_path, GOOD_RULE.replace("related", "relatd").replace("'^Also Read:'", "5"))
    )
    assert [(e.line, e.key) for e in err.errors] == [(3, "rules[0].category"), (4, "rules[0].drop")]


def test_a_rule_that_is_not_a_mapping_names_the_rules_line(tmp_path):
    err = error_of(write(tmp_path, "lang: en\nrules:\n  - just text\n"))
    assert err.line == 2 and "rules[0]: each rule must be a mapping" in str(err)
