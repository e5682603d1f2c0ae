"""Progress without accounts in the built book: the summary on every page, "My results", hand-in and reset."""

from __future__ import annotations

import json
import re

import jsonschema
import pandas as pd
import pytest

from medialit import cli
from medialit.handin import read_handin, schema
from medialit.learner import collect
from medialit.live import ExerciseWidget
from medialit.scoring import max_score
from tests.browser.storage import CURRENT, UNNAMED, answer_name, meta_name
from tests.conftest import axe_violations

pytestmark = [pytest.mark.build, pytest.mark.browser]

HOSTILE_NAME = "<img src=x onerror=alert(1)>\u202e Ana =1+1"


@pytest.fixture(scope="module")
def manifest(built_book) -> dict:
    """The book's manifest, as the build wrote it in front of progress.js."""
    text = (built_book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8")
    found = re.match(r"window\.MEDIALIT_BOOK = (.*);\n", text)
    assert found, "progress.js does not start with the manifest"
    return json.loads(found.group(1))


def summary(page) -> str:
    box = page.locator(".medialit-progress")
    box.wait_for()
    return " ".join(box.text_content().split())


WRONG = "contradiction-or-tension"
"""A choice exercise answered wrongly in the hand-in tests."""


def solve_disclaimer(page, url: str) -> None:
    """Mark the disclaimer of Document B with the mouse and press Check."""
    page.goto(f"{url}/disclaimer.html")
    exercise = page.locator("[data-medialit-id='disclaimer-002']")
    exercise.locator("[role=option]", has_text="are pseudonyms").click()
    exercise.get_by_role("button", name="Check").click()
    page.wait_for_function(
        "() => document.querySelector(\"[data-medialit-id='disclaimer-002']\").textContent.includes('1 of 1')"
    )


def guarded_clean(page) -> None:
    assert page.external_requests == []
    assert page.console_errors == []


def test_the_manifest_lists_every_exercise_on_the_pages_in_reading_order(manifest, built_book, exercise_set):
    ids = [entry["id"] for entry in manifest["exercises"]]
    assert len(ids) == len(set(ids))
    on_pages = set()
    for path in built_book.rglob("*.html"):
        on_pages |= set(re.findall(r'data-medialit-id="([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
    assert set(ids) == on_pages
    assert ids.index("impressions-a") < ids.index("sourcing-a") < ids.index("final-trust")
    from medialit.assessment import with_page_settings
    from medialit.modes import Mode
    from medialit.state import ships_key
    from tests.conftest import ROOT

    settled = {e.id: e for e in with_page_settings(exercise_set, ROOT / "book").exercises}
    assert any(not ships_key(e, Mode.LEARN) for e in settled.values()), "the Final challenge is assessed"
    for entry in manifest["exercises"]:
        exercise = settled[entry["id"]]
        assert entry["content_hash"] == exercise.content_hash
        # under the assessment setting the book tells no maximum
        assert entry["max_score"] == (max_score(exercise) if ships_key(exercise, Mode.LEARN) else None)
        assert (built_book / entry["page"]).exists()


def test_the_summary_on_every_page_follows_a_checked_answer(book_server, page, manifest, exercise_set):
    total = len(manifest["exercises"])
    page.goto(f"{book_server.url}/intro.html")
    assert f"0 of {total} exercises done" in summary(page)
    solve_disclaimer(page, book_server.url)
    page.wait_for_function(
        f"() => document.querySelector('.medialit-progress').textContent.includes('1 of {total} exercises done')"
    )
    # exercises under the assessment setting have no maximum in the book (null): the side box counts them as 0
    disclaimer_max = sum(e["max_score"] or 0 for e in manifest["exercises"] if e["skill"] == "disclaimer")
    for name in ["glossary.html", "documents/document-a.html", "teachers/index.html"]:
        page.goto(f"{book_server.url}/{name}")
        text = summary(page)
        assert f"1 of {total} exercises done" in text, name
        assert f"Is this even news? 1 of {int(disclaimer_max)} points" in text, name
        for skill in manifest["skills"]:  # a skill whose exercises earn no points (reflections) is not listed
            earns = sum(e["max_score"] or 0 for e in manifest["exercises"] if e["skill"] == skill["id"])
            assert (skill["title"] in text) is (earns > 0), (name, skill["title"])
        link = page.locator(".medialit-progress a", has_text="My results")
        assert link.get_attribute("href").endswith("/my-results.html")
    page.locator(".medialit-progress a", has_text="My results").click()
    page.wait_for_url("**/my-results.html")
    guarded_clean(page)


def test_my_results_lists_every_exercise_and_hands_in_json_and_csv(
    book_server, page, manifest, exercise_set, catalogue, tmp_path
):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    solve_disclaimer(page, book_server.url)
    # A wrong answer elsewhere: it is handed in as given.
    page.goto(f"{book_server.url}/contradictions.html")
    wrong = next(o for o in exercise_set.get(WRONG).options if not o.correct and not o.discussion)
    first = page.locator(f"[data-medialit-id='{WRONG}']")
    first.get_by_label(wrong.text).check()
    first.get_by_role("button", name="Check").click()
    page.wait_for_function(
        f"() => document.querySelector(\"[data-medialit-id='{WRONG}']\").textContent.includes('0 of 1')"
    )

    page.goto(f"{book_server.url}/my-results.html")
    panel = page.locator("#medialit-results")
    rows = panel.locator("tbody tr[data-exercise]")
    assert rows.count() == len(manifest["exercises"])
    assert "Done" in rows.filter(has=page.locator("a", has_text="Find the fiction disclaimer")).text_content()
    row = panel.locator("tr[data-exercise='disclaimer-002']")
    cells = [" ".join(c.split()) for c in row.locator("th, td").all_text_contents()]
    assert cells == ["Find the fiction disclaimer", "Is this even news?", "Done", "1 of 1"]

    # No name: nothing downloads, and the learner is told why.
    panel.get_by_role("button", name="Download my answers").click()
    assert "Type your name first" in panel.locator("[role=status]").text_content()

    panel.get_by_label("Your name").fill(HOSTILE_NAME)
    with page.expect_download() as json_download:
        panel.get_by_role("button", name="Download my answers").click()
    json_path = tmp_path / json_download.value.suggested_filename
    json_download.value.save_as(json_path)
    with page.expect_download() as csv_download:
        panel.get_by_role("button", name="Download as CSV").click()
    csv_path = tmp_path / "csv" / csv_download.value.suggested_filename
    csv_path.parent.mkdir()
    csv_download.value.save_as(csv_path)
    assert json_path.suffix == ".json" and csv_path.suffix == ".csv"
    assert "Downloaded 2 answers" in panel.locator("[role=status]").text_content()
    assert dialogs == []
    guarded_clean(page)

    data = json.loads(json_path.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    from_json, from_csv = read_handin(json_path), read_handin(csv_path)
    assert from_json.learner == from_csv.learner == HOSTILE_NAME
    assert [(a.exercise, a.raw, a.checks, a.confidence, a.revealed) for a in from_json.answers] == [
        (a.exercise, a.raw, a.checks, a.confidence, a.revealed) for a in from_csv.answers
    ]
    assert {a.exercise for a in from_json.answers} == {"disclaimer-002", WRONG}

    # The teacher's command scores the file again and agrees with the page.
    out = tmp_path / "graded"
    assert cli.main(["grade", str(json_path), "-o", str(out), "--no-html"]) == 0
    results = pd.read_csv(out / "results.csv")
    per_exercise = results.groupby("exercise")["score"].first()
    assert per_exercise["disclaimer-002"] == 1.0
    assert per_exercise[WRONG] < max_score(exercise_set.get(WRONG))

    # A notebook's hand-in has the same shape.
    widget = ExerciseWidget(exercise_set.get("disclaimer-002"), catalogue)
    widget.check(data["answers"]["disclaimer-002"]["answer"])
    live = collect([widget], "Ana").as_json()
    jsonschema.validate(live, schema())
    assert set(live) <= set(data) and set(data) - set(live) <= {"created"}
    assert set(live["answers"]["disclaimer-002"]) == set(data["answers"]["disclaimer-002"])
    assert live["answers"]["disclaimer-002"]["answer"] == data["answers"]["disclaimer-002"]["answer"]


def test_reset_asks_first_then_clears_everything(book_server, page, manifest):
    total = len(manifest["exercises"])
    solve_disclaimer(page, book_server.url)
    page.goto(f"{book_server.url}/my-results.html")
    panel = page.locator("#medialit-results")
    panel.get_by_role("button", name="Reset my progress").focus()
    page.keyboard.press("Enter")
    assert panel.locator(".ml-reset-confirm").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "No, keep them"
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    assert not panel.locator(".ml-reset-confirm").is_visible()
    assert f"1 of {total} exercises done" in summary(page)

    page.keyboard.press("Enter")  # focus is back on "Reset my progress"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Yes, delete my answers"
    page.keyboard.press("Enter")
    assert "Your progress has been reset." in panel.locator("[role=status]").text_content()
    assert f"0 of {total} exercises done" in summary(page)
    left = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('medialit'))")
    assert left == []
    page.goto(f"{book_server.url}/disclaimer.html")
    exercise = page.locator("[data-medialit-id='disclaimer-002']")
    exercise.get_by_role("button", name="Check").wait_for()
    assert "1 of 1" not in exercise.text_content()
    guarded_clean(page)


def test_corrupt_storage_counts_as_not_started(book_server, page, manifest):
    total = len(manifest["exercises"])
    first = manifest["exercises"][0]
    disclaimer = next(e["content_hash"] for e in manifest["exercises"] if e["id"] == "disclaimer-002")
    junk = {
        answer_name(UNNAMED, first["id"], first["content_hash"]): "{not json",
        meta_name(UNNAMED): "[1, 2]",
        CURRENT: '{"key": ["not", "a", "key"]}',
        answer_name(UNNAMED, "disclaimer-002", disclaimer): json.dumps({"submission": {"answer": 5}, "score": "all"}),
    }
    page.add_init_script(f"for (const [k, v] of Object.entries({json.dumps(junk)})) localStorage.setItem(k, v);")
    page.goto(f"{book_server.url}/my-results.html")
    assert f"0 of {total} exercises done" in summary(page)
    panel = page.locator("#medialit-results")
    panel.get_by_label("Your name").fill("Ana")
    panel.get_by_role("button", name="Download my answers").click()
    assert "nothing to hand in" in panel.locator("[role=status]").text_content()
    guarded_clean(page)


def test_my_results_passes_axe_on_a_phone_and_in_the_dark_theme(book_server, page_factory):
    for width, theme in ((320, "light"), (1280, "dark")):
        page = page_factory(viewport={"width": width, "height": 800})
        page.add_init_script(f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
        solve_disclaimer(page, book_server.url)
        page.goto(f"{book_server.url}/my-results.html")
        page.locator("#medialit-results table").first.wait_for()
        assert axe_violations(page) == [], (width, theme)
        guarded_clean(page)
