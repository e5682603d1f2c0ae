"""A full browser storage never loses an answer silently: the exercise says so and offers the download."""

from __future__ import annotations

import json

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.build, pytest.mark.browser]

SAVED = "Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('medialit:')))"
FILL = """() => {
  let size = 1 << 20, n = 0;
  while (size >= 1) {
    try { localStorage.setItem(`junk:${n}`, "x".repeat(size)); n += 1; } catch { size = Math.floor(size / 2); }
  }
  try { localStorage.setItem("probe", "{}"); return false; } catch { return n > 0; }
}"""


def test_a_full_storage_is_told_in_the_exercise_and_the_answers_can_still_be_downloaded(book_server, page, tmp_path):
    page.goto(f"{book_server.url}/disclaimer.html")
    first = page.locator("[data-medialit-id='disclaimer-002']")
    first.locator("[role=option]", has_text="are pseudonyms").click()
    first.get_by_role("button", name="Check").click()
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.includes('disclaimer-002'))")
    before = page.evaluate(SAVED)
    # The answer and the start time, kept for the learner who has not given a name yet.
    assert sorted(name.rsplit(":", 1)[0] for name in before) == ["medialit:v2-meta", "medialit:v2::disclaimer-002"]
    assert page.evaluate(FILL) is True

    page.goto(f"{book_server.url}/documents/document-a.html")
    second = page.locator("[data-medialit-id='impressions-a']")
    second.locator("input[type=radio]").first.check()
    second.get_by_role("button", name="Check").click()
    alert = second.locator(".medialit-save-alert [role=alert]")
    alert.wait_for()
    assert alert.text_content() == (
        "Your browser's storage is full: this answer is not saved. Download your answers now."
    )
    assert axe_violations(page) == []
    box = second.locator(".medialit-save-alert")
    box.get_by_label("Your name").fill("Ana")
    with page.expect_download() as download:
        box.get_by_role("button", name="Download my answers").click()
    path = tmp_path / "answers.json"
    download.value.save_as(path)
    handed_in = json.loads(path.read_text(encoding="utf-8"))
    # The answer on screen is in the file, though the storage had no room for it.
    assert set(handed_in["answers"]) == {"disclaimer-002", "impressions-a"}
    assert "Downloaded 2 answers" in box.locator("[role=status]").text_content()

    page.reload()
    page.locator("[data-medialit-id='impressions-a']").get_by_role("button", name="Check").wait_for()
    after = page.evaluate(SAVED)
    assert after == before  # everything saved earlier is still there
    assert page.console_errors == [] and page.external_requests == []
