"""The pre-commit hook for rules repositories: its entry, run on the files it selects."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

VALID_OUTLET = """\
outlet: examplenews
domains: [example-news.com]
rules:
  - id: app-prompt
    category: promo
    drop: '^Get the Example News app\\b'
    examples:
      drop: ["Get the Example News app for breaking alerts"]
      keep: ["Get the facts first, the editor said."]
"""
INVALID_OUTLET = VALID_OUTLET.replace("examplenews", "othernews").replace("promo", "promotion")
PRE_COMMIT_CONFIG = """\
repos:
  - repo: https://example.invalid/cleaner
    rev: v0.1.0
    hooks:
      - id: cleaner-rules-check
"""


def rules_check_hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(hook for hook in hooks if hook["id"] == "cleaner-rules-check")


def run_hook(repo: Path) -> subprocess.CompletedProcess:
    """Run the hook's entry on the repository's files it selects, as pre-commit would."""
    hook = rules_check_hook()
    files = sorted(str(path.relative_to(repo)) for path in repo.rglob("*") if path.is_file())
    chosen = [
        name
        for name in files
        if re.search(hook["files"], name) and not re.search(hook.get("exclude", "^$"), name)
    ]
    command, *args = shlex.split(hook["entry"])
    executable = Path(sys.executable).parent / command
    return subprocess.run(
        [str(executable), *args, *chosen],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def rules_repository(tmp_path: Path) -> Path:
    (tmp_path / "outlets").mkdir()
    (tmp_path / ".pre-commit-config.yaml").write_text(PRE_COMMIT_CONFIG, encoding="utf-8")
    (tmp_path / "README.md").write_text("Our outlet rules.\n", encoding="utf-8")
    (tmp_path / "outlets" / "examplenews.yaml").write_text(VALID_OUTLET, encoding="utf-8")
    return tmp_path


def test_hook_is_a_python_hook_on_yaml_files():
    hook = rules_check_hook()
    assert hook["language"] == "python" and hook["entry"] == "cleaner rules check"
    assert re.search(hook["files"], "outlets/a.yml") and not re.search(hook["files"], "a.md")


def test_hook_passes_a_rules_repository_with_a_valid_outlet_file(tmp_path):
    done = run_hook(rules_repository(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "1 rule files, 1 rules, 2 examples: 2 passed, 0 failed" in done.stdout


def test_hook_fails_on_an_invalid_outlet_file_and_names_it(tmp_path):
    repo = rules_repository(tmp_path)
    (repo / "outlets" / "othernews.yaml").write_text(INVALID_OUTLET, encoding="utf-8")
    done = run_hook(repo)
    assert done.returncode == 2
    assert "outlets/othernews.yaml:5: rules[0].category" in done.stderr
