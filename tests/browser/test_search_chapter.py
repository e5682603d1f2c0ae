"""The search chapter in the built book: every task solved with the keyboard only, full marks; the chapter and every
simulated page accessible (axe), local (no request leaves the machine) and closed (no link leaves the book)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

from medialit import scoring
from medialit.kinds import ExerciseType
from medialit.model import Exercise
from tests.browser.test_every_exercise import wait_for_score
from tests.conftest import axe_violations, goto_book_page
from tests.keys import tab_until

pytestmark = [pytest.mark.build, pytest.mark.browser]

CHAPTER = "search-it.html"
BANNER = "not a real website"

FOCUSED_IN = """([id, selector]) => {
  const el = document.activeElement;
  return !!el && !!el.closest(`[data-medialit-id='${id}']`) && el.matches(selector);
}"""
FOCUSED_BUTTON = """([id, text]) => {
  const el = document.activeElement;
  return !!el && el.tagName === 'BUTTON' && !!el.closest(`[data-medialit-id='${id}']`)
    && el.textContent.trim() === text;
}"""
FOCUSED_BOX = """([id, result]) => {
  const el = document.activeElement;
  return !!el && el.type === 'checkbox' && el.value === result
    && !!el.closest(`[data-medialit-id='${id}'] .ml-search-results`);
}"""


def chapter_tasks(built_book, exercise_set) -> list[Exercise]:
    html = (built_book / CHAPTER).read_text(encoding="utf-8")
    ids = list(dict.fromkeys(re.findall(r'data-medialit-id="([a-z0-9-]+)"', html)))
    return [exercise_set.get(i) for i in ids if exercise_set.get(i).type is ExerciseType.SEARCH]


def press_until(page, key: str, predicate: str, arg, what: str, limit: int = 400) -> None:
    """Press ``key`` (Tab or Shift+Tab) until ``predicate(arg)`` holds in the page."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(predicate, arg):
            return
    pytest.fail(f"{key} never reached {what}")


def search_by_typing(page, task: Exercise) -> set[str]:
    """Tab on to the search box, type the first suggested query's words and press Enter; the results it lists."""
    tab_until(page, FOCUSED_IN, [task.id, "input[type=search]"], f"the search box of {task.id}")
    query = task.queries[0]
    page.keyboard.type(query.text.lower())
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([id, n]) => document.querySelectorAll(`[data-medialit-id='${id}'] .ml-search-results .ml-result`).length"
        " === n",
        arg=[task.id, len(query.results)],
    )
    return set(query.results)


def search_by_suggestion(page, task: Exercise, query_text: str) -> None:
    """Shift+Tab back from the results to a suggested search and press Enter."""
    press_until(page, "Shift+Tab", FOCUSED_BUTTON, [task.id, query_text], f"the suggestion {query_text!r}")
    page.keyboard.press("Enter")


def tick_evidence(page, task: Exercise, result_id: str) -> None:
    """Tab from the search to the result's "Use as evidence" box and press Space."""
    tab_until(page, FOCUSED_BOX, [task.id, result_id], f"the evidence box of {result_id} in {task.id}")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked") is True, (task.id, result_id)


def choose_verdict(page, task: Exercise, verdict_id: str) -> None:
    """Tab into the verdict radio group and move with the arrow keys to the verdict (arrows select)."""
    tab_until(page, FOCUSED_IN, [task.id, "input[type=radio]"], f"the verdicts of {task.id}")
    for _ in range(len(task.options) + 1):
        if page.evaluate("() => document.activeElement.value") == verdict_id:
            page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == verdict_id, (task.id, verdict_id)
    assert page.evaluate("() => document.activeElement.checked") is True


def solve(page, task: Exercise) -> None:
    """Search (once typed, then by suggestions), tick every result that supports the verdict, choose the verdict,
    press Check: all with the keyboard."""
    wanted = [r.id for r in task.results if r.supports is True]
    listed = search_by_typing(page, task)
    for result_id in [r for r in wanted if r in listed]:
        tick_evidence(page, task, result_id)
    for result_id in [r for r in wanted if r not in listed]:
        query = next(q for q in task.queries if result_id in q.results)
        search_by_suggestion(page, task, query.text)
        tick_evidence(page, task, result_id)
    verdict = next(o.id for o in task.options if o.correct)
    choose_verdict(page, task, verdict)
    tab_until(page, FOCUSED_IN, [task.id, "button.ml-check"], f"the Check button of {task.id}")
    page.keyboard.press("Enter")
    maximum = scoring.max_score(task)
    assert maximum == 1 + len(wanted), task.id
    wait_for_score(page, task.id, maximum, maximum)


def test_every_search_task_of_the_chapter_is_solved_with_the_keyboard_for_full_marks(
    built_book, book_server, page, exercise_set
):
    tasks = chapter_tasks(built_book, exercise_set)
    assert len(tasks) >= 4
    goto_book_page(page, book_server.url, CHAPTER)
    page.wait_for_selector("section.medialit")
    for task in tasks:
        solve(page, task)
    assert axe_violations(page) == []
    assert page.external_requests == [] and page.console_errors == []


class _Links(HTMLParser):
    """Every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("href", "src") and value]


def test_every_simulated_page_is_labelled_accessible_local_and_links_only_inside_the_book(
    built_book, book_server, page
):
    written = sorted((built_book / "web").glob("*.html"))
    assert len(written) >= 10
    for path in written:
        html = path.read_text(encoding="utf-8")
        parser = _Links()
        parser.feed(html)
        base = f"{book_server.url}/web/{path.name}"
        for url in parser.urls:
            target = urlparse(urljoin(base, url))
            assert f"{target.scheme}://{target.netloc}" == book_server.url, (path.name, url)
            assert (built_book / target.path.lstrip("/")).is_file(), (path.name, url)
        goto_book_page(page, book_server.url, f"web/{path.name}")
        assert BANNER in page.locator("body").inner_text(), path.name
        assert axe_violations(page) == [], path.name
    assert page.external_requests == [] and page.console_errors == []
