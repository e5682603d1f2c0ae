"""The live widget in a real Jupyter kernel (nbclient): the same exercise, scored by the Python engine."""

from __future__ import annotations

import json

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

pytestmark = pytest.mark.kernel


def run(nb) -> list[str]:
    """Execute a notebook in a fresh python3 kernel; the text printed by each code cell."""
    resources = {"metadata": {"path": str(ROOT / "book")}}
    NotebookClient(nb, kernel_name="python3", timeout=120, resources=resources).execute()
    printed = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            printed.append("".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream"))
    return printed


def test_the_live_notebook_page_runs_and_scores_in_python():
    nb = jupytext.read(ROOT / "book" / "teachers" / "live-notebook.md")
    printed = run(nb)
    assert "1 of 1 points" in printed[-1]
    widget_outputs = [o for o in nb.cells[0 if nb.cells[0].cell_type == "code" else 1].outputs
                      if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
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
    assert json.loads(printed) == {"error": "there is no sentence 'nowhere' in this exercise"}
