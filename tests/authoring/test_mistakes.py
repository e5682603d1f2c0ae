"""Each usual authoring mistake gets an error naming the file, line and field, what is wrong and how to fix it."""

from __future__ import annotations

import re

import pytest


def edit(workspace, skill: str, old: str, new: str, *, first: bool = False) -> None:
    """Replace ``old`` (which must occur once, or at least once with ``first``) by ``new`` in a starter file."""
    path = workspace / "exercises" / f"harbour-{skill}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1 or (first and old in text), old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(workspace, skill: str, needle: str) -> int:
    lines = (workspace / "exercises" / f"harbour-{skill}.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def errors(medialit) -> list[dict]:
    done = medialit("validate", "--format", "json")
    report = done.json()
    found = [p for p in report["problems"] if p["severity"] == "error"]
    assert done.code == (1 if found else 0) and report["errors"] == len(found)
    return found


FIRST = '"THE HARBOUR POST — local news"'


def test_straight_quotes_for_curly_ones(workspace, medialit, harbour):
    edit(
        workspace,
        "sourcing",
        FIRST,
        "'Captain Rhona Vale, who has run the ferry for twelve years, said: \"Nobody has told us anything.\"'",
    )
    (error,) = errors(medialit)
    assert error["file"].endswith("harbour-sourcing.yaml")
    assert error["field"] == "targets[0].quote" and error["line"] == line_of(workspace, "sourcing", "Captain Rhona")
    assert "is not in harbour (harbour.txt) exactly as written" in error["message"]
    assert "said: “Nobody has told us anything.”" in error["fix"] and "curly quotes" in error["fix"]


def test_a_hyphen_for_a_dash(workspace, medialit, harbour):
    edit(workspace, "sourcing", FIRST, '"THE HARBOUR POST - local news"')
    (error,) = errors(medialit)
    assert "'THE HARBOUR POST — local news'" in error["fix"] and "dash (— or –)" in error["fix"]


def test_a_changed_word_is_named(workspace, medialit, harbour):
    edit(workspace, "sourcing", FIRST, '"THE HARBOUR NEWS — local news"')
    (error,) = errors(medialit)
    assert "the quote has 'NEWS' where the text has 'POST'" in error["fix"]


def test_a_quote_spanning_a_paragraph_break(workspace, medialit, harbour):
    edit(workspace, "sourcing", FIRST, '"close to the port authority. Captain Rhona Vale"')
    (error,) = errors(medialit)
    assert error["field"] == "targets[0].quote" and "runs across a paragraph break" in error["message"]
    assert "new paragraph after 'close to the port authority.'" in error["fix"]
    assert "split it into two items" in error["fix"]


def test_a_missing_field(workspace, medialit, harbour):
    path = workspace / "exercises" / "harbour-sourcing.yaml"
    path.write_text(re.sub(r"prompt: >-\n(  .*\n)+", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    found = errors(medialit)
    assert any(
        "'prompt' is missing" in e["message"] and e["fix"].startswith("add `prompt:` (The task") for e in found
    ), found


def test_a_misspelt_field_is_named_with_its_spelling(workspace, medialit, harbour):
    edit(workspace, "sourcing", "prompt: >-", "promt: >-")
    (error,) = errors(medialit)
    assert error["field"] == "promt" and "did you mean `prompt`?" in error["fix"]


def test_an_unknown_exercise_type(workspace, medialit, harbour):
    edit(workspace, "sourcing", "type: highlight", "type: essay")
    (error,) = errors(medialit)
    assert error["field"] == "type" and error["line"] == line_of(workspace, "sourcing", "type: essay")
    assert "'essay' is not allowed" in error["message"] and "highlight, pairs, choice" in error["fix"]


def test_duplicate_item_ids(workspace, medialit, harbour):
    edit(workspace, "sourcing", "id: checkable-1", "id: source-1")
    found = errors(medialit)
    assert {e["field"] for e in found} == {"targets[0].id", "distractors[0].id"}
    assert all("used 2 times" in e["message"] and "its own id" in e["fix"] for e in found)


def test_duplicate_exercise_ids(workspace, medialit, harbour):
    edit(workspace, "disclaimer", "id: harbour-disclaimer", "id: harbour-sourcing")
    found = errors(medialit)
    (error,) = [e for e in found if "/exercises/" in e["file"]]
    (page,) = [e for e in found if e["file"].endswith("harbour.md")]  # the page names an id no file has now
    assert "no exercise 'harbour-disclaimer'" in page["message"]
    # the file not named after the id is the copy: it is blamed, and the original is named
    assert error["file"] == str(workspace / "exercises" / "harbour-disclaimer.yaml") and error["field"] == "id"
    assert f"already used by {workspace / 'exercises' / 'harbour-sourcing.yaml'}" in error["message"]


def test_a_pair_pointing_at_a_missing_passage(workspace, medialit, harbour):
    edit(
        workspace,
        "contradictions",
        '"Insiders say the decision to stop the ferry was taken months ago."',
        '"Insiders say the decision to stop the ferry was taken years ago."',
        first=True,
    )
    (error,) = errors(medialit)
    assert error["field"] == "targets[0].second.quote"
    assert "Insiders say the decision to stop the ferry was taken months ago." in error["fix"]
    assert "the quote has 'years' where the text has 'months'" in error["fix"]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('title: "Who says so in Document C?"', 'title: "Who says so in Document C?', "close the quote"),
        ("  - id: source-1", "\t- id: source-1", "replace the tab"),
        ("skill: sourcing", "skill: sourcing: who", "not valid YAML"),
    ],
)
def test_yaml_syntax_errors_have_line_numbers(workspace, medialit, harbour, old, new, words):
    edit(workspace, "sourcing", old, new)
    (error,) = errors(medialit)
    assert "not valid YAML" in error["message"] and words in error["message"] + error["fix"]
    assert error["line"] is not None and abs(error["line"] - line_of(workspace, "sourcing", new.strip())) <= 1


def test_a_target_without_explanation_is_a_warning(workspace, medialit, harbour):
    explanation = "    explanation: >-\n      TODO: say who the source is and why a reader cannot check it.\n"
    edit(workspace, "sourcing", explanation, "")
    assert errors(medialit) == []
    report = medialit("validate", "--format", "json").json()
    (warning,) = [p for p in report["problems"] if "no explanation" in p["message"]]
    assert warning["severity"] == "warning" and warning["field"] == "targets[0].id"


def test_json_problems_carry_every_field(workspace, medialit, harbour):
    edit(workspace, "sourcing", "type: highlight", "type: essay")
    report = medialit("validate", "--format", "json").json()
    assert set(report) == {"exercises", "errors", "warnings", "problems"}
    assert report["warnings"] == len(report["problems"]) - report["errors"] > 0
    for problem in report["problems"]:
        assert set(problem) == {"file", "line", "field", "message", "fix", "severity"}
        assert problem["severity"] in ("error", "warning") and problem["message"]
    assert "harbour-sourcing" not in report["exercises"]


def test_a_changed_seed_is_reported_not_raised(workspace, medialit, harbour):
    (workspace / "seeds" / "harbour.txt").write_text("Changed.\n", encoding="utf-8")
    done = medialit("validate", "--format", "json")
    assert done.code == 1
    (error,) = done.json()["problems"]
    assert error["file"].endswith("catalogue.yaml") and "SHA-256" in error["message"] and "undo" in error["fix"]
    text = medialit("validate")
    assert text.code == 1 and "catalogue.yaml: error" in text.out
