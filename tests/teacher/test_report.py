"""report.html and key.html are self-contained, escape learner text, and run nothing in a real browser."""

from __future__ import annotations

import re

import pytest

from medialit.cli import main
from medialit.teacher import load_class
from tests.teacher.conftest import RTL_NAME, SCRIPT_NAME


def test_report_html_escapes_learner_text(handin_class, exercise_set):
    html = load_class(handin_class.root, exercise_set).html()
    assert SCRIPT_NAME not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f"<bdi>{RTL_NAME}</bdi>" in html, "bidi overrides stay isolated in their own cell"
    assert "<script" not in html.lower()
    links = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert links and all(link.startswith("data:image/svg+xml;base64,") for link in links)


@pytest.mark.browser
def test_report_html_executes_nothing_in_chromium(handin_class, exercise_set, tmp_path, page, serve):
    out = tmp_path / "out"
    assert main(["grade", str(handin_class.root), "-o", str(out)]) == 1
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in ((out / "report.html").as_uri(), f"{serve(out).url}/report.html"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.title() == "Class report"
        assert dialogs == []
        assert page.evaluate("document.scripts.length") == 0
        scripts = page.evaluate("[...document.querySelectorAll('script')].map(s => s.textContent)")
        assert not any("alert" in s for s in scripts)
        assert page.get_by_text(SCRIPT_NAME, exact=True).count() == 1, "the name shows as text"
        images = page.evaluate("[...document.images].map(i => [i.complete && i.naturalWidth > 0, i.alt])")
        # Three charts, and the check forms before and after (the class answered both forms).
        assert len(images) == 4 and all(ok and alt for ok, alt in images)
        assert page.external_requests == []
        assert page.console_errors == []


@pytest.mark.browser
def test_the_answer_key_is_one_printable_page(tmp_path, exercise_set, page, capsys):
    key = tmp_path / "key.html"
    assert main(["key", "-o", str(key)]) == 0
    assert "print it to PDF" in capsys.readouterr().out
    html = key.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "@media print" in html
    from medialit.course import Course

    exercises = Course.load().exercises.exercises  # with the pages' settings, as the key command reads them
    shown = [e for e in exercises if not e.assessment]
    assessed = [e for e in exercises if e.assessment]
    assert shown and assessed
    for exercise in shown:
        assert f'id="key-{exercise.id}"' in html
        for target in exercise.targets:
            assert target.id in html
    for exercise in assessed:  # under the assessment setting: named as withheld, never keyed
        assert f'id="key-{exercise.id}"' not in html
        assert exercise.title in html
    page.goto(key.as_uri())
    assert page.locator("section.exercise").count() == len(shown)
    page.emulate_media(media="print")
    assert page.external_requests == [] and page.console_errors == []
