"""The check pages tell a learner which form to do first, from the same hash of the name as medialit grade uses."""

from __future__ import annotations

import pytest

from medialit.forms import first_form
from tests.conftest import axe_violations

pytestmark = [pytest.mark.build, pytest.mark.browser]


def line(page) -> str:
    found = page.locator(".medialit-form-order")
    found.wait_for()
    return " ".join(found.inner_text().split())


@pytest.mark.parametrize("name", ["Ana", "Ben", "Chloé", "Dawit"])
def test_the_check_pages_show_the_learners_form_order(book_server, page, name):
    page.goto(f"{book_server.url}/check-a.html")
    assert "Type your name under “Who is working?” first" in line(page)
    sidebar = page.locator(".medialit-progress")
    sidebar.get_by_label("Your name").fill(f"  {name.upper()} ")
    sidebar.get_by_role("button", name="Save my name").click()
    sidebar.get_by_text("You are:").wait_for()
    first = first_form(name)
    expected = f"Do form {first} first, then form {first.other} at the end of the module."
    assert line(page).startswith(expected)
    assert page.locator("h1 + .medialit-form-order").count() == 1, "the line sits under the title"
    page.goto(f"{book_server.url}/check-b.html")
    assert line(page).startswith(expected)
    assert axe_violations(page) == []
    assert page.external_requests == []


def test_other_pages_do_not_show_the_line(book_server, page):
    page.goto(f"{book_server.url}/sourcing.html")
    page.locator(".medialit-progress").wait_for()
    assert page.locator(".medialit-form-order").count() == 0
    assert page.evaluate("Boolean(window.medialit && window.medialit.forms)") is False
