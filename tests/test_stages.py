"""The stage contract: a list of objects, each declaring the rule ids it can emit."""

from cleaner import Cleaner

from conftest import SEEDS, run_cli
from test_spacing import benchmark_pages


def test_every_rule_id_in_a_result_is_declared_by_a_stage(cleaner):
    declared = {info.id for info in cleaner.rule_ids()}
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += [text for _, text in benchmark_pages()]
    emitted = set()
    for text in texts:
        result = cleaner.clean(text, fmt="text")
        emitted |= {r.rule for r in result.removed} | {e.rule for e in result.edits}
    assert emitted - declared == set()
    assert {"heuristic.menu", "duplicate.exact", "glue.word"} <= emitted


def test_decoding_rule_ids_are_declared(cleaner):
    declared = {info.id for info in cleaner.rule_ids()}
    result = cleaner.clean(
        "Caf\xe9 \u201cau lait\u201d at 9\x00 sharp.\n".encode("utf-8").replace(
            b"\xc3\xa9", b"\xe9"
        ),
        fmt="text",
    )
    assert {edit.rule for edit in result.edits} >= {"decode.invalid-utf8", "decode.nul"}
    assert {edit.rule for edit in result.edits} <= declared


def test_declared_rule_ids_are_unique_and_carry_a_category_and_description(cleaner):
    infos = cleaner.rule_ids()
    assert len({info.id for info in infos}) == len(infos)
    assert all(info.category and info.description for info in infos)


def test_switched_off_stages_leave_the_stage_list():
    off = Cleaner(repair_glue=False, repair_encoding=False, article_span=False)
    assert [stage.name for stage in off.stages] == [
        "whitespace",
        "outlet",
        "language",
        "rules",
        "captions",
        "sections",
        "duplicates",
    ]
    default = [stage.name for stage in Cleaner().stages]
    assert default[0] == "encoding" and default[-3:] == ["duplicates", "article_span", "glue"]
    on = Cleaner(repair_glue=False, repair_encoding=False, line_model=True)
    assert [stage.name for stage in on.stages][4:6] == ["captions", "line_model"]


def test_a_wrapper_sees_every_stage_once_per_document_and_changes_nothing(cleaner):
    calls = []

    def traced(stage):
        def run(doc):
            calls.append(stage.name)
            stage(doc)

        run.name, run.rule_ids = stage.name, stage.rule_ids
        return run

    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    assert cleaner.wrapped(traced).clean(text) == cleaner.clean(text)
    assert calls == [stage.name for stage in cleaner.stages]


def test_rules_list_prints_built_in_and_yaml_rule_ids():
    done = run_cli("rules", "list")
    assert done.returncode == 0
    rows = [line.split("\t") for line in done.stdout.decode().splitlines()]
    assert all(len(row) == 4 for row in rows)
    assert ["sections", "heuristic.menu", "navigation"] in [row[:3] for row in rows]
    assert ["decode", "decode.nul", "repair"] in [row[:3] for row in rows]
    assert any(row[0] == "rules" and row[1].startswith("common.") for row in rows)


def test_rules_list_keeps_a_description_with_tabs_and_escapes_on_its_row(tmp_path):
    (tmp_path / "site.yaml").write_text(
        "rules:\n  - id: promo\n    category: advertisement\n"
        '    description: "two\\tcells\\nand a \\e[31m colour"\n'
        "    drop: '^PROMO$'\n    examples: {drop: [PROMO], keep: [Promotion]}\n"
    )
    done = run_cli("rules", "list", "--rules", tmp_path)
    assert done.returncode == 0, done.stderr
    [row] = [line for line in done.stdout.decode().splitlines() if "site.promo" in line]
    assert row.split("\t")[3] == "two\\x09cells\\x0aand a \\x1b[31m colour"
