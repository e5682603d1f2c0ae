"""The authoring page's files go into the wheel with the code that serves them."""

from __future__ import annotations

import zipfile

import pytest

from tests.test_install import wheel  # noqa: F401  (the wheel built from a copy of the checkout)


@pytest.mark.build
def test_the_wheel_carries_the_authoring_page(wheel):  # noqa: F811
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"medialit/author/{name}" for name in ("page.html", "author.js", "author.css", "server.py")} <= names
