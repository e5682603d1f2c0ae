"""How an answer was reached, as the static book records it: the first answer checked, and whether the answer was
shown (by "Show answer" or by the list of missed targets); and the assessment setting's single attempt."""

from __future__ import annotations

import dataclasses
import json

import pytest

from medialit.state import exercise_state
from tests.browser.pages import squash, text_of, wait_for_text
from tests.browser.reveal import show_answer

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
    show_answer(root)
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


@pytest.mark.build
def test_first_try_and_shown_answer_reach_the_hand_in_and_the_gradebook(book_server, page, tmp_path):
    import pandas as pd

    from medialit import cli
    from medialit.handin import read_handin

    page.goto(f"{book_server.url}/disclaimer.html")
    first = page.locator("[data-medialit-id='disclaimer-002']")
    first.get_by_role("button", name="Check").click()  # nothing marked: the first try scores 0
    wait_for_text(page, "disclaimer-002", "0 of 1 points")
    first.get_by_role("button", name="Try again").click()
    first.locator("[role=option]", has_text="are pseudonyms").click()
    first.get_by_role("button", name="Check").click()
    wait_for_text(page, "disclaimer-002", "1 of 1 points")
    shown = page.locator("[data-medialit-id='disclaimer-000']")
    shown.get_by_role("button", name="Check").click()
    wait_for_text(page, "disclaimer-000", "points")
    show_answer(shown)
    page.wait_for_function("() => Object.values(localStorage).some((v) => v.includes('\"revealed\":true'))")
    page.goto(f"{book_server.url}/my-results.html")
    panel = page.locator("#medialit-results")
    panel.get_by_label("Your name").fill("Ana")
    paths = []
    for button in ("Download my answers", "Download as CSV"):
        with page.expect_download() as download:
            panel.get_by_role("button", name=button).click()
        paths.append(tmp_path / download.value.suggested_filename)
        download.value.save_as(paths[-1])
    for path in paths:
        handin = read_handin(path)
        by_id = {a.exercise: a for a in handin.answers}
        assert by_id["disclaimer-002"].first_raw != by_id["disclaimer-002"].raw and by_id["disclaimer-002"].checks == 2
        assert by_id["disclaimer-002"].revealed is False, "the missed target was never listed: found on the 2nd try"
        out = tmp_path / f"graded-{path.suffix[1:]}"
        assert cli.main(["grade", str(path), "-o", str(out), "--no-html"]) == 0
        book = pd.read_csv(out / "gradebook.csv", encoding="utf-8-sig")
        assert by_id["disclaimer-000"].revealed is True
        assert book.loc[0, "revealed"] == sum(a.revealed for a in handin.answers) >= 1
        assert book.loc[0, "first_try_total"] < book.loc[0, "total"]
        results = pd.read_csv(out / "results.csv", encoding="utf-8-sig").drop_duplicates("exercise")
        row = results[results["exercise"] == "disclaimer-002"].iloc[0]
        assert (row["first_score"], row["score"], row["checks"]) == (0.0, 1.0, 2)
    assert page.console_errors == [] and page.external_requests == []
