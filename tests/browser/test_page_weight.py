"""First-load weight of every page of the built book, measured in Chromium with a fresh cache.

Every response's body is counted (HTML, styles, scripts, fonts, images). The limits are layout facts: what a page
links, not how fast it loads. A class of 30 opening the book together pulls 30 times these figures.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

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


def first_load_bytes(page_factory, html: Path, base: str, name: str) -> tuple[int, dict[str, int]]:
    """Bytes of every response a fresh browser context receives while opening ``name``; the total and by URL.

    The local server sends each file as it is on disk (no compression), so a response's size is its file's size.
    """
    page = page_factory(viewport={"width": 1280, "height": 900})
    sizes: dict[str, int] = {}

    def count(response) -> None:
        if not response.url.startswith(base):
            return
        assert response.status == 200, f"{response.url}: HTTP {response.status}"
        path = unquote(urlsplit(response.url).path).lstrip("/")
        sizes[response.url] = (html / path).stat().st_size

    page.on("response", count)
    goto_book_page(page, base, name)
    page.wait_for_load_state("networkidle")
    assert page.external_requests == []
    return sum(sizes.values()), sizes


def test_every_page_is_light(built_book, book_server, page_factory):
    pages = book_pages(built_book)
    assert "intro.html" in pages and any(name.startswith("teachers/") for name in pages)
    heavy = []
    for name in pages:
        total, sizes = first_load_bytes(page_factory, built_book, book_server.url, name)
        limit = TEACHER_LIMIT if name.startswith("teachers/") else LEARNER_LIMIT
        print(f"{name:55} {total / 1024:8.1f} KB (limit {limit // 1024} KB)")
        if total > limit:
            biggest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
            heavy.append((name, total, biggest))
    assert heavy == []


def test_the_theme_loads_no_fontawesome_script_and_no_search_index(built_book, book_server, page_factory):
    total, sizes = first_load_bytes(page_factory, built_book, book_server.url, "intro.html")
    names = [url.rsplit("/", 1)[-1].split("?")[0] for url in sizes]
    assert "fontawesome.js" not in names
    assert "searchindex.js" not in names
    assert not any(name.startswith(("mystnb.", "sphinx-design")) for name in names)
    assert "intro.html" in names and total > 0


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
