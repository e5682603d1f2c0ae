"""Fixtures of the search tests: a tiny book built with Sphinx whose one page holds the fixture's search task."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import open_page  # noqa: F401  (the fixture: a page showing exercise states)
from tests.kinds.search.fixture import fixture_project

PAGE = """# Search practice

```{medialit-exercise} search-fixture
```
"""


@pytest.fixture(scope="session")
def tiny_book(tmp_path_factory, project) -> Path:
    """A tiny book whose one page holds the fixture's search task, built with Sphinx; its HTML folder."""
    tmp = tmp_path_factory.mktemp("search-book")
    root = fixture_project(tmp / "project", project.seeds)
    source = tmp / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "extensions = ['medialit.sphinxext']\n"
        f"medialit_root = {str(root)!r}\n"
        "exclude_patterns = ['_build']\n"
        "nb_execution_mode = 'off'\n",
        encoding="utf-8",
    )
    (source / "index.md").write_text(PAGE, encoding="utf-8")
    out = tmp / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "-E", str(source), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out
