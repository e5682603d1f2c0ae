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


# -- any answer, with the keyboard only ----------------------------------------------------------------------------

ACTIVE_UNIT = "() => document.activeElement?.dataset?.unit ?? null"
# Where the listbox holding ``unit`` lies from the focus: "here", "after" or "before".
WHERE_IS_UNIT = """([id, unit]) => {
  const box = document.querySelector(`[data-medialit-id='${id}'] [data-unit='${unit}']`).closest('[role=listbox]');
  const active = document.activeElement;
  if (active && box.contains(active)) return 'here';
  if (!active || active === document.body) return 'after';
  return active.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
}"""
# The focused sentence's place in the list holding ``unit`` (-1 when the focus is on no sentence), and ``unit``'s.
OPTION_INDEXES = """([id, unit]) => {
  const option = document.querySelector(`[data-medialit-id='${id}'] [data-unit='${unit}']`).closest('[role=option]');
  const options = [...option.closest('[role=listbox]').querySelectorAll('[role=option]')];
  return [options.indexOf(document.activeElement?.closest('[role=option]')), options.indexOf(option)];
}"""
ACTIVE_IS = """([id, selector]) => {
  const el = document.activeElement;
  return !!el && !!el.closest(`[data-medialit-id='${id}']`) && el.matches(selector);
}"""


# The tab that shows the (hidden) document holding ``unit``, when two documents are tabs: where it lies from the focus
# ("here" when focused), or null when the sentence is in view.
WHERE_IS_TAB = """([id, unit]) => {
  const panel = document.querySelector(`[data-medialit-id='${id}'] [data-unit='${unit}']`).closest('[role=tabpanel]');
  if (!panel || !panel.hidden) return null;
  const tab = document.getElementById(panel.getAttribute('aria-labelledby'));
  const active = document.activeElement;
  if (active === tab) return 'here';
  if (active && active.closest('[role=tablist]') === tab.parentElement) return 'beside';
  if (!active || active === document.body) return 'after';
  return active.compareDocumentPosition(tab) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
}"""


def show_document_of(page, exercise_id: str, unit: str, limit: int = 400) -> None:
    """Where two documents are tabs, open the tab of the document holding ``unit`` (Tab to the tabs, then arrows)."""
    for _ in range(limit):
        where = page.evaluate(WHERE_IS_TAB, [exercise_id, unit])
        if where is None:
            return
        if where == "here":
            continue  # opened; the next round finds the document shown
        page.keyboard.press({"beside": "ArrowRight", "after": "Tab", "before": "Shift+Tab"}[where])
    pytest.fail(f"the tab of the document holding {unit} was never reached")


def focus_unit(page, exercise_id: str, unit: str, limit: int = 400) -> None:
    """Move the focus to sentence ``unit`` of an exercise with Tab / Shift+Tab and the arrow keys (opening its
    document's tab first where two documents are tabs)."""
    show_document_of(page, exercise_id, unit, limit)
    for _ in range(limit):
        where = page.evaluate(WHERE_IS_UNIT, [exercise_id, unit])
        if where == "here":
            break
        page.keyboard.press("Tab" if where == "after" else "Shift+Tab")
    else:
        pytest.fail(f"Tab never reached the sentences of {exercise_id}")
    # The arrow keys move one sentence at a time (ArrowDown to the next, ArrowUp to the one before, Home to the first),
    # so the presses needed are counted once, then checked.
    at, target = page.evaluate(OPTION_INDEXES, [exercise_id, unit])
    if at < 0 or at - target > target:
        page.keyboard.press("Home")
        at = 0
    for _ in range(abs(target - at)):
        page.keyboard.press("ArrowDown" if target > at else "ArrowUp")
    reached = page.evaluate(ACTIVE_UNIT)
    assert reached == unit, f"the arrow keys reached sentence {reached}, not {unit}, in {exercise_id}"


def press_in(page, exercise_id: str, selector: str, key: str = "Enter", backwards: bool = False) -> None:
    """Tab (or Shift+Tab) to the element of the exercise matching ``selector`` and press ``key``."""
    for _ in range(400):
        if page.evaluate(ACTIVE_IS, [exercise_id, selector]):
            page.keyboard.press(key)
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    pytest.fail(f"Tab never reached {selector} in {exercise_id}")


def enter_answer(page, state: dict, answer: dict) -> None:
    """Type a raw answer (as ``medialit.scoring`` reads it) into the exercise with the keyboard only, as the
    exercise's kind enters it (``tests/kinds/<kind>/answers.py``)."""
    from tests.kinds.answers import answers_for

    answers_for(state["type"]).enter(page, state, answer)
