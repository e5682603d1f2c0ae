"""The site zip works wherever a school puts it: unpacked under a sub-path of a plain static server, and opened
straight from disk (file://). In both, one exercise is solved with the keyboard and nothing leaves the folder."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from medialit.sitezip import write_site_zip
from tests.browser.pages import wait_for_text
from tests.keys import focus_unit, press_button

pytestmark = pytest.mark.browser

EXERCISE = "disclaimer-002"
PAGE = "disclaimer.html"
SUB_PATH = ("school", "medialit")


@pytest.fixture(scope="module")
def unpacked(built_book, tmp_path_factory) -> Path:
    """The built book, zipped by ``write_site_zip`` and unpacked under ``<root>/school/medialit/``; the root."""
    root = tmp_path_factory.mktemp("host")
    site_zip = write_site_zip(built_book, root / "medialit-site.zip")
    with zipfile.ZipFile(site_zip) as archive:
        archive.extractall(root.joinpath(*SUB_PATH))
    site_zip.unlink()
    return root


def _solve_with_the_keyboard(page, exercise_set) -> None:
    """Mark every target sentence of the exercise with Tab, arrows and Space, check, and see a full score."""
    exercise = exercise_set.get(EXERCISE)
    units = [unit for target in exercise.targets for unit in target.anchors[0].units]
    assert units
    page.wait_for_selector(f"[data-medialit-id='{EXERCISE}'] [role=listbox]")
    for unit in dict.fromkeys(units):
        focus_unit(page, EXERCISE, unit)
        page.keyboard.press("Space")
    press_button(page, EXERCISE, "Check")
    total = len(exercise.targets)
    wait_for_text(page, EXERCISE, f"You scored {total} of {total} points.")


def test_the_unpacked_zip_works_under_a_sub_path_of_a_static_server(unpacked, serve, page, exercise_set):
    server = serve(unpacked)
    base = f"{server.url}/{'/'.join(SUB_PATH)}/"
    page.goto(base)  # the home page sends the learner on to the first page, by a relative link
    page.wait_for_url(f"{base}intro.html")
    page.goto(f"{base}{PAGE}")
    _solve_with_the_keyboard(page, exercise_set)
    assert page.external_requests == []
    assert page.console_errors == []


def test_the_unpacked_zip_works_opened_from_disk(unpacked, page, exercise_set):
    folder = unpacked.joinpath(*SUB_PATH)
    inside = folder.as_uri() + "/"
    outside: list[str] = []

    def only_the_folder(route) -> None:  # stricter than the page's guard: file: URLs of this folder only
        url = route.request.url
        if url.startswith((inside, "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", only_the_folder)
    page.goto(f"{inside}index.html")
    page.wait_for_url(f"{inside}intro.html")
    page.goto(f"{inside}{PAGE}")
    _solve_with_the_keyboard(page, exercise_set)
    assert outside == []
    assert page.external_requests == []
    assert page.console_errors == []
