"""The search fixture: a small search task and its simulated pages (``fixtures/``), as a project folder a test can
copy, and the compiled exercise."""

from __future__ import annotations

import shutil
from pathlib import Path

from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.model import Exercise

__all__ = ["FIXTURES", "fixture_exercise", "fixture_project"]

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""``exercises/search-fixture.yaml`` and ``book/web/*.yaml``."""


def fixture_project(target: Path, seeds: Path) -> Path:
    """A project in ``target``: the given seeds, the fixture's exercise and pages; returns ``target``."""
    shutil.copytree(seeds, target / "seeds")
    shutil.copytree(FIXTURES / "exercises", target / "exercises")
    shutil.copytree(FIXTURES / "book", target / "book")
    return target


def fixture_exercise(catalogue: Catalogue) -> Exercise:
    """The fixture's search task, compiled and validated."""
    return load_exercises(FIXTURES / "exercises", catalogue).require_valid().get("search-fixture")
