"""What a user gets from an install: one version everywhere, type information."""

from importlib.metadata import version
from importlib.resources import files

import cleaner

from conftest import run_cli


def test_version_is_written_once_and_reported_by_the_command():
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"cleaner {cleaner.__version__}"
    assert version("cleaner") == cleaner.__version__


def test_the_package_declares_its_type_hints():
    assert files("cleaner").joinpath("py.typed").is_file()
