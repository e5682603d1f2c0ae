"""Fixtures of the browser tests: exercise states rendered on a page of their own."""

from __future__ import annotations

import pytest

from tests.browser.mirror import exercise_page


@pytest.fixture
def open_page(page, serve, tmp_path):
    """``open_page(states, theme=...)`` → the guarded page showing those exercise states."""
    server = serve(tmp_path)

    def go(states: list[dict], theme: str = "light", name: str = "index.html"):
        exercise_page(tmp_path, states, name=name, theme=theme)
        page.goto(f"{server.url}/{name}")
        page.wait_for_selector("section.medialit")
        return page

    yield go
    assert page.external_requests == []
    assert page.console_errors == []
