"""Show answer in an exercise: a quiet control apart from Check that asks in the page first, says that the answer
will be recorded as shown, and can be cancelled with nothing recorded; and the optional confidence rating, which
reads as secondary to the task."""

from __future__ import annotations

import pytest

from medialit.state import exercise_state
from tests.browser.pages import squash, text_of
from tests.browser.reveal import QUESTION
from tests.conftest import axe_violations
from tests.keys import press_button

pytestmark = pytest.mark.browser

EXERCISE = "disclaimer-002"
ACTIVE = "() => document.activeElement ? [document.activeElement.tagName, document.activeElement.textContent] : null"
RECORDS = (
    "(id) => Object.keys(localStorage).filter((k) => k.includes(`:${id}:`)).map((k) => JSON.parse(localStorage[k]))"
)
REVEALED = "() => Object.values(localStorage).some((v) => v.includes('\"revealed\":true'))"


def styles(page, selector: str) -> dict:
    """A few computed styles of the first element matching ``selector``."""
    script = """(selector) => {
      const style = getComputedStyle(document.querySelector(selector));
      return {background: style.backgroundColor, size: parseFloat(style.fontSize), weight: Number(style.fontWeight),
              color: style.color};
    }"""
    return page.evaluate(script, selector)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_show_answer_asks_first_and_cancel_records_nothing_with_the_keyboard_only(
    open_page, exercise_set, catalogue, theme
):
    exercise = exercise_set.get(EXERCISE)
    page = open_page([exercise_state(exercise, catalogue)], theme)
    root = page.locator(f"[data-medialit-id='{EXERCISE}']")
    explanation = squash(exercise.targets[0].explanation)
    trigger = root.locator("button.ml-reveal")
    confirm = root.get_by_role("group", name=QUESTION)
    # Apart from Check, and quieter: not in the row of actions, no filled background.
    assert root.locator(".ml-actions button.ml-reveal").count() == 0
    assert styles(page, f"[data-medialit-id='{EXERCISE}'] .ml-reveal")["background"] == "rgba(0, 0, 0, 0)"
    assert styles(page, f"[data-medialit-id='{EXERCISE}'] .ml-check")["background"] != "rgba(0, 0, 0, 0)"
    assert confirm.is_hidden()

    # Show answer → the question in the page, the focus on Cancel.
    press_button(page, EXERCISE, "Show answer")
    assert confirm.is_visible() and QUESTION in text_of(page, EXERCISE)
    assert page.evaluate(ACTIVE) == ["BUTTON", "Cancel"]
    assert trigger.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == [], "the confirmation in the page"
    # Cancel → the answer stays hidden, nothing is recorded, the focus is back on Show answer.
    page.keyboard.press("Enter")
    assert confirm.is_hidden() and trigger.is_visible() and trigger.is_enabled()
    assert page.evaluate(ACTIVE) == ["BUTTON", "Show answer"]
    assert explanation not in text_of(page, EXERCISE) and "The answer" not in text_of(page, EXERCISE)
    assert page.evaluate(REVEALED) is False
    # Escape cancels too.
    page.keyboard.press("Enter")
    assert confirm.is_visible()
    page.keyboard.press("Escape")
    assert confirm.is_hidden() and page.evaluate(ACTIVE) == ["BUTTON", "Show answer"]
    assert page.evaluate(REVEALED) is False

    # Show answer → Tab to the confirmation's Show answer → the answer, under its heading, with the focus.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE) == ["BUTTON", "Show answer"]
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE) == ["H4", "The answer"]
    assert confirm.is_hidden() and trigger.is_disabled()
    assert explanation in text_of(page, EXERCISE)
    page.wait_for_function(REVEALED)
    records = page.evaluate(RECORDS, EXERCISE)
    assert len(records) == 1 and records[0]["revealed"] is True
    assert axe_violations(page) == []
    # After a reload the answer is still recorded as shown, and not asked for again.
    page.reload()
    page.wait_for_selector("section.medialit")
    assert root.locator("button.ml-reveal").is_disabled()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_confidence_rating_reads_as_optional_and_secondary(open_page, exercise_set, catalogue, theme):
    page = open_page([exercise_state(exercise_set.get(EXERCISE), catalogue)], theme)
    root = page.locator(f"[data-medialit-id='{EXERCISE}']")
    group = root.get_by_role("group", name="Optional: how sure are you?")
    assert group.is_visible() and group.get_by_role("radio").count() == 3
    section = f"[data-medialit-id='{EXERCISE}']"
    legend = styles(page, f"{section} .ml-confidence legend")
    title, prompt = styles(page, f"{section} .ml-title"), styles(page, f"{section} .ml-prompt")
    print(f"{theme}: title {title}, prompt {prompt}, confidence label {legend}")
    assert legend["size"] < prompt["size"] < title["size"]
    assert legend["weight"] < title["weight"] and legend["weight"] < 700
    assert legend["color"] != title["color"], "a lighter colour than the task's"
    # The order on the screen: the task, the text, the rating, then the actions. Measured with the end of the
    # exercise in view, where the action bar (sticky at the bottom while the text is read) rests in its place.
    page.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'end'})", section)
    tops = page.evaluate(
        """(s) => ['.ml-title', '.ml-prompt', '.ml-docs', '.ml-confidence', '.ml-actions', '.ml-reveal-area']
          .map((c) => document.querySelector(`${s} ${c}`).getBoundingClientRect().top)""",
        section,
    )
    assert tops == sorted(tops), tops
