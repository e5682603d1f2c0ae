"""Keyboard-only driving of an exercise in a page: Tab, arrows, Space and Enter, nothing else."""

from __future__ import annotations

import pytest

IN_LISTBOX = "(id) => !!document.activeElement?.closest(`[data-medialit-id='${id}'] [role=listbox]`)"
ACTIVE_TEXT = "() => document.activeElement?.textContent ?? ''"
ON_BUTTON = """([id, name]) => {
  const el = document.activeElement;
  return !!el && el.tagName === 'BUTTON' && !!el.closest(`[data-medialit-id='${id}']`)
    && el.textContent.trim().toLowerCase().startsWith(name.toLowerCase());
}"""


def tab_until(page, predicate: str, arg, what: str, limit: int = 400) -> None:
    """Press Tab until ``predicate(arg)`` holds in the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate, arg):
            return
    pytest.fail(f"Tab never reached {what}")


def tab_to_listbox(page, exercise_id: str, nth: int = 0) -> None:
    """Tab into the ``nth`` sentence list of an exercise (0 = first)."""
    tab_until(page, IN_LISTBOX, exercise_id, f"the sentence list of {exercise_id}")
    for _ in range(nth):
        page.keyboard.press("Tab")
        tab_until(page, IN_LISTBOX, exercise_id, f"sentence list {nth} of {exercise_id}")


def arrow_to(page, text: str, limit: int = 200) -> None:
    """Press ArrowDown (after Home) until the focused sentence contains ``text``."""
    page.keyboard.press("Home")
    for _ in range(limit):
        if text in page.evaluate(ACTIVE_TEXT):
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"no sentence containing {text!r} reached with the arrow keys")


def press_button(page, exercise_id: str, name: str) -> None:
    """Tab to the exercise's button whose text starts with ``name`` and press Enter."""
    tab_until(page, ON_BUTTON, [exercise_id, name], f"the {name!r} button of {exercise_id}")
    page.keyboard.press("Enter")
