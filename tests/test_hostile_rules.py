"""Broken and hostile rule files, as a user meets them: `cleaner rules check DIR` prints one
`file:line: key: problem` line per problem on stderr, no traceback, and exits 2."""

import os
import textwrap

import pytest
import yaml
from cleaner import RuleError
from cleaner.rule_files import MAX_RULE_FILE_BYTES
from cleaner.ruleset import load_ruleset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

EXIT_USAGE = 2
GOOD_RULE = """\
  - id: also-read
    category: related
    drop: '^Also Read:'
    examples: {drop: ["Also Read: something"], keep: ["We also read it."]}
"""


def rules_dir(tmp_path, text, name="site.yaml"):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def check(folder):
    """rc and stderr lines of `cleaner rules check folder`."""
    done = run_cli("rules", "check", folder)
    return done.returncode, done.stderr.decode("utf-8").splitlines()


def assert_one_line_error(folder, *expected):
    rc, lines = check(folder)
    assert rc == EXIT_USAGE
    assert len(lines) == 1 and "Traceback" not in lines[0]
    for part in expected:
        assert part in lines[0]


def test_a_yaml_key_that_is_a_list(tmp_path):
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE + "    ? [1, 2]\n    : 3\n")
    assert_one_line_error(folder, "site.yaml:6:", "a key must be a word, not a list")


def test_a_pattern_with_500_nested_groups(tmp_path):
    pattern = "(" * 500 + "a" + ")" * 500
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE.replace("'^Also Read:'", f"'{pattern}'"))
    assert_one_line_error(folder, "site.yaml:4: rules[0].drop: nests groups over 50 deep")


# an unclosed group name; an escape past Unicode (chr() raises ValueError, not regex.error)
@pytest.mark.parametrize("template", [r"\g<1", r"\U0011FFFF"])
def test_a_replace_template_that_cannot_expand(tmp_path, template):
    rule = f"rules:\n  - id: fix\n    replace: {{pattern: '(a)', with: '{template}'}}\n"
    folder = rules_dir(tmp_path, rule + "    examples: {fix: [{before: a, after: b}]}\n")
    assert_one_line_error(
        folder, f"site.yaml:3: rules[0].replace.with: template `{template}` is not valid"
    )


def test_a_pattern_whose_flags_cannot_be_combined(tmp_path):
    for number, flags in enumerate(("(?au)", "(?aL)", "(?a)(?u)")):
        text = "rules:\n" + GOOD_RULE.replace("'^Also Read:'", f"'{flags}Also Read'")
        folder = rules_dir(tmp_path, text, name=f"site{number}.yaml")
        assert_one_line_error(
            folder, f"site{number}.yaml:4: rules[0].drop: pattern", "does not compile"
        )
        (folder / f"site{number}.yaml").unlink()


def test_every_problem_of_a_file_is_reported_one_per_line(tmp_path):
    folder = rules_dir(
        tmp_path,
        """\
        rules:
          - id: ad
            category: advertisment
            drop: '^Ad('
            examples: {drop: [Ad]}
          - id: Promo
            drop: '^Promo'
        """,
    )
    rc, lines = check(folder)
    assert rc == EXIT_USAGE
    assert [line.split("site.yaml:")[1] for line in lines] == [
        "3: rules[0].category: unknown 'advertisment'; did you mean 'advertisement'?",
        "4: rules[0].drop: pattern '^Ad(' does not compile: missing ) at position 4",
        "6: rules[1].examples: missing `examples:`; texts the rule must drop, keep or fix",
        "6: rules[1].id: must be lower-case letters, digits and hyphens",
        "6: rules[1].category: missing; a drop rule needs a category",
    ]


def test_problems_of_several_files_are_all_reported(tmp_path):
    rules_dir(tmp_path, "rules: 5\n", "a.yaml")
    folder = rules_dir(tmp_path, "rules: []\nlang: 3\n", "b.yaml")
    rc, lines = check(folder)
    assert rc == EXIT_USAGE
    assert [line.rsplit("/", 1)[1] for line in lines] == [
        "a.yaml:1: rules: must be a list",
        "b.yaml:2: lang: must be a non-empty string",
    ]


def test_a_rule_file_over_the_size_limit(tmp_path):
    folder = rules_dir(tmp_path, "rules: []\n" + "#" * MAX_RULE_FILE_BYTES + "\n")
    assert_one_line_error(folder, "site.yaml: over 4 MB")


