"""Fixtures for the kinds' tests."""

import shutil

import pytest


@pytest.fixture
def workspace(tmp_path, project):
    """A copy of the project's seeds with an empty ``exercises/`` folder."""
    shutil.copytree(project.seeds, tmp_path / "seeds")
    (tmp_path / "exercises").mkdir()
    return tmp_path
