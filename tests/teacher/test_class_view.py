"""The class-view page runs in a real kernel on the sample class shipped with the book."""

from __future__ import annotations

import pytest

from medialit.teacher import load_class
from tests.conftest import ROOT

PAGE = ROOT / "book" / "teachers" / "class-view.md"
SAMPLE = ROOT / "book" / "teachers" / "sample-class"


def test_the_sample_class_shows_one_rejection_of_each_kind(exercise_set):
    report = load_class(SAMPLE, exercise_set)
    assert report.summary == "14 read = 12 graded + 2 rejected"
    assert sorted(report.rejections["reason"]) == ["duplicate", "truncated"]
    assert "exam" in set(report.gradebook["mode"])


@pytest.mark.kernel
def test_the_class_view_page_executes():
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(PAGE)
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(PAGE.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "14 read = 12 graded + 2 rejected" in text
    assert sum("image/svg+xml" in o.get("data", {}) for o in outputs) == 3
