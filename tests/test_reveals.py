"""Explanations must not give away an answer that a later exercise asks for (``medialit validate`` warns)."""

import json
import shutil

import pytest

from medialit.cli import main
from medialit.problems import Severity
from medialit.reading_order import BookPage
from medialit.reveals import find_reveals, reveal_problems, shared_run

PAGES = (BookPage("first", "First", ("early",)), BookPage("second", "Second", ("late",)))


def choice(exercise_id: str, right: str, wrong_feedback: str, **extra) -> dict:
    return {
        "id": exercise_id,
        "type": "choice",
        "skill": "verification",
        "multiple": False,
        "options": [
            {"id": "right", "text": right, "correct": True, "feedback": "Right, as the card says."},
            {"id": "wrong", "text": "Something else.", "correct": False, "feedback": wrong_feedback, **extra},
        ],
    }


EARLY = choice("early", "A guess.", "No: the treaty was signed in public at a ceremony, as reports show.")
LATE = choice("late", "It was signed in public at a ceremony, with cameras.", "No.")


def test_an_explanation_that_states_a_later_answer_is_found():
    (reveal,) = find_reveals({"early": EARLY, "late": LATE}, PAGES)
    assert (reveal.exercise, reveal.where, reveal.later, reveal.later_where) == (
        "early",
        ("options", 1, "feedback"),
        "late",
        ("options", 0, "text"),
    )
    assert reveal.words == "was signed in public at a ceremony"


def test_only_later_exercises_count():
    swapped = (BookPage("first", "First", ("late",)), BookPage("second", "Second", ("early",)))
    assert find_reveals({"early": EARLY, "late": LATE}, swapped) == []


def test_an_exercise_on_no_page_is_not_compared():
    assert find_reveals({"early": EARLY, "late": LATE}, PAGES[:1]) == []


def test_five_words_in_a_row_are_not_enough():
    early = choice("early", "A guess.", "No: the treaty was signed in public, as reports show.")
    assert find_reveals({"early": early, "late": LATE}, PAGES) == []


@pytest.mark.parametrize("run", ["Vladimir Putin, Kim Jong Un, 19 June 2024", "Kim Jong Un: 19 JUNE 2024, Pyongyang"])
def test_names_and_dates_alone_do_not_count(run):
    assert shared_run(f"It was {run}.", f"Signed by {run} in the end.") is None
    early = choice("early", "A guess.", f"No: {run}.")
    late = choice("late", f"Only {run}.", "No.")
    assert find_reveals({"early": early, "late": late}, PAGES) == []


def test_a_run_with_an_ordinary_word_counts_and_case_and_punctuation_are_ignored():
    assert shared_run("Putin, on 24 October 2024, did NOT deny it.", "putin on 24 october 2024 did not deny") == (
        "Putin on 24 October 2024 did NOT deny"
    )


def test_words_the_learner_has_already_read_do_not_count():
    document = "Reports say the treaty was signed in public at a ceremony last year."
    assert find_reveals({"early": EARLY, "late": LATE}, PAGES, [document]) == []
    pages = {"first": "The treaty was signed in public at a ceremony, the page says."}
    assert find_reveals({"early": EARLY, "late": LATE}, PAGES, page_texts=pages) == []
    later_page = {"second": "The treaty was signed in public at a ceremony, the page says."}
    assert len(find_reveals({"early": EARLY, "late": LATE}, PAGES, page_texts=later_page)) == 1


def test_reveals_ok_silences_the_warning():
    early = choice(
        "early",
        "A guess.",
        "No: the treaty was signed in public at a ceremony, as reports show.",
        reveals_ok="The same fact is the point of this exercise.",
    )
    assert find_reveals({"early": early, "late": LATE}, PAGES) == []
    assert len(find_reveals({"early": early, "late": LATE}, PAGES, acknowledged=True)) == 1


def test_a_follow_up_on_the_same_passage_and_skill_is_not_a_reveal():
    def highlight(exercise_id: str, skill: str) -> dict:
        return {
            "id": exercise_id,
            "type": "highlight",
            "skill": skill,
            "targets": [
                {"id": "t", "quote": "sources within the Ministry", "explanation": "Nobody in the ministry is named."}
            ],
        }

    assert find_reveals({"early": highlight("early", "sourcing"), "late": highlight("late", "sourcing")}, PAGES) == []
    (reveal,) = find_reveals(
        {"early": highlight("early", "sourcing"), "late": highlight("late", "verification")}, PAGES
    )
    assert reveal.later_where == ("targets", 0, "explanation")


EARLY_FILE = """\
schema_version: 1
id: early
type: choice
skill: contradictions
title: Early question
prompt: Which is right about the treaty?
hints: []
options:
  - id: right
    text: It has a number.
    correct: true
    feedback: Right, the clause has one number.
  - id: wrong
    text: It has none.
    correct: false
    feedback: >-
      No. The card shows that the mutual-defence clause of the treaty is Article 4.
"""

LATE_FILE = """\
schema_version: 1
id: late
type: choice
skill: verification
title: Late question
prompt: What does the card say about the clause?
hints: []
options:
  - id: right
    text: The mutual-defence clause of the treaty is Article 4.
    correct: true
    feedback: Right.
  - id: wrong
    text: It is Article 5.
    correct: false
    feedback: No, not that one.
"""


@pytest.fixture
def book_project(tmp_path, project):
    shutil.copytree(project.seeds, tmp_path / "seeds")
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "early.yaml").write_text(EARLY_FILE, encoding="utf-8")
    (tmp_path / "exercises" / "late.yaml").write_text(LATE_FILE, encoding="utf-8")
    book = tmp_path / "book"
    book.mkdir()
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: later\n", encoding="utf-8")
    (book / "intro.md").write_text("# Intro\n\n```{exercise} early\n```\n", encoding="utf-8")
    (book / "later.md").write_text("# Later\n\n```{exercise} late\n```\n", encoding="utf-8")
    return tmp_path


def test_validate_warns_naming_the_file_the_field_and_the_later_exercise(book_project, capsys):
    assert main(["--root", str(book_project), "validate", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (problem,) = report["problems"]
    assert problem["file"].endswith("early.yaml") and problem["field"] == "options[1].feedback"
    assert problem["line"] == 16 and problem["severity"] == Severity.WARNING
    assert "'late'" in problem["message"] and "mutual defence clause of the treaty is Article 4" in problem["message"]
    assert "reveals_ok" in problem["fix"]


def test_validate_accepts_an_acknowledged_reveal(book_project, capsys):
    path = book_project / "exercises" / "early.yaml"
    path.write_text(
        EARLY_FILE + "    reveals_ok: The clause number is what both questions practise.\n", encoding="utf-8"
    )
    assert main(["--root", str(book_project), "validate", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []


def test_reveals_ok_must_give_a_reason(book_project, capsys):
    path = book_project / "exercises" / "early.yaml"
    path.write_text(EARLY_FILE + "    reveals_ok: ok\n", encoding="utf-8")
    assert main(["--root", str(book_project), "validate", "--format", "json"]) == 1
    problem, page = json.loads(capsys.readouterr().out)["problems"]
    assert problem["field"] == "options[1].reveals_ok" and "too short" in problem["message"]
    # The page that shows the broken exercise is told that it will show nothing there.
    assert page["file"].endswith("intro.md") and page["severity"] == Severity.WARNING and "'early'" in page["message"]


def test_the_book_gives_nothing_away(exercise_set, project, catalogue):
    problems = reveal_problems(exercise_set.exercises, project.book, [d.text for d in catalogue.documents])
    assert [str(p) for p in problems] == []
