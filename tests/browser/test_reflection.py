"""First reactions: a reflection is answered with the keyboard, every view comes back with its feedback, and it is
never scored, in the page and in the teacher's gradebook."""

from __future__ import annotations

import pytest

from medialit.state import exercise_state
from tests.browser.pages import squash, text_of, wait_for_text
from tests.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_a_reflection_shows_every_view_and_no_score(open_page, exercise_set, catalogue):
    exercise = exercise_set.get("impressions-a")
    page = open_page([exercise_state(exercise, catalogue)])
    root = page.locator("[data-medialit-id='impressions-a']")
    assert "not scored" in text_of(page, "impressions-a")
    assert root.get_by_role("button", name="Show answer").count() == 0
    assert root.locator(".ml-confidence").count() == 0, "how sure one is of an opinion is not asked"
    page.keyboard.press("Tab")
    for _ in range(40):  # to the first view, with the keyboard only
        if page.evaluate("document.activeElement.type") == "radio":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the second view
    page.keyboard.press("Space")
    for _ in range(10):
        if page.evaluate("document.activeElement.textContent") == "Check":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_for_text(page, "impressions-a", "Your answer is saved")
    text = text_of(page, "impressions-a")
    assert "points" not in text.replace("view", "")
    for option in exercise.options:
        assert squash(option.feedback) in text, option.id
    chosen = exercise.options[1]
    assert text.index("Your view") < text.index(squash(chosen.feedback))
    assert text.count("Another view") >= len(exercise.options) - 1
    assert axe_violations(page) == []


@pytest.mark.build
def test_my_results_says_a_reflection_is_not_scored(book_server, page):
    page.goto(f"{book_server.url}/documents/document-a.html")
    reflection = page.locator("[data-medialit-id='impressions-a']")
    reflection.get_by_role("radio").first.check()
    reflection.get_by_role("button", name="Check").click()
    wait_for_text(page, "impressions-a", "Your answer is saved")
    page.goto(f"{book_server.url}/my-results.html")
    row = page.locator("#medialit-results tr[data-exercise='impressions-a']")
    cells = [" ".join(c.split()) for c in row.locator("th, td").all_text_contents()]
    assert cells[-2:] == ["Done", "Not scored"]
    assert page.external_requests == [] and page.console_errors == []
