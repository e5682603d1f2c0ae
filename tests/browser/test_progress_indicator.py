"""The progress indicator in the page header: in view without scrolling on a laptop and on a phone, on every chapter
page, with the same numbers as the full progress box; its points per skill open from the keyboard."""

from __future__ import annotations

import re

import pytest

from tests.conftest import axe_violations, goto_book_page
from tests.keys import tab_until

pytestmark = [pytest.mark.build, pytest.mark.browser]

SIZES = ((1280, 800), (390, 844))
INDICATOR = ".medialit-indicator .ml-indicator-button"
BOX = (
    "(s) => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
)
ON_INDICATOR = "() => document.activeElement?.classList.contains('ml-indicator-button') ?? false"


def chapter_pages(built_book) -> list[str]:
    """Every page of the book a learner reads (not Sphinx's own pages, not the printable worksheets, not the simulated
    web pages of the search tasks, which stand for other sites)."""
    return sorted(
        str(p.relative_to(built_book))
        for p in built_book.rglob("*.html")
        if not any(part.startswith("_") for part in p.relative_to(built_book).parts)
        and not str(p.relative_to(built_book)).startswith(("teachers/worksheets/", "web/"))
        and p.name not in ("genindex.html", "search.html", "index.html")
    )


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def full_box_numbers(page) -> tuple[int, int]:
    """Done and total from the full progress box ("3 of 12 exercises done")."""
    text = squash(page.locator(".medialit-progress .ml-progress-count").text_content())
    found = re.match(r"(\d+) of (\d+) exercises? (done|answered)", text)
    assert found, text
    return int(found.group(1)), int(found.group(2))


def indicator_numbers(page) -> tuple[int, int]:
    text = squash(page.locator(INDICATOR).text_content())
    found = re.fullmatch(r"(Done|Answered): (\d+) of (\d+)", text)
    assert found, text
    return int(found.group(2)), int(found.group(3))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_indicator_is_in_view_on_every_chapter_page(built_book, book_server, page_factory, width, height):
    page = page_factory(viewport={"width": width, "height": height})
    names = chapter_pages(built_book)
    assert len(names) >= 10, names
    for name in names:
        goto_book_page(page, book_server.url, name)
        page.locator(INDICATOR).wait_for()
        assert page.evaluate("window.scrollY") == 0, name  # in view as the page opens, without scrolling
        left, top, right, bottom = page.evaluate(BOX, INDICATOR)
        print(f"{width}x{height} {name}: indicator at x {left:.0f}-{right:.0f}, y {top:.0f}-{bottom:.0f}")
        assert 0 <= left < right <= width and 0 <= top < bottom <= height, (name, left, top, right, bottom)
        assert page.locator(INDICATOR).is_visible()
        assert page.locator(".bd-sidebar-primary .medialit-indicator").count() == 0, "not inside the menu drawer"
        # On one row with the header's menu button, below the top bar: the header does not wrap.
        menu = ".bd-header-article .header-article-items__start > .header-article-item:first-child"
        _, menu_top, _, menu_bottom = page.evaluate(BOX, menu)
        assert abs((menu_top + menu_bottom) / 2 - (top + bottom) / 2) <= 4, (name, menu_top, menu_bottom, top, bottom)
        assert indicator_numbers(page) == full_box_numbers(page), name
        # Scrolled to the end of the page, the indicator is still in view.
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(100)
        _, top, _, bottom = page.evaluate(BOX, INDICATOR)
        assert 0 <= top < bottom <= height, (name, "scrolled", top, bottom)
    assert page.external_requests == [] and page.console_errors == []


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_points_per_skill_open_from_the_keyboard_and_match_the_full_box(book_server, page_factory, width, height):
    page = page_factory(viewport={"width": width, "height": height})
    page.goto(f"{book_server.url}/disclaimer.html")
    exercise = page.locator("[data-medialit-id='disclaimer-002']")
    exercise.locator("[role=option]", has_text="are pseudonyms").click()
    exercise.get_by_role("button", name="Check").click()
    page.wait_for_function(
        "() => document.querySelector(\"[data-medialit-id='disclaimer-002']\").textContent.includes('1 of 1')"
    )
    done, total = indicator_numbers(page)
    assert (done, total) == full_box_numbers(page) and done == 1 and total > 1
    panel = page.locator("#medialit-indicator-panel")
    assert panel.is_hidden()
    page.locator("body").focus()
    tab_until(page, ON_INDICATOR, None, "the progress indicator")
    page.keyboard.press("Enter")
    assert panel.is_visible() and page.locator(INDICATOR).get_attribute("aria-expanded") == "true"
    skills = [squash(li.text_content()) for li in panel.locator(".ml-progress-skills li").all()]
    full = [squash(li.text_content()) for li in page.locator(".medialit-progress .ml-progress-skills li").all()]
    print(f"{width}x{height}: {skills}")
    assert skills == full and any("1 of" in line for line in skills)
    left, top, right, bottom = page.evaluate(BOX, "#medialit-indicator-panel")
    assert 0 <= left < right <= width and 0 <= top < bottom <= height, (left, top, right, bottom)
    # At the top of the page: scrolled down, the theme's own "Back to top" button shows (not part of this check).
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#pst-back-to-top").wait_for(state="hidden")
    assert panel.is_visible()
    assert axe_violations(page) == [], "with the points per skill open"
    page.keyboard.press("Escape")
    assert panel.is_hidden() and page.evaluate(ON_INDICATOR)
    # Pointing at it opens the points too.
    page.locator(INDICATOR).hover()
    assert panel.is_visible()
    page.keyboard.press("Escape")  # and Escape closes it while the pointer stays
    assert panel.is_hidden()
    assert page.external_requests == [] and page.console_errors == []


def test_the_indicator_passes_axe_in_the_dark_theme(book_server, page_factory):
    page = page_factory(viewport={"width": 390, "height": 844})
    page.add_init_script("localStorage.setItem('theme', 'dark'); localStorage.setItem('mode', 'dark');")
    page.goto(f"{book_server.url}/disclaimer.html")
    page.locator(INDICATOR).click()
    assert page.locator("#medialit-indicator-panel").is_visible()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert axe_violations(page) == []
