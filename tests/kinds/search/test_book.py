"""The simulated web pages of the real book: each written page is opened by a search task of the book or linked from
such a page, stays inside the book, says it is a simulation, and passes axe in light and dark; the book's search
tasks keep their pages' addresses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medialit.sphinxext.web import BANNER
from tests.conftest import axe_violations
from tests.kinds.search.test_web_pages import _Links

pytestmark = [pytest.mark.build, pytest.mark.browser]
STATE = re.compile(r'<script type="application/json" class="medialit-state" data-for="[^"]+">(.*?)</script>')


def _search_states(html: Path) -> list[dict]:
    states = []
    for path in html.rglob("*.html"):
        if path.parent.name == "web":
            continue
        for text in STATE.findall(path.read_text(encoding="utf-8")):
            state = json.loads(text.replace("<\\/", "</"))
            if state.get("search"):
                states.append(state)
    return states


def test_every_simulated_page_is_reached_from_a_task_and_stays_in_the_book(built_book):
    states = _search_states(built_book)
    assert states, "the book has search tasks"
    written = {p.stem for p in (built_book / "web").glob("*.html")}
    opened = {r["page"] for state in states for r in state["search"]["results"]}
    assert opened <= written
    linked = set()
    for name in written:
        parser = _Links()
        html = (built_book / "web" / f"{name}.html").read_text(encoding="utf-8")
        parser.feed(html)
        assert '<html lang="en">' in html and BANNER.split(": ", 1)[1] in html, name
        for target in parser.targets:
            assert not re.match(r"^[a-z]+:|^//", target), (name, target)
            assert (built_book / "web" / target.split("#")[0]).resolve().is_file(), (name, target)
            if target.endswith(".html") and "/" not in target:
                linked.add(target.removesuffix(".html"))
    assert written == opened | linked, "no page is written that nothing reaches"


def test_every_simulated_page_of_the_book_passes_axe_in_a_dark_scheme(built_book, book_server, page_factory):
    # In the light scheme, every page of the book passes axe in tests/test_book.py (tests.browser.sweep).
    scheme = "dark"
    page = page_factory(viewport={"width": 320, "height": 700}, color_scheme=scheme)
    for path in sorted((built_book / "web").glob("*.html")):
        page.goto(f"{book_server.url}/web/{path.name}")
        assert axe_violations(page) == [], (path.name, scheme)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path.name
    assert page.external_requests == [] and page.console_errors == []
