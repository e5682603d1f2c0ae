"""The assessment setting in the normal book: assessed exercises ship no key, and no built file gives it away.

A copy of the project, with one exercise of Check it yourself put under the assessment setting in its own file and the
Lab page put under it by its front matter, is built in learn mode. Every file of that build is searched as the exam
build is (``tests/test_exam_build.py``): explanations and feedback, key data, item labels, quotes paired with their
kind, correct options listed alone, maximum scores. The control: the same searches find that exercise's key in the
normal learn build."""

from __future__ import annotations

import shutil

import pytest

from medialit.assessment import with_page_settings
from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.modes import Mode
from medialit.project import Project
from tests.conftest import ROOT, build_book
from tests.test_exam_build import SEARCHES, _keyless, _read

pytestmark = pytest.mark.build

TESTED = "lateral-treaty-date"
"""The exercise put under the assessment setting in its own file."""
TESTED_PAGE = "lab"
"""The page put under the assessment setting by its front matter."""
PAGE_EXERCISES = ("lab-ledger", "lab-timeline")


@pytest.fixture(scope="module")
def assessed_project(tmp_path_factory) -> Project:
    root = tmp_path_factory.mktemp("assessed") / "project"
    for name in ("book", "exercises", "seeds"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("_build", "*.pyc"))
    path = root / "exercises" / f"{TESTED}.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\nassessment: true\n", encoding="utf-8")
    page = root / "book" / f"{TESTED_PAGE}.md"  # the whole page under the setting, by its front matter
    text = page.read_text(encoding="utf-8")
    text = (
        text.replace("---\n", "---\nmedialit-assessment: true\n", 1)
        if text.startswith("---\n")
        else "---\nmedialit-assessment: true\n---\n" + text
    )
    page.write_text(text, encoding="utf-8")
    return Project(root)


@pytest.fixture(scope="module")
def assessed_set(assessed_project):
    found = load_exercises(assessed_project.exercises, Catalogue.load(assessed_project.catalogue_path))
    return with_page_settings(found.require_valid(), assessed_project.book)


@pytest.fixture(scope="module")
def assessed_pages(assessed_project, tmp_path_factory) -> dict:
    html = build_book(tmp_path_factory.mktemp("assessed-build"), book=assessed_project.book)
    return _read(html)


@pytest.fixture(scope="module")
def learn_pages(built_book) -> dict:
    return _read(built_book)


@pytest.fixture(scope="module")
def already_assessed() -> set[str]:
    """Exercises the book itself puts under the assessment setting (the Final challenge, the check forms)."""
    project = Project(ROOT)
    found = load_exercises(project.exercises, Catalogue.load(project.catalogue_path)).require_valid()
    return {e.id for e in _keyless(with_page_settings(found, project.book), Mode.LEARN)}


def test_only_the_assessed_exercises_ship_no_key(assessed_set, already_assessed):
    assert TESTED not in already_assessed and not already_assessed & set(PAGE_EXERCISES)
    assert sorted(e.id for e in _keyless(assessed_set, Mode.LEARN)) == sorted(
        {TESTED, *PAGE_EXERCISES} | already_assessed
    )


@pytest.mark.parametrize("search", SEARCHES)
def test_no_file_of_the_book_gives_the_assessed_key_away(assessed_pages, assessed_set, search):
    assert SEARCHES[search](assessed_pages, _keyless(assessed_set, Mode.LEARN)) == []


def test_the_searches_find_that_key_in_the_normal_book(learn_pages, assessed_set, already_assessed):
    tested = [e for e in _keyless(assessed_set, Mode.LEARN) if e.id not in already_assessed]
    hits = {name: SEARCHES[name](learn_pages, tested) for name in SEARCHES}
    assert hits["explanations and feedback"], "the control: its explanations are on the normal book's pages"
    assert hits["key JSON"] and hits["maximum scores"]


def test_the_assessed_state_has_one_attempt_no_key_and_no_hints(assessed_pages, already_assessed):
    tested = {TESTED, *PAGE_EXERCISES}
    states = [page.states[i] for page in assessed_pages.values() for i in tested if i in page.states]
    assert len(states) == len(tested)
    for state in states:
        assert state["key"] is None and state["hints"] == [] and state["max_score"] is None
        assert state["attempts"] == 1
    others = [
        s
        for page in assessed_pages.values()
        for i, s in page.states.items()
        if i not in tested and i not in already_assessed
    ]
    assert others and all(s["key"] is not None and s["attempts"] is None for s in others)
