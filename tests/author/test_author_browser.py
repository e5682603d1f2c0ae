"""``medialit author`` in Chromium: a plain text keyed by clicking and with the keyboard, saved, validated, built
and solved for full marks; the page is axe-clean at 1280 and 390 px wide."""

from __future__ import annotations

import pytest

from tests.conftest import axe_violations
from tests.keys import arrow_to, press_button, tab_to_listbox, tab_until

pytestmark = [pytest.mark.browser, pytest.mark.build]

EXERCISE = "harbour-sourcing"
IDLE = "() => !document.querySelector('#summary').hasAttribute('aria-busy')"
FOCUSED_UNIT = "(unit) => document.activeElement?.dataset?.unit === unit"
SCORED = "([id, text]) => document.querySelector(`[data-medialit-id='${id}']`)?.textContent.includes(text)"


def settle(page) -> None:
    """Wait until the page has checked the last change."""
    page.wait_for_timeout(50)
    page.wait_for_function(IDLE)


def kind_of(page, unit: str) -> str:
    button = page.locator(f"#u-{unit.replace(':', '-').replace('.', '-')}")
    classes = button.get_attribute("class") or ""
    return "target" if "is-target" in classes else "distractor" if "is-distractor" in classes else "none"


def solve(page, exercise_id: str) -> None:
    """Select the two unverifiable sources with the keyboard and press Check: full marks."""
    tab_to_listbox(page, exercise_id)
    for text in ("according to a source close to the port authority", "Insiders say"):
        arrow_to(page, text)
        page.keyboard.press("Space")
    press_button(page, exercise_id, "Check")
    page.wait_for_function(SCORED, arg=[exercise_id, "2 of 2"])


def test_a_new_text_is_keyed_saved_validated_built_and_solved(author_command, workspace, medialit, page_factory, serve):
    page = page_factory(viewport={"width": 1280, "height": 900})
    page.goto(author_command)
    page.wait_for_selector("#f-title")
    settle(page)
    assert page.locator("#check-count").text_content() == "0 errors, 5 warnings"

    # By clicking: the starter's target becomes a distractor, then nothing; its distractor the other way round.
    page.click("#u-harbour-1-1")
    assert kind_of(page, "harbour:1.1") == "distractor"
    page.click("#u-harbour-1-1")
    page.click("#u-harbour-5-1")
    page.click("#u-harbour-5-1")
    assert [kind_of(page, f"harbour:{n}.1") for n in range(1, 6)] == ["none", "none", "none", "none", "target"]
    # With the keyboard: Tab to a sentence, Space makes it a target; Enter twice makes the next one a distractor.
    tab_until(page, FOCUSED_UNIT, "harbour:2.1", "sentence 2.1")
    page.keyboard.press("Space")
    assert page.evaluate(FOCUSED_UNIT, "harbour:2.1")  # the focus stays on the sentence
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_UNIT, "harbour:3.1")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert [kind_of(page, f"harbour:{n}.1") for n in range(1, 6)] == [
        "none",
        "target",
        "distractor",
        "none",
        "target",
    ]
    settle(page)
    # A distractor needs its feedback: the message appears by the field, in plain words, and goes when it is written.
    problem = page.locator("#f-distractors-0-explanation-problem")
    assert "at least 10 characters" in problem.text_content()
    assert page.get_attribute("#f-distractors-0-explanation", "aria-invalid") == "true"
    described = page.get_attribute("#f-distractors-0-explanation", "aria-describedby")
    assert "f-distractors-0-explanation-problem" in described.split()
    assert page.locator("#summary a[href='#f-distractors-0-explanation']").count() == 1

    page.fill("#f-title", "")
    settle(page)
    assert "too short" in page.locator("#f-title-problem").text_content()
    assert page.get_attribute("#f-title", "aria-invalid") == "true"
    page.fill("#f-title", "Who says so in the harbour story?")
    page.fill("#f-hints-0", "For each sentence, ask: who says so?")
    page.fill("#f-hints-1", "Could you find this person and ask them?")
    page.fill(
        "#f-targets-0-explanation",
        "“Insiders” have no names and no workplace. Nobody can ask them whether it is true.",
    )
    page.fill("#f-targets-1-explanation", "The source is not named, so a reader cannot check what it said.")
    page.fill("#f-distractors-0-explanation", "The captain is named, with her job. A reader could ask her.")
    page.fill("#f-takeaway", "Before you believe a claim, ask who says so and whether you could check.")
    settle(page)
    assert page.locator("#f-title-problem").text_content() == ""
    assert page.get_attribute("#f-title", "aria-invalid") is None
    assert page.locator("#f-distractors-0-explanation-problem").text_content() == ""
    assert page.locator("#check-count").text_content() == "No problems found."

    # Try it: the draft runs in the book's widget, Check and score included.
    page.wait_for_selector(f"#try-widget [data-medialit-id='{EXERCISE}']")
    solve(page, EXERCISE)

    page.click("#save")
    page.wait_for_function("() => document.querySelector('#save-status').textContent.startsWith('Saved')")
    assert "exercises/harbour-sourcing.yaml" in page.locator("#save-status").text_content()
    assert page.external_requests == [] and page.console_errors == []

    checked = medialit("validate")
    assert checked.code == 0, checked.out
    assert "harbour-sourcing" not in checked.out  # no problem left in the keyed file
    built = medialit("preview", "harbour", "--no-serve")
    assert built.code == 0, built.err
    html = workspace / "book" / "_preview" / "harbour" / "_build" / "html"
    book = page_factory(viewport={"width": 1280, "height": 900})
    book.goto(f"{serve(html).url}/cases/harbour.html")
    solve(book, EXERCISE)
    assert book.external_requests == [] and book.console_errors == []


