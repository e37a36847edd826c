import subprocess
import sys
from pathlib import Path

import pytest
from cleaner import Cleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "golden"


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    """One Cleaner with the bundled rules, shared: it is immutable after construction."""
    return Cleaner()


def run_cli(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    """Run `python -m cleaner ARGS` as a user would, capturing bytes."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def assert_one_line_error(done: subprocess.CompletedProcess, rc: int, *words: str) -> str:
    """The run exited with `rc` and said why on stderr's last line, with no traceback."""
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == rc, err
    assert "Traceback" not in err, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("cleaner"), err
    for word in words:
        assert word in last, last
    return last


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative path -> bytes), to prove what a run left alone."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }
