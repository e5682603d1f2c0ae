"""First-load weight of every page of the built book, measured in Chromium with a fresh cache.

Every response's body is counted (HTML, styles, scripts, fonts, images). The limits are layout facts: what a page
links, not how fast it loads. A class of 30 opening the book together pulls 30 times these figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.sweep import failures, swept_book
from tests.conftest import goto_book_page

pytestmark = pytest.mark.browser

LEARNER_LIMIT = 700 * 1024
"""Bytes a learner page may load on first visit."""
TEACHER_LIMIT = 1024 * 1024
"""Bytes a teacher page (charts included) may load on first visit."""
SKIPPED_FOLDERS = {"_static", "_sources", "_images"}


def book_pages(html: Path) -> list[str]:
    """Every HTML page of the built book, relative to its folder, except Sphinx's own index pages."""
    pages = []
    for path in sorted(html.rglob("*.html")):
        name = path.relative_to(html).as_posix()
        if name.split("/")[0] in SKIPPED_FOLDERS or name in {"genindex.html", "search.html"}:
            continue
        pages.append(name)
    return pages


def test_every_page_is_light(built_book, book_server, browser, tmp_path_factory):
    """Each page opened in a fresh context (tests.browser.sweep): the bytes of every response, by path."""
    pages = book_pages(built_book)
    assert "intro.html" in pages and any(name.startswith("teachers/") for name in pages)
    light = swept_book(built_book, book_server, browser, tmp_path_factory)["light"]
    assert failures(light, pages, "bad_responses", "external_requests") == {}
    heavy = []
    for name in pages:
        sizes = light[name]["sizes"]
        assert f"/{name}" in sizes, (name, sorted(sizes))
        total = sum(sizes.values())
        limit = TEACHER_LIMIT if name.startswith("teachers/") else LEARNER_LIMIT
        print(f"{name:55} {total / 1024:8.1f} KB (limit {limit // 1024} KB)")
        if total > limit:
            biggest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
            heavy.append((name, total, biggest))
    assert heavy == []


def test_the_theme_loads_no_fontawesome_script_and_no_search_index(built_book, book_server, browser, tmp_path_factory):
    intro = swept_book(built_book, book_server, browser, tmp_path_factory)["light"]["intro.html"]
    assert failures({"intro.html": intro}, ["intro.html"], "bad_responses", "external_requests") == {}
    names = [path.rsplit("/", 1)[-1].split("?")[0] for path in intro["sizes"]]
    assert "fontawesome.js" not in names
    assert "searchindex.js" not in names
    assert not any(name.startswith(("mystnb.", "sphinx-design")) for name in names)
    assert "intro.html" in names and sum(intro["sizes"].values()) > 0


def test_a_search_from_any_page_opens_the_search_page_with_results(book_server, page):
    loaded = []
    page.on("response", lambda response: loaded.append(response.url))
    goto_book_page(page, book_server.url, "intro.html")
    assert not any("searchindex.js" in url or "searchtools.js" in url for url in loaded)
    page.keyboard.press("Control+K")
    page.keyboard.type("lateral")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=lateral*")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    links = results.evaluate_all("links => links.map((link) => link.getAttribute('href'))")
    assert any(link.startswith("lateral-reading.html") for link in links), links
    assert page.console_errors == [] and page.external_requests == []
