"""The search task in Chromium: solved with the keyboard only in a built (tiny) book, a result opened in a new tab
shows the simulation banner, scores equal Python's, axe finds nothing serious, nothing leaves the machine; the
simulated pages in light and dark, and at 320 px; the assessment setting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from medialit import scoring
from medialit.kinds.search.pages import load_pages
from medialit.sphinxext.web import BANNER, write_pages
from medialit.state import exercise_state
from tests.conftest import LOCAL_PREFIXES, axe_violations
from tests.keys import press_in
from tests.kinds.search.answers import focus, search_by_suggestion
from tests.kinds.search.fixture import FIXTURES, fixture_exercise

pytestmark = pytest.mark.browser
ID = "search-fixture"


def _guard_context(page) -> list[str]:
    """Abort and record every request that leaves the machine, in every tab of the page's context."""
    leaving: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES) or url.startswith("file:"):
            route.continue_()
        else:
            leaving.append(url)
            route.abort()

    page.context.route("**/*", route)
    return leaving


def _axe_on_task(page) -> list[dict]:
    """axe's serious and critical violations inside the task (the tiny book's default theme is not ours)."""
    axe_violations(page)  # injects axe-core
    found = page.evaluate(
        """async (id) => (await axe.run(document.querySelector(`[data-medialit-id='${id}']`),
            {resultTypes: ['violations']})).violations""",
        ID,
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def _status(page) -> str:
    return page.locator(f"[data-medialit-id='{ID}'] .ml-status").text_content() or ""


def _wait_status(page, text: str) -> None:
    page.wait_for_function(
        "([id, text]) => document.querySelector(`[data-medialit-id='${id}'] .ml-status`)?.textContent === text",
        arg=[ID, text],
        timeout=5000,
    )


def _type_search(page, text: str) -> None:
    focus(page, ID, "input[type=search]")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_a_search_task_is_solved_with_the_keyboard_only(tiny_book, serve, page, catalogue):
    leaving = _guard_context(page)
    server = serve(tiny_book)
    page.goto(f"{server.url}/index.html")
    page.wait_for_selector("section.medialit")
    state = page.evaluate(
        "(id) => JSON.parse(document.querySelector(`script.medialit-state[data-for='${id}']`).textContent)", ID
    )
    root = page.locator(f"[data-medialit-id='{ID}']")
    found = root.locator(".ml-search-results")
    assert _axe_on_task(page) == []

    # Typed: the query sharing the most words ("hidden", "wraps") is found.
    _type_search(page, "Was it hidden? Under wraps?")
    assert found.locator("h4").text_content() == "Results for “Was it hidden? Under wraps?”"
    assert found.locator(".ml-result").evaluate_all("rows => rows.map((r) => r.dataset.result)") == [
        "blog-secret",
        "lookalike-about",
        "atlas-treaty",
    ]
    assert root.locator(".ml-search-status").text_content() == "3 results for “secret treaty Pyongyang”."
    # No shared word (words under three letters do not count): two suggestions named.
    _type_search(page, "an ox is by me")
    assert root.locator(".ml-search-status").text_content() == (
        "No results. Try other words, for example: “treaty full text published” or “secret treaty Pyongyang”."
    )
    assert found.locator(".ml-result").count() == 0

    # By suggestion; then the first result opens in a new tab, which says it is a simulation.
    search_by_suggestion(page, state, "treaty-text")
    link = found.locator("a[href$='/web/fixture-atlas.html']")
    assert link.get_attribute("target") == "_blank"
    name = link.evaluate("(a) => a.textContent")
    assert name.endswith("(opens in a new tab)")
    focus(page, ID, ".ml-search-results a[href$='/web/fixture-atlas.html']")
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url.endswith("/web/fixture-atlas.html")
    assert tab.locator(".sim-banner").text_content() == BANNER
    assert tab.locator(".sim-address").text_content() == "openatlas.example/wiki/treaty"
    assert axe_violations(tab) == []
    tab.close()

    # Tick the evidence; it stays listed after another search.
    focus(page, ID, ".ml-search-results input[value='atlas-treaty']")
    page.keyboard.press("Space")
    search_by_suggestion(page, state, "treaty-secret")
    evidence = root.locator(".ml-evidence")
    assert evidence.locator(".ml-result").evaluate_all("rows => rows.map((r) => r.dataset.result)") == ["atlas-treaty"]
    assert evidence.locator("input[type=checkbox]").is_checked()
    assert found.locator("input[value='atlas-treaty']").is_checked()

    # Check without a verdict is stopped; then the verdict (arrow keys in the radio group) and Check.
    press_in(page, ID, "button.ml-check")
    assert root.locator(".ml-message").text_content() == "Choose a verdict before you check."
    focus(page, ID, ".ml-verdicts input")
    page.keyboard.press("Space")
    press_in(page, ID, "button.ml-check")
    exercise = fixture_exercise(catalogue)
    right = scoring.score(exercise, {"verdict": "refuted", "evidence": ["atlas-treaty"]})
    _wait_status(page, f"You scored {right.score:g} of {right.max_score:g} points.")
    feedback = root.locator(".ml-feedback").text_content()
    assert "names its sources" in feedback and "Right verdict" in feedback
    assert _axe_on_task(page) == []

    # Try again: a weak source ticked as well costs a point, and its "why" is shown.
    press_in(page, ID, "button.ml-again")
    focus(page, ID, ".ml-search-results input[value='blog-secret']")
    page.keyboard.press("Space")
    press_in(page, ID, "button.ml-check")
    weaker = scoring.score(exercise, {"verdict": "refuted", "evidence": ["atlas-treaty", "blog-secret"]})
    assert weaker.score == right.score - 1
    _wait_status(page, f"You scored {weaker.score:g} of {weaker.max_score:g} points.")
    assert "names no source" in root.locator(".ml-feedback").text_content()
    assert "costs a point" in found.locator("[data-result='blog-secret']").text_content()

    # The answer the page saved is the one Python scored.
    saved = page.evaluate(
        """(id) => {
          for (let i = 0; i < localStorage.length; i++) {
            const value = localStorage.getItem(localStorage.key(i));
            if (value && value.includes('"searched"')) return value;
          }
          return null;
        }""",
        ID,
    )
    assert saved and '"evidence":["atlas-treaty","blog-secret"]' in saved and '"verdict":"refuted"' in saved
    assert '"searched":["treaty-secret","treaty-text"]' in saved
    assert leaving == [] and page.console_errors == []


@pytest.fixture
def web_page(tmp_path, serve):
    """The fixture's pages written into a folder of their own, served: ``web_page(context_page, id)`` opens one."""
    pages = load_pages(FIXTURES / "book" / "web")
    write_pages(tmp_path / "web", sorted(pages), pages)
    (tmp_path / "index.html").write_text('<!doctype html><html lang="en"><title>Book</title></html>', "utf-8")
    server = serve(tmp_path)

    def go(page, page_id: str):
        page.goto(f"{server.url}/web/{page_id}.html")
        return page

    return go


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_simulated_pages_pass_axe_in_light_and_dark(page_factory, web_page, scheme):
    page = page_factory(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    for page_id in ("fixture-atlas", "fixture-blog", "fixture-lookalike"):
        web_page(page, page_id)
        assert axe_violations(page) == [], (page_id, scheme)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(255, 255, 255)") is (scheme == "light")
    assert page.external_requests == [] and page.console_errors == []


def test_simulated_pages_and_the_task_do_not_scroll_sideways_at_320_px(page_factory, web_page, tiny_book, serve):
    page = page_factory(viewport={"width": 320, "height": 640})
    web_page(page, "fixture-atlas")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.goto(f"{serve(tiny_book).url}/index.html")
    page.wait_for_selector("section.medialit")
    page.locator(f"[data-medialit-id='{ID}'] .ml-suggestion").first.click()
    page.locator(f"[data-medialit-id='{ID}'] .ml-search-results input").first.check()
    task = "document.querySelector('section.medialit')"
    assert page.evaluate(f"{task}.scrollWidth - {task}.clientWidth") <= 0
    assert page.external_requests == [] and page.console_errors == []


def test_dark_widget_passes_axe_and_shows_the_key_items_by_their_text(open_page, catalogue):
    state = exercise_state(fixture_exercise(catalogue), catalogue)
    page = open_page([state], "dark")
    root = page.locator(f"[data-medialit-id='{ID}']")
    root.locator(".ml-suggestion").first.click()
    root.locator(".ml-search-results input").first.check()
    root.locator(".ml-verdicts input").nth(1).check()
    root.get_by_role("button", name="Check").click()
    assert axe_violations(page) == []
    root.get_by_role("button", name="Show answer").click()
    root.locator(".ml-confirm-show").click()
    answer = root.locator(".ml-answer, .ml-feedback").all_text_contents()
    assert any(
        "Treaty on Comprehensive Strategic Partnership – OpenAtlas (openatlas.example/wiki/treaty)" in t for t in answer
    )
    assert axe_violations(page) == []


def test_the_assessment_setting_records_one_attempt_without_a_key(open_page, catalogue):
    exercise = replace(fixture_exercise(catalogue), assessment=True)
    state = exercise_state(exercise, catalogue, with_key=False)
    assert state["key"] is None and state["key_view"] is None and state["hints"] == [] and state["attempts"] == 1
    assert state["search"]["results"][0]["title"], "the task itself ships"
    assert "supports" not in str(state["search"]) and "why" not in str(state["search"])
    page = open_page([state])
    root = page.locator(f"[data-medialit-id='{ID}']")
    assert root.get_by_role("button", name="Show answer").count() == 0
    root.locator(".ml-suggestion").first.click()
    root.locator(".ml-verdicts input").first.check()
    root.get_by_role("button", name="Check").click()
    _wait_status(page, "Answer recorded. This exercise has one attempt: your teacher will give you the feedback.")
    assert root.locator(".ml-verdicts input").first.is_disabled()
    assert root.get_by_role("button", name="Try again").is_hidden()
