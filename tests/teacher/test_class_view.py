"""The class-view page runs in a real kernel on the sample class shipped with the book."""

from __future__ import annotations

import pytest

from medialit.teacher import load_class
from tests.conftest import ROOT

PAGE = ROOT / "book" / "teachers" / "class-view.md"
SAMPLE = ROOT / "book" / "teachers" / "sample-class"


def test_the_sample_class_merges_a_learner_handing_in_twice(exercise_set):
    report = load_class(SAMPLE, exercise_set)
    assert report.summary == "14 read = 13 graded + 1 rejected (12 learners)"
    assert sorted(report.rejections["reason"]) == ["truncated"]
    assert "exam" in set(report.gradebook["mode"])
    ben = report.gradebook.set_index("learner").loc["Ben"]
    assert ben["files"] == 2 and "ben-first-try.json" in ben["source"] and "ben.json" in ben["source"]
    assert set(report.sources["learner"]) == {"Ben"}
    assert set(report.sources["status"]) == {"counted", "superseded"}


@pytest.mark.kernel
def test_the_class_view_page_executes():
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(PAGE)
    NotebookClient(notebook, kernel_name="medialit", resources={"metadata": {"path": str(PAGE.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "14 read = 13 graded + 1 rejected (12 learners)" in text
    assert sum("image/svg+xml" in o.get("data", {}) for o in outputs) == 3