def test_a_dangling_symlink_in_a_rules_folder(tmp_path):
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE)
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert_one_line_error(folder, "gone.yaml: cannot read rule file: a symlink to nothing")


def test_a_directory_named_like_a_rule_file(tmp_path):
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE)
    (folder / "x.yaml").mkdir()
    assert_one_line_error(folder, "x.yaml: cannot read rule file: a directory")


def test_a_fifo_named_like_a_rule_file_does_not_hang(tmp_path):
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE)
    os.mkfifo(folder / "pipe.yaml")
    assert_one_line_error(folder, "pipe.yaml: not a regular file")


def test_a_symlinked_subdirectory_is_followed(tmp_path):
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    (elsewhere / "shared.yaml").write_text(
        "rules:\n" + GOOD_RULE.replace("^Also", "^Bad("), encoding="utf-8"
    )
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE)
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    assert_one_line_error(folder, "linked/shared.yaml:4: rules[0].drop: pattern")


def test_a_symlink_loop_is_read_once(tmp_path):
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    done = run_cli("rules", "check", folder)
    assert done.returncode == 0, done.stderr
    assert b"1 rule files" in done.stdout


def test_a_pattern_re2_cannot_parse_logs_nothing(tmp_path):
    """The prefilter's translation keeps `\\p{Script=Greek}`, which RE2 cannot parse."""
    folder = rules_dir(
        tmp_path,
        "rules:\n"
        + GOOD_RULE.replace("'^Also Read:'", "'\\p{Script=Greek}+'").replace(
            '"Also Read: something"', '"αβγ"'
        ),
    )
    done = run_cli("rules", "check", folder)
    assert done.returncode == 0 and done.stderr == b""


RULE_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 3)
    | st.sampled_from(
        ["", "x", "promo", "(a", "^a$", "\\g<1", "\\1", "(?i)a", "[", "a{2,1}", "(?P<n>a)"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "category",
                    "drop",
                    "drop_block",
                    "replace",
                    "protect",
                    "examples",
                    "start",
                    "end",
                    "max_lines",
                    "pattern",
                    "with",
                    "keep",
                    "fix",
                    "before",
                    "after",
                    "max_words",
                    "rules",
                    "lang",
                    "outlet",
                    "domains",
                    "glue_prefixes",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(
    derandomize=True,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    document=st.dictionaries(
        st.sampled_from(
            ["rules", "lang", "outlet", "fingerprints", "names", "glue_suffixes", "ruleset"]
        ),
        RULE_VALUES,
        max_size=3,
    ),
    cut=st.integers(0, 400),
)
def test_no_rule_file_raises_anything_but_a_rule_error(tmp_path, document, cut):
    """Random rule files, and good ones cut short: a RuleSet or a RuleError, nothing else."""
    for text in (yaml.safe_dump(document), ("rules:\n" + GOOD_RULE)[:cut]):
        path = tmp_path / "fuzz.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_ruleset(path)
        except RuleError as error:
            assert "\n" not in str(error) or all(": " in line for line in str(error).splitlines())


def test_a_rule_set_named_like_a_bundled_one_fails_the_check_as_it_fails_a_run(tmp_path):
    folder = rules_dir(tmp_path, "rules:\n" + GOOD_RULE, name="common.yaml")
    assert_one_line_error(folder, "common.yaml: ruleset: name 'common' is already used by")
    document = tmp_path / "a.txt"
    document.write_text("One line of an article about the council's budget.\n")
    assert run_cli("clean", "--rules", folder, document).returncode == EXIT_USAGE


def test_a_line_break_in_a_template_or_a_name_is_escaped_in_its_one_line_error(tmp_path):
    rule = "rules:\n  - id: fix\n    replace: {pattern: '(a)', with: \"x\\r\\u2028y\"}\n"
    folder = rules_dir(tmp_path, rule + "    examples: {fix: [{before: a, after: b}]}\n")
    assert_one_line_error(folder, "template `x\\x0d\\u2028y` holds '\\r'; a replacement is text")
    done = run_cli("clean", tmp_path / "no\nsuch.txt")
    assert done.returncode == EXIT_USAGE
    assert done.stderr.decode().splitlines() == [
        f"cleaner: {tmp_path}/no\\x0asuch.txt: no such file or directory"
    ]
