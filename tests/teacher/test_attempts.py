"""How an answer was reached: first tries, checks and shown answers, from the hand-in to the gradebook."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import UTC, datetime

import pandas as pd
import pytest

from medialit.cli import main
from medialit.handin import CSV_COLUMNS_V1, Answer, Reason, parse_handin, read_handin
from medialit.learner import handin_from_results
from medialit.scoring import examples, score
from medialit.teacher import grade_paths
from medialit.teacher.grade import ScoreOn

WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _answers(exercises, *, first, checks=2, revealed=False):
    """Every exercise answered right at last; the first try ``first`` ("wrong", "right" or None)."""
    out = []
    for e in exercises:
        found = examples(e)
        first_raw = None if first is None else found.incorrect if first == "wrong" else found.correct
        out.append(Answer(e.id, e.content_hash, found.correct, checks, None, revealed, WHEN, first_raw))
    return out


def _v1(handin) -> dict:
    data = handin.as_json()
    data["format_version"] = 1
    for answer in data["answers"].values():
        del answer["first_answer"]
    return data


def test_first_answers_round_trip_in_json_and_csv(tmp_path, exercise_set):
    handin = handin_from_results("Ana", _answers(exercise_set.exercises, first="wrong"))
    for name in ("ana.json", "ana.csv"):
        back = read_handin(handin.write(tmp_path / name))
        assert back.answers == handin.answers
        assert all(a.first_raw is not None for a in back.answers)
    assert handin.as_csv().splitlines()[0].endswith(",first_answer_json")


def test_version_1_files_are_still_read_without_first_answers(exercise_set):
    handin = handin_from_results("Ana", _answers(exercise_set.exercises, first="wrong"))
    back = parse_handin(json.dumps(_v1(handin)).encode(), "ana.json")
    assert not back.problems
    assert [a.raw for a in back.answers] == [a.raw for a in handin.answers]
    assert all(a.first_raw is None for a in back.answers)
    rows = list(csv.reader(io.StringIO(handin.as_csv())))
    v1 = io.StringIO()
    writer = csv.writer(v1, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS_V1)
    for row in rows[1:]:
        writer.writerow([row[0], "1", *row[2 : len(CSV_COLUMNS_V1)]])
    back = parse_handin(v1.getvalue().encode(), "ana.csv")
    assert not back.problems and all(a.first_raw is None for a in back.answers)
    assert len(back.answers) == len(handin.answers)


def test_a_version_2_file_must_hold_first_answers_and_a_bad_one_is_listed(exercise_set):
    handin = handin_from_results("Ana", _answers(exercise_set.exercises[:2], first="wrong"))
    data = handin.as_json()
    one, two = data["answers"]
    del data["answers"][one]["first_answer"]
    data["answers"][two]["first_answer"] = "oops"
    back = parse_handin(json.dumps(data).encode(), "ana.json")
    assert {(p.exercise, p.field, p.reason) for p in back.problems} == {
        (one, "first_answer", Reason.BAD_FIELD),
        (two, "first_answer", Reason.BAD_FIELD),
    }
    assert [a.raw for a in back.answers] == [a.raw for a in handin.answers], "the answers themselves are kept"


def _grade(tmp_path, exercises, handins, score_on=ScoreOn.AUTO):
    folder = tmp_path / "class"
    folder.mkdir(exist_ok=True)
    for name, data in handins.items():
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    return grade_paths([folder], exercises, score_on=score_on)


def test_first_tries_are_scored_beside_the_last_answers(tmp_path, exercise_set):
    exercises = exercise_set.exercises
    full = sum(score(e, examples(e).correct).max_score for e in exercises)
    wrong_first = sum(score(e, examples(e).incorrect).score for e in exercises)
    assert wrong_first < full
    # --score auto counts first tries where an exercise is under the assessment setting (the check forms)
    auto = sum(score(e, examples(e).incorrect if e.assessment else examples(e).correct).score for e in exercises)
    assert wrong_first < auto < full
    handins = {
        "ana.json": handin_from_results("Ana", _answers(exercises, first="wrong", revealed=True)).as_json(),
        "ben.json": handin_from_results("Ben", _answers(exercises, first="right", checks=1)).as_json(),
        "cem.json": _v1(handin_from_results("Cem", _answers(exercises, first="wrong", checks=3))),
        "dee.json": _v1(handin_from_results("Dee", _answers(exercises, first="wrong", checks=1))),
    }
    for score_on in ScoreOn:
        grades = _grade(tmp_path, exercises, handins, score_on)
        ana, ben, cem, dee = grades.learners
        assert ana.first_try_score == pytest.approx(wrong_first) and ana.first_unknown == 0
        assert ana.revealed == {e.id for e in exercises} and ana.total_checks == 2 * len(exercises)
        assert ben.first_try_score == pytest.approx(full) and not ben.revealed
        assert cem.first_unknown == len(exercises), "a version 1 file with 3 checks: the first try is unknown"
        assert cem.first_try_score == pytest.approx(full), "an unknown first try counts the last answer"
        assert dee.first_unknown == 0, "a version 1 file with one check: the last answer was the first try"
        assert ana.score == pytest.approx(
            wrong_first if score_on is ScoreOn.FIRST else full if score_on is ScoreOn.LAST else auto
        )
        assert [r.score for r in ana.last_results] == [r.score for r in ben.last_results]
        assert grades.score_on is score_on


def test_the_tables_and_report_say_how_each_answer_was_reached(tmp_path, exercise_set):
    exercises = exercise_set.exercises
    handins = {
        "ana.json": handin_from_results("Ana", _answers(exercises, first="wrong", revealed=True)).as_json(),
        "cem.json": _v1(handin_from_results("Cem", _answers(exercises, first="wrong", checks=3))),
    }
    _grade(tmp_path, exercises, handins)
    for score_on in ScoreOn:
        out = tmp_path / f"out-{score_on}"
        assert main(["grade", str(tmp_path / "class"), "-o", str(out), "--score", str(score_on)]) == 0
        book = pd.read_csv(out / "gradebook.csv", encoding="utf-8-sig").set_index("learner")
        assert set(book["scored_on"]) == {str(score_on)}
        assert book.loc["Ana", "revealed"] == len(exercises) and book.loc["Cem", "revealed"] == 0
        assert book.loc["Ana", "checks"] == 2 * len(exercises) and book.loc["Cem", "checks"] == 3 * len(exercises)
        assert book.loc["Cem", "first_unknown"] == len(exercises) and book.loc["Ana", "first_unknown"] == 0
        assert book.loc["Ana", "first_try_total"] < book.loc["Cem", "first_try_total"]
        if score_on is ScoreOn.AUTO:  # the book's assessed exercises (check forms, Final challenge) count first tries
            assert book.loc["Ana", "first_try_total"] < book.loc["Ana", "total"] < book.loc["Cem", "total"]
        else:
            first = score_on is ScoreOn.FIRST
            expected_total = book.loc["Ana", "first_try_total"] if first else book.loc["Cem", "total"]
            assert book.loc["Ana", "total"] == pytest.approx(expected_total)
        results = pd.read_csv(out / "results.csv", encoding="utf-8-sig")
        ana = results[results["learner"] == "Ana"].drop_duplicates("exercise")
        assert ana["revealed"].all() and (ana["checks"] == 2).all()
        assert (ana["first_score"] <= ana["max_score"]).all() and ana["first_score"].sum() < ana["max_score"].sum()
        assert results[results["learner"] == "Cem"]["first_score"].isna().all()
        report = (out / "report.html").read_text(encoding="utf-8")
        assert "First try %" in report and f"--score {score_on}" in report


def test_an_unreadable_first_answer_is_listed_and_the_rest_graded(tmp_path, exercise_set):
    exercise = exercise_set.exercises[0]
    data = handin_from_results("Ana", _answers([exercise], first="wrong")).as_json()
    data["answers"][exercise.id]["first_answer"] = {"nonsense": True}
    grades = _grade(tmp_path, exercise_set.exercises, {"ana.json": data})
    (ana,) = grades.learners
    assert ana.first_unknown == 1 and ana.score == score(exercise, examples(exercise).correct).score
    assert [(p.exercise, p.field) for p in grades.answer_problems] == [(exercise.id, "first_answer")]


def test_feedback_pages_hand_back_each_answer_with_its_verdict_and_explanation(tmp_path, exercise_set):
    exercises = exercise_set.exercises
    hostile = "<script>alert(1)</script> ../../Ünïcode \u202e"
    handins = {
        "ana.json": handin_from_results("Ana", _answers(exercises, first="wrong", revealed=True)).as_json(),
        "bad.json": handin_from_results(hostile, _answers(exercises[:1], first="wrong")).as_json(),
    }
    _grade(tmp_path, exercises, handins)
    out = tmp_path / "out"
    assert main(["grade", str(tmp_path / "class"), "-o", str(out), "--feedback"]) == 0
    pages = sorted(p.name for p in (out / "feedback").iterdir())
    assert pages == ["0001-script-alert-1-script-unicode.html", "0002-ana.html"]
    hostile_page = (out / "feedback" / pages[0]).read_text(encoding="utf-8")
    assert "<script>" not in hostile_page and "&lt;script&gt;" in hostile_page
    page = (out / "feedback" / "0002-ana.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "<script" not in page
    text = html.unescape(page)
    for exercise in exercises:
        for target in exercise.targets:
            assert target.explanation in text, "a full answer shows every target with its explanation"
    assert page.count("<h2>") == len(exercises), "every exercise of the book has its section"
    assert "the answer was shown" in page and "first try:" in page
    assert 'href="feedback/0002-ana.html"' in (out / "report.html").read_text(encoding="utf-8")
    # A second run may replace the folder with its feedback pages; a stranger file in it is refused.
    assert main(["grade", str(tmp_path / "class"), "-o", str(out), "--feedback"]) == 0
    (out / "feedback" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["grade", str(tmp_path / "class"), "-o", str(out)]) == 2
    assert (out / "feedback" / "notes.txt").exists()


def test_by_default_first_tries_count_for_assessment_exercises_only(tmp_path, exercise_set):
    import dataclasses

    exercises = list(exercise_set.exercises)
    tested = exercises[0] = dataclasses.replace(exercises[0], assessment=True)
    handins = {"ana.json": handin_from_results("Ana", _answers(exercises, first="wrong")).as_json()}
    (ana,) = _grade(tmp_path, exercises, handins).learners
    by_id = {r.exercise: r.score for r in ana.results}
    assert by_id[tested.id] == score(tested, examples(tested).incorrect).score
    for exercise in exercises[1:]:  # the check forms are under the assessment setting in their own files
        counted = examples(exercise).incorrect if exercise.assessment else examples(exercise).correct
        assert by_id[exercise.id] == score(exercise, counted).score
    (last,) = _grade(tmp_path, exercises, handins, ScoreOn.LAST).learners
    assert last.score == pytest.approx(sum(score(e, examples(e).correct).score for e in exercises))
