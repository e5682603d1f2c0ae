"""The exercise screen, measured in the built book at a laptop's (1280×800) and a phone's (390×844) size: two
documents side by side or as tabs, the kind picker by the sentence, and the action bar in reach; and every page fits
the screen's width. (That progress is in view on every chapter page is in test_progress_indicator.)

Figures are printed; what is asserted are layout facts (boxes, heights, scrolled distances), never timings."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit import scoring
from tests.browser.sweep import every_page, failures, swept_book
from tests.browser.test_every_exercise import page_states
from tests.conftest import axe_violations, goto_book_page

pytestmark = [pytest.mark.build, pytest.mark.browser]

LAPTOP, PHONE = (1280, 800), (390, 844)
SIZES = (LAPTOP, PHONE)
ACROSS, KINDS = "contradictions-across", "sourcing-a-kinds"
BOX = "(e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
# The total distance the page scrolls from now on, summed over every scroll event.
COUNT_SCROLLING = """() => {
  window.__scrolled = 0;
  let last = window.scrollY;
  window.addEventListener('scroll', () => {
    window.__scrolled += Math.abs(window.scrollY - last);
    last = window.scrollY;
  });
}"""
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
ACTIVE_UNIT = "() => document.activeElement?.dataset?.unit ?? null"
ACTIVE_IN = """([id, selector]) => {
  const el = document.activeElement;
  return !!el && !!el.closest(`[data-medialit-id='${id}']`) && el.matches(selector);
}"""


def toc_files(node) -> list[str]:
    """Every ``file`` of the table of contents, in order."""
    found = []
    if isinstance(node, dict):
        if "file" in node:
            found.append(str(node["file"]))
        for value in node.values():
            found.extend(toc_files(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(toc_files(value))
    return found


def page_of(built_book: Path, exercise_id: str) -> str:
    return next(name for name, states in page_states(built_book).items() if any(s["id"] == exercise_id for s in states))


def box(locator) -> list[float]:
    return locator.evaluate(BOX)


def settle(page) -> None:
    page.evaluate(TWO_FRAMES)


def open_exercise(page, base: str, name: str, exercise_id: str):
    goto_book_page(page, base, name)
    root = page.locator(f"[data-medialit-id='{exercise_id}']")
    root.locator("section.medialit").wait_for()
    return root


def test_every_page_fits_narrow_and_wide_screens(built_book, book_server, browser, tmp_path_factory):
    """No page scrolls sideways: at 1280 px in the light pass, at 320 px in the dark pass (tests.browser.sweep).

    The printable worksheets are pages of their own, without the book around them, and are left out.
    """
    names = [name for name in every_page(built_book) if not name.startswith("teachers/worksheets/")]
    assert len(names) >= 40 and "web/atlas-treaty.html" in names and "intro.html" in names
    swept = swept_book(built_book, book_server, browser, tmp_path_factory)
    for theme, width in (("light", 1280), ("dark", 320)):
        assert failures(swept[theme], names, "overflow") == {}, f"pages that scroll sideways at {width} px"
        assert all(swept[theme][name]["overflow"] == 0 for name in names), width


def test_two_documents_stand_side_by_side_on_a_laptop(built_book, book_server, page_factory):
    page = page_factory(viewport={"width": LAPTOP[0], "height": LAPTOP[1]})
    root = open_exercise(page, book_server.url, page_of(built_book, ACROSS), ACROSS)
    docs = root.locator(".ml-docs")
    print(f"1280x800: the documents' area is {docs.evaluate('e => e.clientWidth')} px wide")
    assert root.get_by_role("tablist").count() == 0 or not root.get_by_role("tablist").is_visible()
    assert root.get_by_role("tabpanel").count() == 0
    a, b = (box(root.locator(".ml-doc").nth(i)) for i in (0, 1))
    assert a[2] <= b[0] and abs(a[1] - b[1]) < 1, (a, b)  # two columns, side by side
    for index in (0, 1):
        listbox = root.get_by_role("listbox").nth(index)
        shown, full = listbox.evaluate("e => [e.clientHeight, e.scrollHeight]")
        print(f"1280x800: document {index + 1} shows {shown} of {full} px, scrolling within its column")
        assert shown <= 0.7 * LAPTOP[1] + 1 and full > shown
    assert page.external_requests == [] and page.console_errors == []


def test_on_a_phone_two_documents_are_tabs_and_a_pair_needs_less_than_a_screen_of_scrolling(
    built_book, book_server, page_factory, exercise_set
):
    width, height = PHONE
    page = page_factory(viewport={"width": width, "height": height})
    root = open_exercise(page, book_server.url, page_of(built_book, ACROSS), ACROSS)
    tall = root.evaluate("e => e.getBoundingClientRect().height")
    print(f"{width}x{height}: {ACROSS} is {tall:.0f} px tall ({tall / height:.2f} screens)")
    assert tall <= 3 * height
    tabs = root.get_by_role("tab")
    assert [tabs.nth(i).text_content() for i in range(tabs.count())] == ["Document A", "Document B"]
    assert root.get_by_role("tabpanel").count() == 1
    first, second = scoring.examples(exercise_set.get(ACROSS)).correct["pairs"][0]
    assert first.split(":")[0] != second.split(":")[0], "a pair across the two documents"

    # From the first tab, with the keyboard only.
    root.evaluate("e => e.scrollIntoView()")
    tabs.first.focus()
    settle(page)
    page.evaluate(COUNT_SCROLLING)
    page.keyboard.press("Tab")  # into Document A's sentences
    arrow_to_unit(page, first)
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Tab")  # back to the tab
    page.keyboard.press("ArrowRight")  # Document B
    assert root.get_by_role("tab", name="Document B").get_attribute("aria-selected") == "true"
    chip = root.locator(".ml-chip")
    assert chip.count() == 1 and chip.is_visible()
    assert page.evaluate("(u) => document.querySelector(`[data-unit='${u}'] .ml-text`).textContent", first) in (
        chip.text_content() or ""
    )
    tab_to(page, ACROSS, "[role=option]")
    arrow_to_unit(page, second)
    page.keyboard.press("Space")
    tab_to(page, ACROSS, "button.ml-add-pair")
    page.keyboard.press("Enter")
    settle(page)
    scrolled = page.evaluate("window.__scrolled")
    print(f"{width}x{height}: a pair across the documents made with {scrolled:.0f} px of scrolling")
    assert "Pair 1" in (root.locator(".ml-pairs").text_content() or "")
    assert scrolled <= height
    assert chip.count() == 0, "the chip goes once the pair is made"
    assert page.external_requests == [] and page.console_errors == []


def arrow_to_unit(page, unit: str) -> None:
    page.keyboard.press("Home")
    for _ in range(300):
        if page.evaluate(ACTIVE_UNIT) == unit:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"sentence {unit} not reached with the arrow keys")


def tab_to(page, exercise_id: str, selector: str) -> None:
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE_IN, [exercise_id, selector]):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_the_chip_clears_the_sentence_selected_in_the_other_document(built_book, book_server, page_factory):
    page = page_factory(viewport={"width": PHONE[0], "height": PHONE[1]})
    root = open_exercise(page, book_server.url, page_of(built_book, ACROSS), ACROSS)
    unit = root.get_by_role("tabpanel").get_by_role("option").nth(2).get_attribute("data-unit")
    sentence = root.locator(f"[data-unit='{unit}']")
    sentence.click()
    root.get_by_role("tab", name="Document B").click()
    assert sentence.is_hidden()
    root.locator(".ml-chip").get_by_role("button", name="Clear").click()
    assert root.locator(".ml-chip").count() == 0 and sentence.get_attribute("aria-selected") == "false"
    assert page.external_requests == [] and page.console_errors == []


def sentence_sample(state: dict) -> list[tuple[int, str]]:
    """The first, middle and last sentence of each document, with the document's index."""
    out = []
    for index, slug in enumerate(state["documents"]):  # the book's states name their documents by slug
        units = [unit for unit in state["unit_ids"] if unit.split(":")[0] == slug]
        out.extend((index, unit) for unit in dict.fromkeys((units[0], units[len(units) // 2], units[-1])))
    return out


def one_page_per_sentence_kind(built_book: Path) -> dict[str, tuple[str, dict]]:
    """For each kind that selects sentences (highlight, highlight with kinds, pairs), its first exercise; pairs across
    two documents where there is one."""
    found: dict[str, tuple[str, dict]] = {}
    for name, states in page_states(built_book).items():
        for state in states:
            if state["type"] not in ("highlight", "pairs"):
                continue
            kind = "highlight-kinds" if state["labels"] else state["type"]
            if kind not in found or (kind == "pairs" and state["id"] == ACROSS):
                found[kind] = (name, state)
    assert set(found) == {"highlight", "highlight-kinds", "pairs"}, sorted(found)
    return found


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_check_is_in_reach_of_every_sentence_just_selected(built_book, book_server, page_factory, width, height):
    page = page_factory(viewport={"width": width, "height": height})
    for kind, (name, state) in sorted(one_page_per_sentence_kind(built_book).items()):
        root = open_exercise(page, book_server.url, name, state["id"])
        check = root.get_by_role("button", name="Check")
        bar = root.locator(".ml-actions")
        for doc, unit in sentence_sample(state):
            tabs = root.get_by_role("tab")
            if tabs.count() and tabs.first.is_visible():
                tabs.nth(doc).click()
            sentence = root.locator(f"[data-unit='{unit}']")
            sentence.click()
            if state["labels"]:  # the kind picker opened under the paragraph; Escape gives the focus back
                assert root.locator(".ml-kinds").is_visible()
                page.keyboard.press("Escape")
                assert page.evaluate(ACTIVE_UNIT) == unit
            settle(page)
            s, c, b = box(sentence), box(check), box(bar)
            gap = max(0.0, c[1] - s[3], s[1] - c[3])
            print(f"{width}x{height} {kind} {unit}: sentence y {s[1]:.0f}-{s[3]:.0f}, Check y {c[1]:.0f}-{c[3]:.0f}")
            assert gap <= height, (kind, unit, s, c)
            assert c[1] >= 0 and c[3] <= height, "Check is on the screen"
            assert s[3] <= b[1] + 1 or s[1] >= b[3] - 1, "the bar does not cover the sentence"
        assert page.external_requests == [] and page.console_errors == [], name


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_kind_picker_opens_under_the_sentence_and_closes_with_escape(
    built_book, book_server, page_factory, width, height
):
    page = page_factory(viewport={"width": width, "height": height})
    root = open_exercise(page, book_server.url, page_of(built_book, KINDS), KINDS)
    options = root.get_by_role("option")
    sentence = options.nth(options.count() // 2)
    unit = sentence.get_attribute("data-unit")
    sentence.focus()
    page.keyboard.press("Space")
    picker = root.get_by_role("group", name="Kind for:")
    assert picker.is_visible()
    assert page.evaluate("() => document.activeElement.type") == "checkbox", "the focus moves into the picker"
    paragraph = box(sentence.locator("xpath=ancestor::*[@role='group'][1]"))
    next_paragraph = sentence.locator("xpath=ancestor::*[@role='group'][1]/following-sibling::*[1]")
    p = box(picker)
    print(f"{width}x{height}: the paragraph ends at y {paragraph[3]:.0f}, the picker spans {p[1]:.0f}-{p[3]:.0f}")
    assert 0 <= p[1] - paragraph[3] <= 24, "right under the sentence's paragraph"
    if next_paragraph.count():
        assert box(next_paragraph)[1] >= p[3], "the next paragraph makes room: nothing is covered"
    # The arrow keys move between the kinds; ticking one marks the sentence with it, closes the picker and gives the
    # focus back to the sentence.
    page.keyboard.press("ArrowDown")
    second = root.locator(".ml-kinds label").nth(1)
    name = second.locator(".ml-kind-name").text_content()
    page.keyboard.press("Space")
    assert picker.is_hidden() and page.evaluate(ACTIVE_UNIT) == unit
    assert sentence.locator(".ml-badge").text_content() == f" ({name})"
    # Selected again, it opens with its kind ticked; Escape closes it, and so does Done.
    page.keyboard.press("Enter")
    assert picker.is_visible() and second.locator("input").is_checked()
    page.keyboard.press("Escape")
    assert picker.is_hidden() and page.evaluate(ACTIVE_UNIT) == unit
    page.keyboard.press("Enter")
    picker.get_by_role("button", name="Done").click()
    assert picker.is_hidden() and page.evaluate(ACTIVE_UNIT) == unit
    assert page.external_requests == [] and page.console_errors == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_nothing_serious_with_the_picker_open_and_the_tabs_shown(
    built_book, book_server, page_factory, theme
):
    page = page_factory(viewport={"width": PHONE[0], "height": PHONE[1]})
    page.add_init_script(f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
    root = open_exercise(page, book_server.url, page_of(built_book, KINDS), KINDS)
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    root.get_by_role("option").nth(3).click()
    assert root.locator(".ml-kinds").is_visible()
    assert axe_violations(page) == [], "the kind picker open"
    root = open_exercise(page, book_server.url, page_of(built_book, ACROSS), ACROSS)
    root.get_by_role("tabpanel").get_by_role("option").nth(1).click()
    root.get_by_role("tab", name="Document B").click()
    assert root.locator(".ml-chip").is_visible()
    assert axe_violations(page) == [], "the tabs with a chip"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    assert page.external_requests == [] and page.console_errors == []


# The top of what the stuck bars cover: the action bar's, or the kind's row's when it sits right on it.
COVER_TOP = """(root) => {
  const bar = root.querySelector('.ml-actions').getBoundingClientRect();
  const tools = root.querySelector('.ml-tools')?.getBoundingClientRect();
  return tools && Math.abs(tools.bottom - bar.top) < 2 ? tools.top : bar.top;
}"""


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_bars_never_cover_the_focused_sentence_or_the_end_of_the_text(
    built_book, book_server, page_factory, width, height
):
    page = page_factory(viewport={"width": width, "height": height})
    name, state = one_page_per_sentence_kind(built_book)["highlight"]
    root = open_exercise(page, book_server.url, name, state["id"])
    section = root.locator("section.medialit")
    root.get_by_role("option").first.focus()
    settle(page)
    lowest = 0.0
    for unit in state["unit_ids"]:
        assert page.evaluate(ACTIVE_UNIT) == unit
        bottom = box(root.locator(f"[data-unit='{unit}']"))[3]
        cover = section.evaluate(COVER_TOP)
        lowest = max(lowest, bottom)
        assert bottom <= cover + 1, (unit, bottom, cover)
        page.keyboard.press("ArrowDown")
        settle(page)
    print(f"{width}x{height}: {len(state['unit_ids'])} sentences focused in turn, the lowest ending at y {lowest:.0f}")
    # With the end of the exercise in view the bars rest after the text: the last sentence is clear of them.
    section.evaluate("e => e.scrollIntoView({block: 'end'})")
    settle(page)
    last = box(root.locator(f"[data-unit='{state['unit_ids'][-1]}']"))
    assert last[3] <= section.evaluate(COVER_TOP), "the end of the text is not covered"
    assert page.external_requests == [] and page.console_errors == []
