"""The live widget in a real Jupyter kernel (nbclient): the same exercise, scored by the Python engine."""

from __future__ import annotations

import json

import jsonschema
import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from medialit import scoring
from medialit.course import Course
from medialit.handin import read_handin, schema
from medialit.kinds import ExerciseType
from tests.conftest import ROOT

pytestmark = pytest.mark.kernel


def run(nb) -> list[str]:
    """Execute a notebook in a fresh kernel of the project (``medialit``, installed into the environment); the text
    printed by each code cell."""
    resources = {"metadata": {"path": str(ROOT / "book")}}
    NotebookClient(nb, kernel_name="medialit", timeout=120, resources=resources).execute()
    printed = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            printed.append("".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream"))
    return printed


def test_the_live_notebook_page_runs_and_scores_in_python():
    nb = jupytext.read(ROOT / "book" / "teachers" / "live-notebook.md")
    printed = [p for p in run(nb) if p]
    assert "1 of 1 points" in printed[0]
    assert "1 answer(s) from Ana" in printed[1]
    table = nb.cells[-1].outputs[0]["data"]["text/plain"]
    assert "disclaimer-002" in table and "contradictions-across" not in table
    widget_outputs = [
        o
        for o in nb.cells[0 if nb.cells[0].cell_type == "code" else 1].outputs
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert widget_outputs, "the first code cell should display the widget"


@pytest.mark.parametrize(
    ("exercise_id", "answer", "expected"),
    [
        ("disclaimer-002", {"marks": [{"unit": "article4:7.1", "label": None}]}, 1.0),
        ("disclaimer-002", {"marks": [{"unit": "article4:8.1", "label": None}]}, 0.0),
        ("disclaimer-000", {"marks": [], "none": True}, 1.0),
    ],
)
def test_setting_the_answer_from_python_syncs_the_score(exercise_id, answer, expected):
    code = f"""
import json, medialit
w = medialit.widget({exercise_id!r})
w.submission = {{"answer": json.loads({json.dumps(json.dumps(answer))}), "count": 1, "confidence": None}}
print(json.dumps(w.result))
"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    (printed,) = run(nb)
    result = json.loads(printed)
    assert result["exercise"] == exercise_id and result["score"] == expected and result["max_score"] == 1.0


def test_a_malformed_answer_from_the_front_end_is_reported_not_scored():
    code = """
import json, medialit
w = medialit.widget("disclaimer-002")
w.submission = {"answer": {"marks": [{"unit": "nowhere"}]}, "count": 1, "confidence": None}
print(json.dumps(w.result))
"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    (printed,) = run(nb)
    assert json.loads(printed) == {"error": "there is no sentence “nowhere” in this exercise"}


def test_every_kind_of_exercise_is_scored_in_python_and_handed_in(tmp_path):
    """One widget per kind of the registry (highlight, with kinds and "none", pairs, single and multiple choice,
    reflection, search).

    Exercises under the assessment setting (in their file or by their page) are left out: their widget only records.
    """
    exercise_set = Course.load(ROOT).exercises
    chosen = {}
    for exercise in exercise_set.exercises:
        if exercise.assessment:
            continue
        kind = (str(exercise.type), bool(exercise.labels), exercise.allow_none, exercise.multiple)
        chosen.setdefault(kind, exercise)
    assert {kind[0] for kind in chosen} == {member.value for member in ExerciseType}
    answers = {e.id: scoring.examples(e).correct for e in chosen.values()}
    handin = tmp_path / "me.json"
    code = f"""
import json, medialit
answers = json.loads({json.dumps(json.dumps(answers))})
widgets = []
for exercise_id, answer in answers.items():
    w = medialit.widget(exercise_id)
    w.submission = {{"answer": answer, "count": 1, "confidence": 2}}
    widgets.append(w)
    print(json.dumps([exercise_id, w.result["score"], w.result["max_score"]]))
medialit.hand_in(widgets, "Ana", {str(handin)!r})
table = medialit.my_results(widgets)
print(json.dumps(table[["exercise", "score", "max_score"]].values.tolist()))
"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    (printed,) = run(nb)
    *scored, table = [json.loads(line) for line in printed.splitlines()]
    for exercise_id, score, maximum in scored:
        assert score == maximum == scoring.max_score(exercise_set.get(exercise_id)), exercise_id
    assert sorted(map(tuple, table)) == sorted(map(tuple, scored))
    data = json.loads(handin.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    read = read_handin(handin)
    assert {a.exercise: a.raw for a in read.answers} == answers
    assert all(a.confidence == 2 and a.checks == 1 for a in read.answers)
