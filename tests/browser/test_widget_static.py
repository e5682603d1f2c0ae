"""The widget in a static page, hosted by shim.js as the Sphinx extension writes it: keyboard, feedback, axe."""

from __future__ import annotations

import json

import pytest

from medialit.state import exercise_state
from tests.browser.mirror import SYNTHETIC, exercise_page, synthetic_state
from tests.browser.pages import squash, text_of, wait_for_text
from tests.browser.reveal import show_answer
from tests.conftest import AXE, axe_violations
from tests.keys import arrow_to, press_button, tab_to_listbox

pytestmark = pytest.mark.browser


@pytest.fixture
def states(exercise_set, catalogue):
    return {e.id: exercise_state(e, catalogue) for e in exercise_set.exercises}


def test_disclaimer_002_with_the_keyboard_only(open_page, states, exercise_set):
    exercise = exercise_set.get("disclaimer-002")
    page = open_page([states["disclaimer-002"], states["disclaimer-000"]])
    distractor = next(d for d in exercise.distractors if d.id == "comments-line")
    # A wrong pick first: the distractor "Comments".
    tab_to_listbox(page, "disclaimer-002")
    arrow_to(page, "Comments")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('aria-selected')") == "true"
    press_button(page, "disclaimer-002", "Check")
    wait_for_text(page, "disclaimer-002", "You scored 0 of 1 points.")
    text = text_of(page, "disclaimer-002")
    assert "Not a target" in text and squash(distractor.explanation) in text
    assert exercise.targets[0].explanation.split(".")[0] not in text  # a missed target stays hidden after one check
    # Then the disclaimer itself.
    press_button(page, "disclaimer-002", "Try again")
    arrow_to(page, "Comments")
    page.keyboard.press("Space")
    arrow_to(page, "are pseudonyms")
    page.keyboard.press("Enter")
    press_button(page, "disclaimer-002", "Check")
    wait_for_text(page, "disclaimer-002", "You scored 1 of 1 points.")
    text = text_of(page, "disclaimer-002")
    assert "✓ Found" in text and squash(exercise.targets[0].explanation) in text
    assert exercise.takeaway in text and exercise.takeaway
    status = page.locator("[data-medialit-id='disclaimer-002'] .ml-status")
    assert status.get_attribute("aria-live") == "polite" and status.text_content() == "You scored 1 of 1 points."


def test_disclaimer_000_with_the_keyboard_only(open_page, states, exercise_set):
    exercise = exercise_set.get("disclaimer-000")
    page = open_page([states["disclaimer-002"], states["disclaimer-000"]])
    distractor = next(d for d in exercise.distractors if d.id == "limited-access")
    tab_to_listbox(page, "disclaimer-000")
    arrow_to(page, "limited-access channel")
    page.keyboard.press("Space")
    press_button(page, "disclaimer-000", "Check")
    wait_for_text(page, "disclaimer-000", "You scored 0 of 1 points.")
    assert squash(distractor.explanation) in text_of(page, "disclaimer-000")
    press_button(page, "disclaimer-000", "Try again")
    press_button(page, "disclaimer-000", "There is none")
    none = page.locator("[data-medialit-id='disclaimer-000'] button.ml-none")
    assert none.get_attribute("aria-pressed") == "true"
    assert page.locator("[data-medialit-id='disclaimer-000'] [aria-selected=true]").count() == 0
    press_button(page, "disclaimer-000", "Check")
    wait_for_text(page, "disclaimer-000", "You scored 1 of 1 points.")
    assert squash(exercise.none_feedback) in text_of(page, "disclaimer-000")


