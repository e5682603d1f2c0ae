"""First reactions are recorded and never graded: they change no total, percent or skill score."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from medialit.cli import main
from medialit.handin import Answer
from medialit.learner import handin_from_results
from medialit.model import ExerciseType
from medialit.scoring import examples

REFLECTIONS = ("impressions-a", "impressions-b")


def _answers(exercises, views: dict[str, str]):
    out = []
    for exercise in exercises:
        if exercise.type is ExerciseType.REFLECTION:
            if exercise.id in views:
                out.append(
                    Answer(exercise.id, exercise.content_hash, {"choices": [views[exercise.id]]}, 1, None, False, None)
                )
            continue
        out.append(Answer(exercise.id, exercise.content_hash, examples(exercise).incorrect, 1, None, False, None))
    return out


@pytest.mark.parametrize("choice", range(5))
def test_reflections_change_no_grade(tmp_path_factory, exercise_set, choice):
    """Every view of each reflection (one per run, A's and B's together), and no answer at all (the last run)."""
    exercises = exercise_set.exercises
    options = {e.id: [o.id for o in e.options] for e in exercises if e.id in REFLECTIONS}
    assert all(len(ids) == 4 for ids in options.values())
    views = {i: ids[choice] for i, ids in options.items()} if choice < 4 else {}
    folder = tmp_path_factory.mktemp("class")
    for name, chosen in (("with", views), ("without", {})):
        handin = handin_from_results(name, _answers(exercises, chosen))
        (folder / f"{name}.json").write_text(json.dumps(handin.as_json()), encoding="utf-8")
    out = folder.parent / f"{folder.name}-out"
    assert main(["grade", str(folder), "-o", str(out), "--no-html"]) == 0
    book = pd.read_csv(out / "gradebook.csv", encoding="utf-8-sig").set_index("learner")
    points = ["total", "max", "percent", "first_try_total", "impressions", "sourcing", "contradictions", "disclaimer"]
    assert book.loc["with", points].tolist() == book.loc["without", points].tolist()
    assert book.loc["with", "answered"] - book.loc["without", "answered"] == len(views)
    items = pd.read_csv(out / "items.csv", encoding="utf-8-sig")
    counted = items[items["kind"] == "view"].groupby("exercise")["count"].sum().to_dict()
    assert {i: n for i, n in counted.items() if n} == {i: 1 for i in views}
