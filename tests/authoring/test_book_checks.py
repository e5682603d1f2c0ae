"""``medialit validate`` checks the book too: a misspelt exercise id on a page, an exercise no page shows, a page left
out of the table of contents, an exam page that is not in the book."""

from __future__ import annotations

import json

from medialit.commands.validate_book import EXERCISE_DIRECTIVES
from medialit.sphinxext import DIRECTIVES, PREFIX
from medialit.sphinxext.directives import ExerciseDirective
from tests.authoring.test_mistakes import errors


def page_line(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line)


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_directive_names_are_the_extensions(workspace):
    names = {PREFIX + n for n, d in DIRECTIVES.items() if issubclass(d, ExerciseDirective)}
    assert set(EXERCISE_DIRECTIVES) == names | {n.removeprefix(PREFIX) for n in names}


def test_the_project_itself_passes(medialit):
    report = medialit("validate", "--format", "json").json()
    assert [p for p in report["problems"] if p["severity"] == "error"] == []


def test_a_misspelt_id_on_a_page_names_the_page_line_and_nearest_id(workspace, medialit, harbour):
    page = workspace / "book" / "cases" / "harbour.md"
    replace(page, "{medialit-exercise} harbour-sourcing\n", "{medialit-exercise} harbor-sourcing\n")
    found = errors(medialit)
    (on_page,) = [e for e in found if e["file"] == str(page)]
    assert on_page["line"] == page_line(page, "harbor-sourcing") and on_page["field"] == "{medialit-exercise}"
    assert "there is no exercise 'harbor-sourcing' in exercises/" in on_page["message"]
    assert on_page["fix"].startswith("did you mean 'harbour-sourcing' (harbour-sourcing.yaml)?")
    (unshown,) = [e for e in found if e["file"] != str(page)]
    assert unshown["file"].endswith("harbour-sourcing.yaml") and unshown["field"] == "id"
    assert "no page of the book shows the exercise 'harbour-sourcing'" in unshown["message"]


def test_every_form_of_the_directive_is_checked(workspace, medialit, harbour):
    page = workspace / "book" / "cases" / "harbour.md"
    replace(page, "```{medialit-exercise} harbour-sourcing\n```", "~~~{exercise} harbour-sorcing\n~~~")
    replace(page, "```{medialit-exercise} harbour-disclaimer\n```", ":::{medialit-exercise} harbour-disclamer\n:::")
    on_page = [e for e in errors(medialit) if e["file"] == str(page)]
    assert [(e["line"], e["fix"].split("?")[0]) for e in on_page] == [
        (page_line(page, "harbour-sorcing"), "did you mean 'harbour-sourcing' (harbour-sourcing.yaml)"),
        (page_line(page, "harbour-disclamer"), "did you mean 'harbour-disclaimer' (harbour-disclaimer.yaml)"),
    ]


def test_a_notebook_page_names_its_cell(workspace, medialit, harbour):
    notebook = workspace / "book" / "cases" / "harbour-notes.ipynb"
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Notes\n"]},
        {"cell_type": "markdown", "metadata": {}, "source": ["```{medialit-exercise} harbour-contradiction\n", "```"]},
    ]
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), "utf-8")
    toc = workspace / "book" / "_toc.yml"
    replace(toc, "      - file: cases/harbour\n", "      - file: cases/harbour\n      - file: cases/harbour-notes\n")
    (error,) = errors(medialit)
    assert error["file"] == str(notebook) and error["line"] is None
    assert error["field"] == "cell 2: {medialit-exercise}" and "did you mean 'harbour-contradictions'" in error["fix"]


def test_an_exercise_on_no_page_must_say_why(workspace, medialit, harbour):
    page = workspace / "book" / "cases" / "harbour.md"
    replace(page, "```{medialit-exercise} harbour-disclaimer\n```\n", "")
    (error,) = errors(medialit)
    exercise = workspace / "exercises" / "harbour-disclaimer.yaml"
    assert error["file"] == str(exercise) and error["field"] == "id"
    assert error["line"] == page_line(exercise, "id: harbour-disclaimer")
    assert "```{medialit-exercise} harbour-disclaimer```" in error["fix"] and "`unused: " in error["fix"]
    replace(exercise, "type: highlight\n", "type: highlight\nunused: kept for the spring term\n")
    assert errors(medialit) == []


def test_an_unused_exercise_that_a_page_shows_is_a_warning(workspace, medialit, harbour):
    exercise = workspace / "exercises" / "harbour-disclaimer.yaml"
    replace(exercise, "type: highlight\n", "type: highlight\nunused: kept for the spring term\n")
    assert errors(medialit) == []
    report = medialit("validate", "--format", "json").json()
    (warning,) = [p for p in report["problems"] if p["field"] == "unused"]
    assert warning["file"] == str(exercise) and "cases/harbour.md shows it" in warning["message"]
    assert warning["fix"] == "remove the `unused:` line"


def test_an_empty_unused_reason_is_refused(workspace, medialit, harbour):
    exercise = workspace / "exercises" / "harbour-disclaimer.yaml"
    replace(exercise, "type: highlight\n", 'type: highlight\nunused: ""\n')
    (error,) = errors(medialit)
    assert error["file"] == str(exercise) and error["field"] == "unused" and "too short" in error["message"]


def test_a_page_left_out_of_the_table_of_contents(workspace, medialit, harbour):
    stray = workspace / "book" / "cases" / "harbour-notes.md"
    stray.write_text("# Notes\n", encoding="utf-8")
    for ignored in ("_drafts/notes.md", "_preview/x/cases/x.md", "cases/notes.yaml", "cases/notes.txt"):
        (workspace / "book" / ignored).parent.mkdir(parents=True, exist_ok=True)
        (workspace / "book" / ignored).write_text("# Not a page of the book\n", encoding="utf-8")
    (error,) = errors(medialit)
    assert error["file"] == str(stray) and "not in the table of contents" in error["message"]
    assert "learners never see it" in error["message"]
    assert "add `- file: cases/harbour-notes` to" in error["fix"] and error["fix"].count("_toc.yml") == 1


def test_an_exam_page_that_is_not_in_the_book(workspace, medialit):
    exam = workspace / "book" / "_exam.yml"
    replace(exam, "  - final-challenge\n", "  - final-challange\n")
    (error,) = errors(medialit)
    assert error["file"] == str(exam) and error["line"] == page_line(exam, "final-challange")
    assert error["field"].startswith("pages[") and "'final-challange', which is not in" in error["message"]
    assert error["fix"].startswith("did you mean 'final-challenge'?")
