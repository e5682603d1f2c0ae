"""Every page of the built book loads with no console error and no request that leaves the machine."""

from __future__ import annotations

import pytest

from medialit.sphinxext.console import drop_repeated_inline_scripts
from tests.conftest import goto_book_page

pytestmark = [pytest.mark.build, pytest.mark.browser]


def test_every_page_logs_no_console_error_and_requests_nothing_outside(built_book, book_server, page):
    names = sorted(
        str(p.relative_to(built_book))
        for p in built_book.rglob("*.html")
        if not any(part.startswith("_") for part in p.relative_to(built_book).parts)
    )
    assert len(names) >= 15 and {"intro.html", "my-results.html", "search.html"} <= set(names)
    assert "teachers/worksheets/sourcing.html" in names
    for theme in (None, "dark"):
        if theme:
            page.evaluate(f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}')")
        for name in names:
            goto_book_page(page, book_server.url, name)
            # Printable worksheets and the simulated web pages are pages of their own, without the book's progress.
            if not name.startswith(("teachers/worksheets/", "web/")):
                page.locator(".medialit-progress").wait_for(state="attached")
            page.wait_for_timeout(50)  # the theme's and our deferred scripts have run
            assert page.console_errors == [], (name, theme)
            assert page.external_requests == [], (name, theme)


def test_each_inline_script_is_written_once_per_page(built_book):
    for path in built_book.rglob("*.html"):
        assert path.read_text(encoding="utf-8").count("const THEBE_JS_URL") <= 1, path.name


class Script:
    def __init__(self, filename, **attributes):
        self.filename, self.attributes = filename, attributes


def test_only_repeated_inline_scripts_are_dropped():
    first, again, other = Script(None, body="const A = 1"), Script(None, body="const A = 1"), Script(None, body="x()")
    a_file, same_file = Script("a.js"), Script("a.js")
    scripts = [first, a_file, again, other, same_file]
    drop_repeated_inline_scripts(scripts)
    assert scripts == [first, a_file, other, same_file]
