"""The widget in a static page, keyboard only: a right sentence with another kind earns half a point and the feedback
names the expected kind; an accepted alternative kind earns the full point; the rule tells what a wrong mark costs."""

from __future__ import annotations

import pytest

from medialit.state import exercise_state
from tests.browser.mirror import SYNTHETIC, synthetic_state
from tests.browser.pages import text_of, wait_for_text
from tests.conftest import axe_violations
from tests.keys import arrow_to, press_button, tab_to_listbox

pytestmark = pytest.mark.browser
KINDS = "sourcing-a-kinds"


def tick_kind(page, name: str) -> None:
    """In the kind picker that has the focus, move with the arrow keys (up to the first kind, then down) to the kind
    called ``name`` and tick it with Space (which closes the picker). On a selected sentence, Space opens it again."""
    if page.evaluate("document.activeElement.type") != "checkbox":
        page.keyboard.press("Space")
    for _ in range(8):
        page.keyboard.press("ArrowUp")
    for _ in range(12):
        if page.evaluate("() => (document.activeElement?.closest('label')?.textContent ?? '').trim()").startswith(name):
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"the arrow keys never reached the kind {name!r}")


def mark(page, exercise_id: str, sentence: str, kind: str) -> None:
    tab_to_listbox(page, exercise_id)
    arrow_to(page, sentence)
    page.keyboard.press("Space")  # selects the sentence and moves the focus to the kind menu
    assert page.evaluate("document.activeElement.type") == "checkbox"
    tick_kind(page, kind)


def test_a_right_sentence_with_another_kind_names_the_expected_kind(open_page, exercise_set, catalogue):
    exercise = exercise_set.get(KINDS)
    page = open_page([exercise_state(exercise, catalogue)])
    # Paragraph 2 holds two targets: secret material (the cables) and anonymous officials (the Ministry sources).
    mark(page, KINDS, "classified diplomatic cables", "Vague group")
    press_button(page, KINDS, "Check")
    wait_for_text(page, KINDS, "You scored 1 of 13 points.")  # half a point for each of the two targets
    text = text_of(page, KINDS)
    assert "Found in part" in text
    assert "Right sentence. The kind here is: Secret or closed-off material. The kind is Secret" in text
    assert "Right sentence. The kind here is: Anonymous official." in text
    assert "Each right sentence earns 1 point for the right kind. With only other kinds, it earns half a point." in text
    assert "Each mark on a sentence with nothing to find takes 1 point away." in text
    assert axe_violations(page) == []


def test_an_accepted_alternative_kind_earns_the_full_point(open_page, exercise_set, catalogue):
    exercise = exercise_set.get(KINDS)
    officials = next(t for t in exercise.targets if t.id == "russian-officials")
    page = open_page([exercise_state(exercise, catalogue)])
    mark(page, KINDS, "hailed by Russian officials", "Anonymous official")
    press_button(page, KINDS, "Check")
    wait_for_text(page, KINDS, "You scored 1 of 13 points.")
    text = text_of(page, KINDS)
    assert "✓ Found" in text and " ".join(officials.explanation.split()) in text
    assert "Right sentence. The kind here is" not in text


def test_the_rule_tells_what_a_wrong_mark_costs_when_most_sentences_are_targets(open_page):
    dense = next(e for e in SYNTHETIC if e.id == "made-up-dense")
    page = open_page([synthetic_state(dense)])
    tab_to_listbox(page, dense.id)
    arrow_to(page, "Sentence 1 of paragraph 1 in gamma")
    page.keyboard.press("Space")
    arrow_to(page, "Sentence 1 of paragraph 3 in gamma")  # looks odd, is fine
    page.keyboard.press("Space")
    press_button(page, dense.id, "Check")
    wait_for_text(page, dense.id, "You scored 0 of 3 points.")  # 1 earned, 1.5 lost, never below 0
    text = text_of(page, dense.id)
    assert "Each wrong mark takes 1.5 points away, because most sentences here hold something to find." in text
    assert "Looks odd, is fine." in text


def test_a_wrong_kind_beside_the_right_one_and_the_answer_with_its_alternatives(open_page, exercise_set, catalogue):
    exercise = exercise_set.get(KINDS)
    page = open_page([exercise_state(exercise, catalogue)])
    mark(page, KINDS, "has been hailed by Russian officials", "Vague group")
    tick_kind(page, "Secret or closed-off material")
    press_button(page, KINDS, "Check")
    wait_for_text(page, KINDS, "You scored 0.5 of 13 points.")  # 1 for the right kind, 0.5 off for the wrong one
    text = text_of(page, KINDS)
    assert "✗ Wrong kind" in text and "Right sentence, but this kind does not fit it." in text
    press_button(page, KINDS, "Try again")  # the answer is shown in place of a result
    press_button(page, KINDS, "Show answer")
    press_button(page, KINDS, "Show answer")  # the confirmation's button, after Cancel
    wait_for_text(page, KINDS, "The answer")
    assert "(Vague group; also accepted: Anonymous official)" in text_of(page, KINDS)
