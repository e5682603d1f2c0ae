"""``medialit preview``: the new case study's page builds on its own, again faster, and works with the keyboard."""

from __future__ import annotations

import pytest

from tests.keys import arrow_to, press_button, tab_to_listbox

pytestmark = pytest.mark.build
SCORED_FULL = "(id) => document.querySelector(`[data-medialit-id='${id}']`).textContent.includes('1 of 1')"


def test_preview_refuses_an_unknown_case_study(medialit):
    done = medialit("preview", "nothing", "--no-serve")
    assert done.code == 2 and "medialit new-case" in done.err


@pytest.fixture
def preview(workspace, medialit, harbour):
    done = medialit("preview", harbour, "--no-serve")
    assert done.code == 0, done.err
    page = workspace / "book" / "_preview" / "harbour" / "_build" / "html" / "cases" / "harbour.html"
    assert done.out.strip().endswith(str(page))
    return page


def test_preview_builds_only_the_case_study_and_reuses_the_build(workspace, medialit, preview):
    html = preview.parents[1]
    assert sorted(
        p.relative_to(html).as_posix()
        for p in html.rglob("*.html")
        if not p.relative_to(html).as_posix().startswith("_")
    ) == ["cases/harbour.html", "genindex.html", "index.html", "search.html"]
    assert "book/_preview/" in (workspace / ".gitignore").read_text(encoding="utf-8").splitlines()
    written = preview.stat().st_mtime_ns
    assert medialit("preview", "harbour", "--no-serve").code == 0
    assert preview.stat().st_mtime_ns == written  # nothing changed, nothing rewritten
    exercise = workspace / "exercises" / "harbour-disclaimer.yaml"
    exercise.write_text(
        exercise.read_text(encoding="utf-8").replace("Disclaimers usually", "They often"), encoding="utf-8"
    )
    assert medialit("preview", "harbour", "--no-serve").code == 0
    assert preview.stat().st_mtime_ns != written and "They often sit" in preview.read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_new_exercises_are_solved_with_the_keyboard(preview, serve, page):
    server = serve(preview.parents[1])
    page.goto(f"{server.url}/cases/harbour.html")
    for exercise_id, sentences, extra in [
        ("harbour-sourcing", ["THE HARBOUR POST"], None),
        ("harbour-contradictions", ["THE HARBOUR POST", "Insiders say"], "Add pair"),
        ("harbour-disclaimer", [], "There is none"),
    ]:
        if sentences:
            tab_to_listbox(page, exercise_id)
            for text in sentences:
                arrow_to(page, text)
                page.keyboard.press("Space")
        if extra:
            press_button(page, exercise_id, extra)
        press_button(page, exercise_id, "Check")
        page.wait_for_function(SCORED_FULL, arg=exercise_id)
    assert page.external_requests == []
    assert page.console_errors == []
