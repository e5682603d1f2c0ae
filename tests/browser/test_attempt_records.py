"""How an answer was reached, as the static book records it: the first answer checked, and whether the answer was
shown (by "Show answer" or by the list of missed targets); and the assessment setting's single attempt."""

from __future__ import annotations

import dataclasses
import json

import pytest

from medialit.state import exercise_state
from tests.browser.test_widget_static import squash, text_of, wait_for_text

pytestmark = pytest.mark.browser


def saved(page, exercise_id: str) -> dict:
    """The progress the page saved for ``exercise_id`` (whatever the storage key's layout)."""
    script = "(id) => Object.keys(localStorage).filter((k) => k.includes(`:${id}:`)).map((k) => localStorage[k])"
    found = page.evaluate(script, exercise_id)
    assert len(found) == 1, found
    return json.loads(found[0])


def test_the_first_answer_is_kept_and_the_missed_list_counts_as_shown(open_page, exercise_set, catalogue):
    exercise = exercise_set.get("disclaimer-002")
    page = open_page([exercise_state(exercise, catalogue)])
    root = page.locator("[data-medialit-id='disclaimer-002']")
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "disclaimer-002", "0 of 1 points")
    first = saved(page, "disclaimer-002")
    assert first["submission"]["first_answer"] == first["submission"]["answer"]
    assert first["revealed"] is False, "one check: the missed target is not listed yet"
    root.get_by_role("button", name="Try again").click()
    root.locator("[role=option]").first.click()
    root.get_by_role("button", name="Check").click()
    page.wait_for_function("() => Object.values(localStorage).some((v) => v.includes('\"revealed\":true'))")
    second = saved(page, "disclaimer-002")
    assert second["submission"]["count"] == 2
    assert second["submission"]["first_answer"] == first["submission"]["answer"] != second["submission"]["answer"]
    assert second["revealed"] is True, "the second check listed the missed target with its explanation"
    assert squash(exercise.targets[0].explanation) in text_of(page, "disclaimer-002")


def test_show_answer_is_recorded(open_page, exercise_set, catalogue):
    page = open_page([exercise_state(exercise_set.get("disclaimer-000"), catalogue)])
    root = page.locator("[data-medialit-id='disclaimer-000']")
    root.get_by_role("button", name="Show answer").click()
    page.wait_for_function("() => Object.values(localStorage).some((v) => v.includes('\"revealed\":true'))")
    assert saved(page, "disclaimer-000")["revealed"] is True


def test_an_assessment_exercise_takes_one_attempt_and_only_records_it(open_page, exercise_set, catalogue):
    exercise = dataclasses.replace(exercise_set.get("final-verify-date"), assessment=True)
    state = exercise_state(exercise, catalogue, with_key=False)
    assert state["attempts"] == 1 and state["key"] is None
    page = open_page([state])
    root = page.locator("[data-medialit-id='final-verify-date']")
    assert "one attempt" in text_of(page, "final-verify-date")
    assert root.get_by_role("button", name="Try again").is_hidden()
    assert root.get_by_role("button", name="Show answer").count() == 0
    root.get_by_role("radio").first.check()
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "final-verify-date", "Answer recorded")
    assert root.get_by_role("button", name="Check").is_disabled()
    assert all(radio.is_disabled() for radio in root.get_by_role("radio").all())
    record = saved(page, "final-verify-date")
    assert record["score"] is None and record["submission"]["first_answer"] == record["submission"]["answer"]
    page.reload()
    page.wait_for_selector("section.medialit")
    wait_for_text(page, "final-verify-date", "Answer recorded")
    assert root.get_by_role("button", name="Check").is_disabled(), "still one attempt after a reload"
