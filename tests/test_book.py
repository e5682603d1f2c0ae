"""The real book, built with Jupyter Book 1 and driven in Debian's Chromium: offline, error-free, accessible."""

from __future__ import annotations

import pytest

from tests.browser.sweep import failures, swept_book
from tests.conftest import axe_violations
from tests.keys import arrow_to, press_button, tab_to_listbox

pytestmark = [pytest.mark.build, pytest.mark.browser]


def pages(built_book) -> list[str]:
    return sorted(
        str(path.relative_to(built_book))
        for path in built_book.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(built_book).parts)
    )


def test_every_chapter_is_built(built_book):
    built = set(pages(built_book))
    for chapter in [
        "intro.html",
        "documents/document-a.html",
        "documents/document-b.html",
        "sourcing.html",
        "contradictions.html",
        "disclaimer.html",
        "lateral-reading.html",
        "search-it.html",
        "lab.html",
        "final-challenge.html",
        "teachers/index.html",
        "teachers/answer-key.html",
        "glossary.html",
    ]:
        assert chapter in built


def test_no_page_references_an_external_asset(built_book):
    import re

    for name in pages(built_book):
        html = (built_book / name).read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)="(https?://[^"]+)"', html)
        assert external == [], name


def test_every_page_loads_offline_without_errors_and_passes_axe(built_book, book_server, browser, tmp_path_factory):
    # Each page opened in a fresh context (tests.browser.sweep). axe runs from the DevTools side, so the printable
    # worksheets, whose Content-Security-Policy forbids every script, are checked as they are, their policy in force.
    assert "teachers/worksheets/sourcing.html" in pages(built_book)
    light = swept_book(built_book, book_server, browser, tmp_path_factory)["light"]
    assert failures(light, pages(built_book), "external_requests", "console_errors", "axe") == {}


def test_every_page_passes_axe_in_the_dark_theme(built_book, book_server, page):
    page.add_init_script("localStorage.setItem('theme', 'dark'); localStorage.setItem('mode', 'dark');")
    for name in ["intro.html", "disclaimer.html", "documents/document-a.html", "sourcing.html"]:
        page.goto(f"{book_server.url}/{name}", wait_until="load")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert axe_violations(page) == [], name
    assert page.external_requests == []


def test_document_pages_show_the_full_text_with_paragraph_numbers(book_server, page, catalogue):
    for slug, name in [("kursk", "document-a"), ("article4", "document-b")]:
        page.goto(f"{book_server.url}/documents/{name}.html")
        items = page.locator(f"#document-{slug} ol > li")
        document = catalogue.get(slug)
        paragraphs = [line.strip() for line in document.text.split("\n") if line.strip()]
        assert items.count() == len(paragraphs)
        assert [t.strip() for t in items.all_text_contents()] == paragraphs


def test_disclaimer_exercise_solved_with_the_keyboard_only(book_server, page):
    page.goto(f"{book_server.url}/disclaimer.html")
    exercise = page.locator("[data-medialit-id='disclaimer-002']")
    # A wrong pick first: the headline after the disclaimer.
    tab_to_listbox(page, "disclaimer-002")
    arrow_to(page, "Putin Does Not Deny Reports")
    page.keyboard.press("Space")
    press_button(page, "disclaimer-002", "Check")
    page.wait_for_function(
        "() => document.querySelector(\"[data-medialit-id='disclaimer-002']\").textContent.includes('0 of 1')"
    )
    assert "This is a headline, not a disclaimer." in exercise.text_content()
    press_button(page, "disclaimer-002", "Try again")
    tab_to_listbox(page, "disclaimer-002")
    arrow_to(page, "Putin Does Not Deny Reports")
    page.keyboard.press("Space")  # unmark the headline
    arrow_to(page, "are pseudonyms")
    page.keyboard.press("Space")
    press_button(page, "disclaimer-002", "Check")
    page.wait_for_function(
        "() => document.querySelector(\"[data-medialit-id='disclaimer-002']\").textContent.includes('1 of 1')"
    )
    assert "It says every name in the story is a pseudonym" in exercise.text_content()
    assert page.external_requests == [] and page.console_errors == []


def test_the_answer_key_lists_every_target(book_server, page, exercise_set, project):
    from medialit.assessment import with_page_settings
    from medialit.modes import Mode
    from medialit.state import ships_key

    page.goto(f"{book_server.url}/teachers/answer-key.html")
    text = page.locator("main").text_content()
    settled = with_page_settings(exercise_set, project.book).exercises
    assert any(not ships_key(e, Mode.LEARN) for e in settled), "the book has assessed exercises: the Final challenge"
    for exercise in settled:
        if not ships_key(exercise, Mode.LEARN):
            assert f"({exercise.id})" not in text, "an assessed exercise ships no key"
            continue
        assert f"({exercise.id})" in text
        for target in exercise.targets:
            for anchor in target.anchors:
                assert anchor.quote in text, (exercise.id, target.id)
            assert " ".join(target.explanation.split()) in " ".join(text.split()), (exercise.id, target.id)


def test_the_answer_key_page_is_in_lesson_order(built_book, project, exercise_set):
    import re

    from medialit.reading_order import lesson_order, reading_order

    html = (built_book / "teachers" / "answer-key.html").read_text(encoding="utf-8")
    shown = re.findall(r'<section class="medialit-key[^"]*" id="key-([a-z0-9-]+)"', html) or re.findall(
        r'id="key-([a-z0-9-]+)"', html
    )
    from medialit.assessment import with_page_settings
    from medialit.modes import Mode
    from medialit.state import ships_key

    settled = with_page_settings(exercise_set, project.book).exercises
    ordered = lesson_order(settled, reading_order(project.book))
    expected = [e.id for e in ordered if ships_key(e, Mode.LEARN)]  # assessed exercises ship no key
    assert shown == expected
    assert shown != sorted(shown), "lesson order differs from id order in this book, so the test can tell them apart"


def test_every_chapter_has_its_worksheet_and_key_in_the_teacher_section(built_book, project, exercise_set):
    import html
    import re

    from medialit.reading_order import reading_order
    from medialit.sphinxext.worksheets import chapters

    found = chapters(reading_order(project.book))
    assert {p.short_name for p in found} >= {"sourcing", "contradictions", "disclaimer", "final-challenge"}
    guide = (built_book / "teachers" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(worksheets/[a-z0-9-]+\.html)"', guide))
    assert links == {f"worksheets/{p.short_name}{end}.html" for p in found for end in ("", "-key")}
    from medialit.assessment import with_page_settings
    from medialit.modes import Mode
    from medialit.state import ships_key

    by_id = {e.id: e for e in with_page_settings(exercise_set, project.book).exercises}
    for page in found:
        sheet = (built_book / "teachers" / "worksheets" / f"{page.short_name}.html").read_text(encoding="utf-8")
        key = (built_book / "teachers" / "worksheets" / f"{page.short_name}-key.html").read_text(encoding="utf-8")
        for exercise_id in page.exercise_ids:
            assert by_id[exercise_id].title in html.unescape(sheet), (page.name, exercise_id)
            if ships_key(by_id[exercise_id], Mode.LEARN):
                assert exercise_id in key, (page.name, exercise_id)
            else:  # under the assessment setting: named as left out of the key, never keyed
                assert exercise_id not in key and by_id[exercise_id].title in html.unescape(key), (
                    page.name,
                    exercise_id,
                )
