"""Reading an exercise's text in a browser page, for the browser tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["download_both", "squash", "text_of", "wait_for_text"]


def squash(text: str | None) -> str:
    """``text`` with every run of white space made one space (``None`` is empty)."""
    return " ".join((text or "").split())


def text_of(page, exercise_id: str) -> str:
    """All the text of the exercise ``exercise_id`` on ``page``, squashed."""
    return squash(page.locator(f"[data-medialit-id='{exercise_id}']").text_content())


def wait_for_text(page, exercise_id: str, text: str) -> None:
    """Wait until the exercise ``exercise_id`` shows ``text``."""
    page.wait_for_function(
        "([id, text]) => document.querySelector(`[data-medialit-id='${id}']`).textContent.includes(text)",
        arg=[exercise_id, text],
    )


def download_both(page, url: str, folder: Path, after_each: Callable[[Any], None] | None = None) -> dict[str, Path]:
    """Download the hand-in from My results as JSON and as CSV into ``folder``; ``after_each(panel)`` runs after each
    download (to read the status it leaves)."""
    page.goto(f"{url}/my-results.html")
    panel = page.locator("#medialit-results")
    panel.get_by_role("button", name="Download my answers").wait_for()
    paths = {}
    for kind, button in (("json", "Download my answers"), ("csv", "Download as CSV")):
        with page.expect_download() as download:
            panel.get_by_role("button", name=button).click()
        paths[kind] = folder / kind / download.value.suggested_filename
        paths[kind].parent.mkdir(parents=True)
        download.value.save_as(paths[kind])
        if after_each is not None:
            after_each(panel)
    assert page.console_errors == [] and page.external_requests == []
    return paths
