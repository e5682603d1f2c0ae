"""The version is written once (``medialit.__version__``); the package metadata and the command line repeat it."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import medialit
from medialit.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_looks_like_a_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", medialit.__version__)


def test_pyproject_reads_the_version_from_the_package_and_writes_none_of_its_own():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "medialit.__version__"}


def test_the_version_is_a_literal_assigned_once_in_the_package():
    """setuptools reads ``medialit.__version__`` without importing the package only when it is a plain string."""
    tree = ast.parse((ROOT / "src" / "medialit" / "__init__.py").read_text(encoding="utf-8"))
    assigned = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
    ]
    assert len(assigned) == 1
    assert isinstance(assigned[0], ast.Constant)
    assert assigned[0].value == medialit.__version__


def test_the_installed_metadata_agrees_with_the_package():
    # If this fails after a version change, reinstall: pip install -e ".[test]" (make setup does it).
    assert importlib.metadata.version("medialit") == medialit.__version__


def test_medialit_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"medialit {medialit.__version__}\n"


def test_the_installed_command_prints_the_same_version():
    command = Path(sys.executable).with_name("medialit")
    assert command.is_file(), f"the medialit command is not installed next to {sys.executable}"
    done = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"medialit {medialit.__version__}"