def test_pairs_are_linked_and_a_new_exercise_is_started(author, workspace, page_factory):
    page = page_factory(viewport={"width": 1280, "height": 900})
    page.goto(author.server.url("harbour-contradictions.yaml"))
    page.wait_for_selector("#f-title")
    settle(page)
    assert page.is_disabled("#link-targets")
    page.click("#u-harbour-4-1")
    page.click("#u-harbour-5-1")
    assert page.get_attribute("#u-harbour-5-1", "aria-pressed") == "true"
    page.click("#link-targets")
    page.click("#remove-targets-0")  # the starter's placeholder pair
    page.fill("#f-targets-0-explanation", "One says the timetable is unchanged, the other that the ferry stops.")
    settle(page)
    assert "Pair 1" in page.locator("#u-harbour-4-1").text_content()
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#save-status').textContent.startsWith('Saved')")
    saved = (workspace / "exercises" / "harbour-contradictions.yaml").read_text(encoding="utf-8")
    assert "The port authority’s spokesperson confirmed on Monday" in saved
    assert "# The version of this file format. Leave it at 1." in saved

    page.fill("#f-title", "What does not add up in the harbour story?")
    page.select_option("#new-kind", "choice")
    page.select_option("#new-skill", "verification")
    page.fill("#new-id", "harbour-check")
    page.click("#new-start")  # the change to the title is not saved: the page says so and stays
    assert "not saved" in page.locator("#list-status").text_content()
    assert page.input_value("#f-title") == "What does not add up in the harbour story?"
    page.click("#new-start")  # asked again: the change is dropped
    page.wait_for_selector("#f-options-0-text")
    settle(page)
    assert "New: harbour-check (choice)" in page.locator("#editor-heading").text_content()
    assert page.locator("#f-options-0-feedback-problem").text_content() != ""
    assert page.external_requests == [] and page.console_errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_authoring_page_is_axe_clean(author, page_factory, width):
    # The page's own policy forbids inline scripts, axe's included: this context lets axe in.
    page = page_factory(viewport={"width": width, "height": 900}, bypass_csp=True)
    page.goto(author.server.url("harbour-sourcing.yaml"))
    page.wait_for_selector("#f-title")
    settle(page)
    page.wait_for_selector(f"#try-widget [data-medialit-id='{EXERCISE}']")
    assert axe_violations(page) == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.external_requests == [] and page.console_errors == []


def test_a_right_to_left_text_is_keyed_right_to_left(workspace, medialit, page_factory):
    import threading

    from medialit.author.server import AuthorServer
    from medialit.author.workspace import Workspace
    from medialit.project import Project
    from tests.authoring.conftest import DATA

    assert medialit("new-case", DATA / "arabic.txt", "--slug", "arabic-news").code == 0
    server = AuthorServer(Workspace(Project.at(workspace), "arabic-news"), 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = page_factory(viewport={"width": 390, "height": 844}, bypass_csp=True)
        page.goto(server.url("arabic-news-sourcing.yaml"))
        page.wait_for_selector("#f-title")
        settle(page)
        assert page.evaluate(
            "() => [document.querySelector('#sentences').lang, getComputedStyle("
            "document.querySelector('#sentences')).direction]"
        ) == ["ar", "rtl"]
        second = page.locator("#sentences button.sentence").nth(1)
        second.click()
        assert "is-target" in second.get_attribute("class")
        settle(page)
        assert page.evaluate("() => getComputedStyle(document.querySelector('#f-targets-1-quote')).direction") == "rtl"
        assert axe_violations(page) == []
        assert page.external_requests == [] and page.console_errors == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