def test_hints_missed_targets_and_show_answer(open_page, states, exercise_set):
    exercise = exercise_set.get("disclaimer-002")
    page = open_page([states["disclaimer-002"]])
    root = page.locator("[data-medialit-id='disclaimer-002']")
    root.get_by_role("button", name="Hint").click()
    assert "Hint 1 of 2:" in text_of(page, "disclaimer-002")
    root.get_by_role("button", name="Hint").click()
    assert "Hint 2 of 2:" in text_of(page, "disclaimer-002")
    assert root.get_by_role("button", name="No more hints").is_disabled()
    explanation = squash(exercise.targets[0].explanation)
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "disclaimer-002", "0 of 1 points")
    assert explanation not in text_of(page, "disclaimer-002")  # one check: the missed target is not listed yet
    root.get_by_role("button", name="Try again").click()
    show_answer(root)
    assert "The answer" in text_of(page, "disclaimer-002") and explanation in text_of(page, "disclaimer-002")
    assert root.get_by_role("button", name="Show answer").is_disabled()


def test_a_second_check_lists_what_was_missed_and_that_counts_as_shown(open_page, states, exercise_set):
    explanation = squash(exercise_set.get("disclaimer-002").targets[0].explanation)
    page = open_page([states["disclaimer-002"]])
    root = page.locator("[data-medialit-id='disclaimer-002']")
    for check in (1, 2):
        root.get_by_role("button", name="Check").click()
        wait_for_text(page, "disclaimer-002", "0 of 1 points")
        assert (explanation in text_of(page, "disclaimer-002")) is (check == 2)  # missed: shown after two checks
        root.get_by_role("button", name="Try again").click()
    assert root.get_by_role("button", name="Show answer").is_disabled(), "the answer has been shown already"
    assert "The answer" in text_of(page, "disclaimer-002") and explanation in text_of(page, "disclaimer-002")


def test_choice_shows_the_feedback_of_a_wrong_option(open_page, states, exercise_set):
    exercise = exercise_set.get("lab-ledger")
    page = open_page([states["lab-ledger"]])
    root = page.locator("[data-medialit-id='lab-ledger']")
    assert root.locator("fieldset legend").first.text_content() == exercise.prompt
    wrong = next(o for o in exercise.options if not o.correct)
    root.get_by_label(wrong.text).check()
    root.get_by_label("Very sure").check()
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "lab-ledger", "You scored 0 of 1 points.")
    text = text_of(page, "lab-ledger")
    assert "Not right" in text and squash(wrong.feedback) in text
    assert "You were very sure, but" in text


def test_pairs_and_kinds_work_with_the_keyboard(open_page):
    made_up = {e.id: synthetic_state(e) for e in SYNTHETIC}
    page = open_page([made_up["made-up-pairs"], made_up["made-up-kinds"]])
    tab_to_listbox(page, "made-up-pairs")
    arrow_to(page, "paragraph 1 in alpha")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the second document's sentences
    arrow_to(page, "paragraph 1 in beta")
    page.keyboard.press("Space")
    press_button(page, "made-up-pairs", "Add pair")
    assert "Pair 1" in text_of(page, "made-up-pairs")
    press_button(page, "made-up-pairs", "Check")
    wait_for_text(page, "made-up-pairs", "You scored 1 of 2 points.")
    assert "First clash." in text_of(page, "made-up-pairs")
    # Labelled highlight: selecting a sentence opens the kind menu, which takes the focus.
    tab_to_listbox(page, "made-up-kinds")
    arrow_to(page, "Sentence 1 of paragraph 2 in gamma")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("Space")  # Anonymous source: the menu closes, the sentence has the focus again
    page.keyboard.press("Space")  # the menu opens again
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # Secret document
    press_button(page, "made-up-kinds", "Check")
    wait_for_text(page, "made-up-kinds", "You scored 2 of 3 points.")


def test_exam_mode_records_without_a_key(open_page, exercise_set, catalogue):
    state = exercise_state(exercise_set.get("disclaimer-000"), catalogue, with_key=False)
    page = open_page([state])
    root = page.locator("[data-medialit-id='disclaimer-000']")
    assert root.get_by_role("button", name="Show answer").count() == 0
    root.get_by_role("button", name="There is none").click()
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "disclaimer-000", "Answer recorded.")


