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
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, timeout=120)
