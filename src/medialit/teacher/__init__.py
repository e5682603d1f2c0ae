"""Teacher tools: gather hand-ins, grade them with the Python engine, and report on the class.

``load_class("hand-ins/")`` grades a folder (or files, or ``.zip`` archives) against the project's exercises and
returns a :class:`ClassReport` with the tables and charts that ``medialit grade`` writes.

The names below are imported when first used, so that grading one hand-in does not load the charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.lazy import importer

if TYPE_CHECKING:
    from medialit.teacher.grade import ClassGrades, grade_class, grade_paths
    from medialit.teacher.report import ClassReport, load_class, write_outputs

_HOMES = {
    "ClassGrades": "grade",
    "ClassReport": "report",
    "grade_class": "grade",
    "grade_paths": "grade",
    "load_class": "report",
    "write_outputs": "report",
}
__all__ = [
    "ClassGrades",
    "ClassReport",
    "grade_class",
    "grade_paths",
    "load_class",
    "write_outputs",
]

__getattr__ = importer(__name__, _HOMES)
