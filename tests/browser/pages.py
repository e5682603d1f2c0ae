"""Reading an exercise's text in a browser page, for the browser tests."""

from __future__ import annotations

__all__ = ["squash", "text_of", "wait_for_text"]


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
