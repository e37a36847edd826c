"""Issue 13.6: exit codes in one place, no import circle, errors a user can act on, each of
its class: usage (2), configuration (2), a dead worker (1, resumable)."""

import ast
from pathlib import Path

import pytest
from cleaner import Cleaner
from cleaner.errors import ConfigError, RuleError, UsageError, WorkerError, printable
from cleaner.exits import EXIT_FAILED_DOCS, EXIT_USAGE, exit_code

from batch_corpus import cli
from conftest import ROOT, assert_one_line_error, run_cli

PACKAGE = ROOT / "cleaner"


def module_imports(path: Path) -> set[str]:
    """The cleaner modules `path` imports at its top level (lazy imports inside
    functions excluded: they cannot form a circle at import time)."""
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = (
                f"{base}.{node.module}" if node.level and node.module else (node.module or base)
            )
            found.add(module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.startswith("cleaner")}


def test_the_cli_modules_do_not_import_each_other():
    assert "cleaner.cli" not in module_imports(PACKAGE / "batch" / "cli.py")
    assert "cleaner.exits" in module_imports(PACKAGE / "cli.py")
    assert "cleaner.exits" in module_imports(PACKAGE / "batch" / "cli.py")


def test_error_classes_and_their_exit_codes():
    assert issubclass(RuleError, ConfigError)
    assert exit_code(UsageError("x")) == exit_code(ConfigError("x")) == EXIT_USAGE
    assert exit_code(WorkerError("x")) == EXIT_FAILED_DOCS


def test_an_unknown_option_is_a_configuration_error_with_a_hint():
    with pytest.raises(ConfigError, match="did you mean"):
        Cleaner(repair_glu=False)


def test_usage_errors_say_what_to_do(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("One article about the budget of the city.\n")
    assert_one_line_error(
        run_cli("batch", doc, "-o", tmp_path / "o", "--shard", "4/4"), 2, "--shard", "0 to N-1"
    )
    assert cli("clean", tmp_path / "nope.txt") == 2
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_a_printable_id_escapes_what_a_terminal_or_utf8_cannot_take():
    assert printable("a\ud800\x1b[31m") == "a\\ud800\\x1b[31m"
    assert printable(7) == 7 and printable(None) is None
    assert len(printable("x" * 10_000)) == 300


def test_no_import_circle_in_the_package():
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = module_imports(path)
    done, active = set(), []

    def visit(module):
        if module in active:
            raise AssertionError(" -> ".join(active[active.index(module) :] + [module]))
        if module in done or module not in graph:
            return
        active.append(module)
        for other in sorted(graph[module]):
            if other != module.rpartition(".")[0]:  # a package's own __init__ is not a circle
                visit(other)
        active.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
