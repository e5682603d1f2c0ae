"""Showing an exercise's answer as a learner does: "Show answer", then the confirmation in the page."""

from __future__ import annotations

QUESTION = "Show the answer? It will be recorded that you saw it."


def show_answer(root) -> None:
    """Click "Show answer" in the exercise ``root`` (a locator), check the confirmation's question, then confirm."""
    root.locator("button.ml-reveal").click()
    confirm = root.get_by_role("group", name=QUESTION)
    assert confirm.is_visible()
    confirm.get_by_role("button", name="Show answer").click()
    assert confirm.is_hidden()