def test_progress_is_kept_and_stale_or_corrupt_progress_dropped(open_page, states):
    page = open_page([states["disclaimer-002"]])
    root = page.locator("[data-medialit-id='disclaimer-002']")
    root.locator("[role=option]", has_text="are pseudonyms").click()
    root.get_by_role("button", name="Check").click()
    wait_for_text(page, "disclaimer-002", "1 of 1 points")
    page.reload()
    wait_for_text(page, "disclaimer-002", "1 of 1 points")
    assert root.locator("[aria-selected=true]").count() == 1
    changed = {**states["disclaimer-002"], "content_hash": "changed"}
    open_page([changed], name="changed.html")
    assert "has changed since your last visit" in text_of(page, "disclaimer-002")
    assert root.locator("[aria-selected=true]").count() == 0
    page.evaluate("localStorage.setItem('medialit:v2::disclaimer-002:changed', '{not json')")  # the unnamed learner
    page.reload()
    page.wait_for_selector("section.medialit")
    assert root.locator("[aria-selected=true]").count() == 0


def test_exercise_text_is_never_read_as_html(open_page, states):
    state = json.loads(json.dumps(states["lab-ledger"]))
    state["title"] = "<img src=x onerror=alert(1)> </script> title"
    state["options"][0]["text"] = "<b>bold</b>"
    page = open_page([state])
    root = page.locator("[data-medialit-id='lab-ledger']")
    assert root.locator("img, b").count() == 0
    assert "<img src=x onerror=alert(1)> </script> title" in root.text_content()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_nothing_serious_before_and_after_checking(open_page, states, theme):
    assert AXE.exists(), "axe-core is missing: the lead should install it (npm ci) into node_modules/axe-core"
    made_up = [synthetic_state(e) for e in SYNTHETIC if e.id in ("made-up-pairs", "made-up-kinds")]
    page = open_page([states["disclaimer-002"], states["disclaimer-000"], states["lab-ledger"], *made_up], theme)
    assert axe_violations(page) == []
    for exercise_id in ("disclaimer-002", "disclaimer-000", "lab-ledger", "made-up-pairs"):
        root = page.locator(f"[data-medialit-id='{exercise_id}']")
        if exercise_id == "lab-ledger":
            root.locator("input[type=radio]").first.check()
        elif exercise_id != "made-up-pairs":
            root.locator("[role=option]").nth(2).click()
        root.get_by_role("button", name="Hint").click()
        root.get_by_role("button", name="Check").click()
        wait_for_text(page, exercise_id, "points.")
        root.get_by_role("button", name="Show answer").click()
        assert axe_violations(page) == [], "the confirmation in the page"
        root.get_by_role("button", name="Show answer").click()
    page.locator("[data-medialit-id='made-up-kinds'] [role=option]").first.click()
    assert axe_violations(page) == []


def test_narrow_screens_do_not_scroll_sideways(page_factory, serve, tmp_path, states):
    made_up = synthetic_state(next(e for e in SYNTHETIC if e.id == "made-up-pairs"))
    name = exercise_page(tmp_path, [states["disclaimer-002"], states["lab-ledger"], made_up])
    page = page_factory(viewport={"width": 320, "height": 640})
    page.goto(f"{serve(tmp_path).url}/{name}")
    page.wait_for_selector("section.medialit")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    columns = page.evaluate("getComputedStyle(document.querySelector('.ml-docs.ml-two')).gridTemplateColumns")
    assert len(columns.split()) == 1  # two documents are two tabs, one shown at a time
    root = page.locator("[data-medialit-id='made-up-pairs']")
    assert root.get_by_role("tab").count() == 2 and root.get_by_role("tabpanel").count() == 1
    assert page.external_requests == [] and page.console_errors == []
