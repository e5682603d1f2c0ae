"""A throw-away copy of the project to add case studies to, and the ``medialit`` command run inside it."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from medialit.cli import main

DATA = Path(__file__).parent / "data"


@dataclass
class Run:
    """What one ``medialit`` command did."""

    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def workspace(tmp_path, project) -> Path:
    """seeds/, exercises/ and book/ (without build output) copied into a temporary folder."""
    shutil.copytree(project.seeds, tmp_path / "seeds")
    shutil.copytree(project.exercises, tmp_path / "exercises")
    shutil.copytree(project.book, tmp_path / "book", ignore=shutil.ignore_patterns("_build", "_preview"))
    (tmp_path / ".gitignore").write_text("book/_build/\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def medialit(workspace, capsys):
    """``medialit(*args)`` runs the command line with ``--root workspace`` and returns a :class:`Run`."""

    def run(*args: str) -> Run:
        code = main(["--root", str(workspace), *map(str, args)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def harbour(medialit) -> str:
    """The fixture case study, added with ``new-case``; its slug."""
    done = medialit("new-case", DATA / "harbour.txt", "--slug", "harbour", "--title", "The harbour ferry")
    assert done.code == 0, done.err
    return "harbour"
