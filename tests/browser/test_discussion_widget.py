"""Discussion items in the static widget: shown as open questions, with both readings, costing nothing; axe-clean."""

from __future__ import annotations

import pytest

from medialit.model import Exercise, ExerciseType, Option
from medialit.state import exercise_state
from tests.browser.pages import squash, text_of, wait_for_text
from tests.conftest import axe_violations
from tests.kinds import made_up

pytestmark = pytest.mark.browser


def _open_choice() -> Exercise:
    """A multiple-choice question with two right options, one wrong one and one open question."""
    options = (
        Option("numbers", "The two numbers of pupils", True, "They cannot both be right."),
        Option("schools", "The two numbers of schools", True, "Eight and five cannot both be right."),
        Option("tone", "The calm tone and the loud headline", False, "Both can be true: a tone is not a claim."),
        Option(
            "every-school",
            "“Clear in every school” and an average",
            False,
            "One reading: an average can hide a school with no gap. Another: the gap showed in each school.",
            discussion=True,
        ),
    )
    return made_up.exercise(
        ExerciseType.CHOICE,
        id="open-choice",
        title="Which pairs cannot both be true?",
        prompt="Tick every pair of claims that cannot both be true.",
        options=options,
        multiple=True,
    )


def test_a_discussion_option_is_an_open_question_whatever_is_ticked(open_page, catalogue):
    exercise = _open_choice()
    page = open_page([exercise_state(exercise, catalogue)])
    root = page.locator(f"[data-medialit-id='{exercise.id}']")
    open_option = next(o for o in exercise.options if o.discussion)
    for option in exercise.options:
        if option.correct or option.discussion:
            root.get_by_label(option.text, exact=True).check()
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, exercise.id, "You scored 2 of 2 points.")
    text = text_of(page, exercise.id)
    assert "Open question: either answer is fine" in text and squash(open_option.feedback) in text
    assert "Not right" not in text
    assert axe_violations(page) == []


def test_a_discussion_pair_costs_nothing_and_shows_both_readings(open_page, exercise_set, catalogue):
    exercise = exercise_set.get("contradictions-b")
    page = open_page([exercise_state(exercise, catalogue)])
    root = page.locator("[data-medialit-id='contradictions-b']")
    root.locator("[role=option]", has_text="are pseudonyms").click()
    root.locator("[role=option]", has_text="Putin Does Not Deny Reports").click()
    root.get_by_role("button", name="Add pair").click()
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "contradictions-b", "You scored 0 of 2 points.")
    text = text_of(page, "contradictions-b")
    for item in exercise.discussions:
        assert squash(item.explanation) in text
    assert "Open question: either answer is fine" in text and "Not a pair" not in text
    assert axe_violations(page) == []
