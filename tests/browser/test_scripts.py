"""Texts in Arabic, Hebrew, Korean and Japanese in the widget: language and direction on each document, selection
by keyboard and by click, right-to-left layout, the order of a right-to-left quote in the feedback, axe, and a
reference screenshot of each script (tests/browser/screens/, written again with MEDIALIT_UPDATE_SCREENS=1)."""

from __future__ import annotations

import shutil

import pytest

from medialit.state import exercise_state
from tests.browser.pages import wait_for_text
from tests.browser.test_screens import SCREENS, UPDATE, png_size
from tests.conftest import axe_violations
from tests.keys import press_button, tab_to_listbox
from tests.language_project import NAMES, write_project
from tests.languages import DIRECTIONS, SENTENCES

pytestmark = pytest.mark.browser

LANGS = sorted(DIRECTIONS)

# Each sentence of the first paragraph: its first line box, and whether it starts on the first sentence's line.
FIRST_LINE = """(id) => {
  const box = document.querySelector(`[data-medialit-id='${id}'] [role=listbox]`);
  const units = [...box.querySelector('[role=group]').querySelectorAll('[role=option]')];
  const rects = units.map((u) => u.getClientRects()[0]);
  const line = rects.filter((r) => Math.abs(r.top - rects[0].top) < 2);
  const outer = box.getBoundingClientRect();
  return {first: rects[0].toJSON(), last: line[line.length - 1].toJSON(), count: line.length, box: outer.toJSON()};
}"""


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    catalogue, exercises = write_project(tmp_path_factory.mktemp("languages"))
    assert exercises.problems == ()
    return {e.id.removeprefix("bakery-"): exercise_state(e, catalogue) for e in exercises.exercises}


def _options(page, lang):
    return page.locator(f"[data-medialit-id='bakery-{lang}'] [role=option]")


@pytest.mark.parametrize("lang", LANGS)
def test_the_document_has_its_language_and_direction(open_page, states, lang):
    page = open_page([states[lang]])
    box = page.locator(f"[data-medialit-id='bakery-{lang}'] [role=listbox]")
    assert (box.get_attribute("lang"), box.get_attribute("dir")) == (lang, DIRECTIONS[lang])
    assert page.evaluate("(el) => getComputedStyle(el).direction", box.element_handle()) == DIRECTIONS[lang]
    assert _options(page, lang).all_text_contents() == SENTENCES[lang]
    # The page's own words (a sentence's badge) stay English, left to right.
    badge = page.locator(f"[data-medialit-id='bakery-{lang}'] .ml-badge").first
    assert (badge.get_attribute("lang"), badge.get_attribute("dir")) == ("en", "ltr")
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_sentence_starts_where_the_script_starts(open_page, states, lang):
    page = open_page([states[lang]])
    found = page.evaluate(FIRST_LINE, f"bakery-{lang}")
    first, last, box = found["first"], found["last"], found["box"]
    assert found["count"] == 2, found  # both sentences of the first paragraph share its first line at 1280 px
    if DIRECTIONS[lang] == "rtl":
        assert first["left"] > last["left"] and first["right"] > box["left"] + box["width"] / 2
    else:
        assert first["left"] < last["left"] and first["left"] < box["left"] + box["width"] / 2


@pytest.mark.parametrize("lang", LANGS)
def test_select_by_keyboard_and_by_click_and_check(open_page, states, lang):
    page = open_page([states[lang]])
    exercise_id = f"bakery-{lang}"
    options = _options(page, lang)
    tab_to_listbox(page, exercise_id)
    assert page.evaluate("document.activeElement.textContent") == SENTENCES[lang][0]
    # The arrow that points along the text moves to the next sentence: left in a right-to-left text.
    forward, back = ("ArrowLeft", "ArrowRight") if DIRECTIONS[lang] == "rtl" else ("ArrowRight", "ArrowLeft")
    page.keyboard.press(forward)
    page.keyboard.press(forward)
    page.keyboard.press(back)
    assert page.evaluate("document.activeElement.textContent") == SENTENCES[lang][1]
    page.keyboard.press("Space")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    options.nth(2).click()
    assert options.nth(2).get_attribute("aria-selected") == "true"
    options.nth(4).click()
    options.nth(4).click()  # a second click takes it back
    assert [options.nth(i).get_attribute("aria-selected") for i in range(5)] == [
        "false",
        "true",
        "true",
        "false",
        "false",
    ]
    press_button(page, exercise_id, "Check")
    wait_for_text(page, exercise_id, "You scored 2 of 2 points.")
    quotes = page.locator(f"[data-medialit-id='{exercise_id}'] .ml-quote").all_text_contents()
    sentence = SENTENCES[lang][2]
    # A right-to-left sentence is isolated inside the English line of the feedback, so that it keeps its order.
    shown = f"\u2067{sentence}\u2069" if DIRECTIONS[lang] == "rtl" else sentence
    assert f"The {NAMES[lang]} text, paragraph 2, sentence 1: “{shown}”" in quotes
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_script_has_a_reference_screenshot(page_factory, serve, tmp_path, states, lang):
    from tests.browser.mirror import exercise_page

    width, height = 390, 844
    page = page_factory(viewport={"width": width, "height": height})
    server = serve(tmp_path)
    name = exercise_page(tmp_path, [states[lang]], name=f"{lang}.html")
    page.goto(f"{server.url}/{name}")
    page.locator("section.medialit").wait_for()
    _options(page, lang).nth(2).click()  # one sentence selected, to show the highlight in its direction
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    direction = "rtl" if DIRECTIONS[lang] == "rtl" else "ltr"
    shot = tmp_path / f"{direction}-{NAMES[lang].lower()}-{width}x{height}.png"
    page.screenshot(path=str(shot), full_page=True)
    reference = SCREENS / shot.name
    if UPDATE:
        shutil.copyfile(shot, reference)
    assert reference.exists(), f"no reference image {reference.name}: run with MEDIALIT_UPDATE_SCREENS=1"
    assert png_size(reference)[0] == png_size(shot)[0] == width
    assert page.external_requests == [] and page.console_errors == []
