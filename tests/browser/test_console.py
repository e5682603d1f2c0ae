"""Every page of the built book loads with no console error and no request that leaves the machine."""

from __future__ import annotations

import pytest

from medialit.sphinxext.console import drop_repeated_inline_scripts
from tests.browser.sweep import failures, has_progress, swept_book

pytestmark = [pytest.mark.build, pytest.mark.browser]


def test_every_page_logs_no_console_error_and_requests_nothing_outside(
    built_book, book_server, browser, tmp_path_factory
):
    """Every page in the light theme, then in the dark one, once it has loaded and its deferred scripts have run.

    The light pass opens each page in a fresh context; the dark pass goes through the pages in one context with the
    dark theme stored (tests.browser.sweep). Neither lifts the pages' Content-Security-Policy.
    """
    names = sorted(
        str(p.relative_to(built_book))
        for p in built_book.rglob("*.html")
        if not any(part.startswith("_") for part in p.relative_to(built_book).parts)
    )
    assert len(names) >= 15 and {"intro.html", "my-results.html", "search.html"} <= set(names)
    assert "teachers/worksheets/sourcing.html" in names
    swept = swept_book(built_book, book_server, browser, tmp_path_factory)
    for theme in ("light", "dark"):
        assert failures(swept[theme], names, "console_errors", "external_requests") == {}, theme
    # The book's pages (those with its progress) show the dark theme in the dark pass.
    assert {name: swept["dark"][name]["theme"] for name in names if has_progress(name)} == {
        name: "dark" for name in names if has_progress(name)
    }


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
