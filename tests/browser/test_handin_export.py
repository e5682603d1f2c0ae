"""The book's download checks what it writes: tampered saved data is repaired or left out with a note, and the
teacher's `medialit grade` grades every answer the file holds."""

from __future__ import annotations

import csv
import json
import re

import jsonschema
import pandas as pd
import pytest

from medialit import cli
from medialit.handin import schema
from medialit.scoring import examples
from tests.browser.pages import download_both
from tests.browser.storage import CURRENT, answer_name, key_of, meta_name, seed_script

pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture(scope="module")
def manifest(built_book) -> dict:
    text = (built_book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8")
    return json.loads(re.match(r"window\.MEDIALIT_BOOK = (.*);\n", text).group(1))


def tampered_storage(manifest, exercise_set) -> tuple[dict, list[str], str]:
    """Saved progress with every kind of damage; returns (storage, ids kept, title of the answer left out)."""
    entries = manifest["exercises"]
    damage = [
        {"answered_at": "1"},
        {"answered_at": "2026-11-22T10:30:00"},
        {"count": -3, "confidence": 7},
        {"count": 2.5, "confidence": "3"},
        {"count": "7", "revealed": "yes"},
        {"answered_at": "0001-01-01T00:00:00Z", "count": 1e300},
    ]
    storage, kept = {}, []
    learner = key_of("x" * 300)  # the name is cut to 200 characters before it becomes a key
    for entry, change in zip(entries, damage, strict=False):
        submission = {"answer": examples(exercise_set.get(entry["id"])).correct, "count": 1, "confidence": 2}
        record = {"submission": submission, "revealed": False, "answered_at": "2026-11-22T10:30:00Z"}
        for name, value in change.items():
            (submission if name in ("count", "confidence") else record)[name] = value
        storage[answer_name(learner, entry["id"], entry["content_hash"])] = json.dumps(record)
        kept.append(entry["id"])
    broken = entries[len(damage)]
    storage[answer_name(learner, broken["id"], broken["content_hash"])] = json.dumps(
        {"submission": {"answer": [1, 2], "count": 1}, "answered_at": "2026-11-22T10:30:00Z"}
    )
    storage[meta_name(learner)] = json.dumps({"created": "2026-11-22 09:00", "learner": "x" * 300})
    storage[CURRENT] = json.dumps({"key": learner})
    return storage, kept, broken["title"]


def test_a_download_of_tampered_storage_is_valid_and_fully_graded(book_server, page, manifest, exercise_set, tmp_path):
    storage, kept, left_out = tampered_storage(manifest, exercise_set)
    page.add_init_script(seed_script(storage))

    def told(panel) -> None:
        note = panel.locator("[role=status]").text_content()
        assert f"Downloaded {len(kept)} answers" in note
        assert f"Left out because the saved answer is damaged: {left_out}." in note

    paths = download_both(page, book_server.url, tmp_path, after_each=told)

    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    assert data["learner"] == "x" * 200
    assert "created" not in data  # "2026-11-22 09:00" is no RFC 3339 time and the field is optional
    assert sorted(data["answers"]) == sorted(kept)
    answers = [data["answers"][i] for i in kept]
    assert answers[0]["answered_at"] == data["exported"]  # "1" is no date: the export time stands in
    assert answers[1]["answered_at"] == "2026-11-22T10:30:00.000Z"  # no offset: read as UTC
    assert [(a["checks"], a["confidence"]) for a in answers[2:5]] == [(0, None), (2, None), (0, 2)]
    assert answers[4]["revealed"] is False
    assert answers[5]["answered_at"] == data["exported"] and answers[5]["checks"] == 2**53 - 1

    for kind, path in paths.items():
        out = tmp_path / f"graded-{kind}"
        # Every answer in the file is graded: the one left out never reaches the teacher.
        assert cli.main(["grade", str(path), "-o", str(out), "--no-html"]) == 0, kind
        results = pd.read_csv(out / "results.csv")
        assert set(results["exercise"]) == set(kept), kind


@pytest.mark.parametrize("name", ['=HYPERLINK("x")', "'=1+1", "-Ana", "'Ana"])
def test_a_formula_name_is_neutralised_in_the_csv_and_reads_back_as_typed(book_server, page, tmp_path, name):
    from medialit.handin import read_handin

    page.goto(f"{book_server.url}/disclaimer.html")
    exercise = page.locator("[data-medialit-id='disclaimer-002']")
    exercise.locator("[role=option]", has_text="are pseudonyms").click()
    exercise.get_by_role("button", name="Check").click()
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.includes('disclaimer-002'))")
    page.goto(f"{book_server.url}/my-results.html")
    panel = page.locator("#medialit-results")
    panel.get_by_label("Your name").fill(name)
    with page.expect_download() as download:
        panel.get_by_role("button", name="Download as CSV").click()
    path = tmp_path / "medialit-answers.csv"
    download.value.save_as(path)
    learner_cell = path.read_text(encoding="utf-8-sig").splitlines()[1].split('","')[2]
    starts_formula = name.lstrip("'")[:1] in "=+-@"
    # The teacher's rule (teacher/csvfile.py) and one more "'" before apostrophes that precede a formula start.
    assert learner_cell == ("'" + name if starts_formula else name).replace('"', '""')
    assert read_handin(path).learner == name

    out = tmp_path / "graded"
    assert cli.main(["grade", str(path), "-o", str(out), "--no-html"]) == 0
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["learner"] == ("'" + name if name[:1] in "=+-@" else name)  # escaped the teacher's way
    assert page.console_errors == [] and page.external_requests == []
