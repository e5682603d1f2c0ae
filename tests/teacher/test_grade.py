"""Grading a class: the count identity, every rejection, duplicates, stale answers, exam mode, CSV safety."""

from __future__ import annotations

import csv
import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.cli import main
from medialit.handin import Answer
from medialit.learner import handin_from_results
from medialit.modes import Mode
from medialit.scoring import examples, score
from medialit.teacher import ClassReport, grade_paths, load_class, write_outputs
from medialit.teacher.csvfile import FORMULA_STARTS
from tests.teacher.conftest import FORMULA_NAMES, RTL_NAME, SCRIPT_NAME, make_class


def _relative(source: str, root: Path) -> str:
    return source.removeprefix(str(root) + "/")


def test_every_file_is_graded_or_rejected_with_its_reason(handin_class, exercise_set):
    grades = grade_paths([handin_class.root], exercise_set)
    assert grades.read == handin_class.read == grades.graded + len(grades.rejections)
    assert grades.graded == handin_class.graded_files == len(grades.learners) + 1
    assert {g.learner for g in grades.learners} == handin_class.graded
    assert {_relative(r.source, handin_class.root): str(r.reason) for r in grades.rejections} == handin_class.rejected
    assert not grades.clean


def test_answer_level_problems_leave_the_rest_of_the_hand_in_graded(handin_class, exercise_set):
    grades = grade_paths([handin_class.root], exercise_set)
    problems = {(p.learner, p.exercise): str(p.reason) for p in grades.answer_problems}
    first = exercise_set.exercises[0].id
    assert problems == {("Una Known", "no-such-exercise"): "unknown-exercise", ("Bad Answer", first): "bad-answer"}
    by_name = {g.learner: g for g in grades.learners}
    assert len(by_name["Una Known"].results) == len(exercise_set.exercises)
    assert len(by_name["Bad Answer"].results) == len(exercise_set.exercises) - 1
    assert by_name["Stale Sam"].stale == {first}
    assert all(not g.stale for name, g in by_name.items() if name != "Stale Sam")


def test_a_learners_two_files_are_merged_into_one_row(handin_class, exercise_set):
    grades = grade_paths([handin_class.root], exercise_set)
    dana = next(g for g in grades.learners if g.learner == "Dana")
    assert [Path(s).name for s in dana.sources] == ["a-dana-new.json", "z-dana-old.json"]
    assert len(dana.results) == len(exercise_set.exercises)
    assert not any(r.reason == "duplicate" for r in grades.rejections)


def test_exam_hand_ins_are_graded_like_learn_ones(exercise_set):
    answers = [
        Answer(e.id, e.content_hash, examples(e).correct, 0, None, False, handin_from_results("x", []).exported)
        for e in exercise_set.exercises
    ]
    from medialit.teacher.grade import Grader

    grader = Grader(exercise_set.exercises)
    learn, _ = grader.handin(handin_from_results("L", answers, mode=Mode.LEARN), "l.json")
    exam, _ = grader.handin(handin_from_results("E", answers, mode=Mode.EXAM), "e.json")
    assert exam.mode is Mode.EXAM
    assert exam.results == learn.results
    assert exam.score == sum(score(e, examples(e).correct).max_score for e in exercise_set.exercises)


def test_gradebook_totals_are_the_sum_of_per_exercise_scores(handin_class, exercise_set):
    report = load_class(handin_class.root, exercise_set)
    per_exercise = report.results.drop_duplicates(["learner", "exercise"]).groupby("learner")["score"].sum()
    book = report.gradebook.set_index("learner")
    for learner, total in book["total"].items():
        assert total == pytest.approx(per_exercise.get(learner, 0.0))
    assert (book["max"] == sum(score(e, examples(e).correct).max_score for e in exercise_set.exercises)).all()
    assert ((book["percent"] >= 0) & (book["percent"] <= 100)).all()


def test_item_analysis_covers_every_target(handin_class, exercise_set):
    items = load_class(handin_class.root, exercise_set).items
    targets = items[items["kind"] == "target"]
    for exercise in exercise_set.exercises:
        expected = (
            [o.id for o in exercise.options if o.correct]
            if exercise.options
            else [t.id for t in exercise.targets] or ["none"]
        ) + [r.id for r in exercise.results if r.supports is True]  # a search task: the verdict, then the evidence
        assert list(targets[targets["exercise"] == exercise.id]["item"]) == expected
    assert targets["share"].between(0, 1).all()
    assert targets["discrimination"].dropna().between(-1, 1).all()
    assert (items.groupby("exercise")["kind"].apply(lambda k: (k == "false_alarm").sum()) <= 3).all()


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def test_the_grade_command_writes_safe_csv_files_and_says_what_it_rejected(handin_class, capsys, tmp_path, monkeypatch):
    out = tmp_path / "out"
    # A short path to the class, so that no file name is shortened to fit the line, wherever the test runs.
    monkeypatch.chdir(handin_class.root.parent)
    root = Path(__file__).resolve().parents[2]
    code = main(["--root", str(root), "grade", handin_class.root.name, "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 1
    assert (
        f"{handin_class.read} read = {handin_class.graded_files} graded + {len(handin_class.rejected)} rejected "
        f"({len(handin_class.graded)} learners)"
    ) in printed
    for name, reason in handin_class.rejected.items():
        lines = [
            line
            for line in printed.splitlines()
            if line.strip().endswith(name.split(":")[-1]) or f"{name.split(':')[-1]}:" in line
        ]
        assert lines and reason in lines[0], (name, reason, printed)
    assert "Merged 1 learners" in printed and "unknown-exercise" in printed and "bad-answer" in printed
    assert "\u202e" not in printed, "bidi controls reach the terminal escaped"
    assert "notes.txt" in printed
    for name in ("results.csv", "gradebook.csv", "items.csv", "rejected.csv", "sources.csv", "report.html"):
        assert (out / name).is_file()
    for name in ("results.csv", "gradebook.csv", "items.csv", "rejected.csv", "sources.csv"):
        for cell in _cells(out / name):
            if cell.startswith(FORMULA_STARTS):
                float(cell)  # only numbers may start with - or +
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        learners = {row["learner"] for row in csv.DictReader(handle)}
    for formula in FORMULA_NAMES:
        assert "'" + formula in learners
    assert SCRIPT_NAME in learners and RTL_NAME in learners


def test_grade_exit_codes(tmp_path, exercise_set, capsys):
    clean = tmp_path / "clean"
    clean.mkdir()
    handin = handin_from_results(
        "Ana",
        [
            Answer(e.id, e.content_hash, examples(e).correct, 1, 3, False, handin_from_results("x", []).exported)
            for e in exercise_set.exercises
        ],
    )
    (clean / "ana.json").write_text(json.dumps(handin.as_json()), encoding="utf-8")
    assert main(["grade", str(clean), "-o", str(tmp_path / "o1")]) == 0
    assert "1 read = 1 graded + 0 rejected" in capsys.readouterr().out
    gradebook = (tmp_path / "o1" / "gradebook.csv").read_text(encoding="utf-8").splitlines()
    assert gradebook[1].split(",")[5] == "100.0"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["grade", str(empty), "-o", str(tmp_path / "o2")]) == 2
    capsys.readouterr()
    assert main(["grade", str(tmp_path / "missing.json"), "-o", str(tmp_path / "o3")]) == 2, "nothing graded"
    captured = capsys.readouterr()
    assert "unreadable" in captured.out and "nothing could be graded" in captured.err
    assert (tmp_path / "o3" / "rejected.csv").is_file()
    assert main(["grade", str(clean / "ana.json"), str(tmp_path / "missing.json"), "-o", str(tmp_path / "o4")]) == 1
    assert "2 read = 1 graded + 1 rejected" in capsys.readouterr().out


@pytest.fixture(scope="module")
def shuffled_class(tmp_path_factory, exercise_set):
    folder = make_class(tmp_path_factory.mktemp("hypothesis") / "class", exercise_set.exercises, seed=11)
    files = sorted(p for p in folder.root.rglob("*") if p.is_file())
    return folder, files


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_grading_is_deterministic_and_independent_of_file_order(shuffled_class, exercise_set, data):
    _, files = shuffled_class
    subset = data.draw(st.lists(st.sampled_from(files), min_size=1, unique=True))
    order = data.draw(st.permutations(subset))
    first = ClassReport(grade_paths(subset, exercise_set))
    again = ClassReport(grade_paths(order, exercise_set))
    assert first.gradebook.equals(again.gradebook)
    assert first.results.equals(again.results)
    assert first.items.equals(again.items)
    assert first.grades.rejections == again.grades.rejections
    assert first.grades.answer_problems == again.grades.answer_problems


def test_a_copy_of_the_same_folder_gives_the_same_outputs(handin_class, exercise_set, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(handin_class.root, copy)
    one = load_class(handin_class.root, exercise_set)
    two = load_class(copy, exercise_set)
    for a, b in ((one.gradebook, two.gradebook), (one.results, two.results), (one.items, two.items)):
        assert a.drop(columns=[c for c in ("source",) if c in a]).equals(
            b.drop(columns=[c for c in ("source",) if c in b])
        )
    written = write_outputs(one, tmp_path / "out", html=False)
    assert [p.name for p in written] == ["results.csv", "gradebook.csv", "items.csv", "rejected.csv", "sources.csv"]


def test_synthetic_answers_always_parse(exercise_set):
    from medialit.teacher.synthetic import synthetic_answer

    rng = random.Random(0)
    for exercise in exercise_set.exercises:
        for _ in range(50):
            score(exercise, synthetic_answer(exercise, rng, rng.random()))
