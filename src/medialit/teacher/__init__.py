"""Teacher tools: gather hand-ins, grade them with the Python engine, and report on the class.

``load_class("hand-ins/")`` grades a folder (or files, or ``.zip`` archives) against the project's exercises and
returns a :class:`ClassReport` with the tables and charts that ``medialit grade`` writes.
"""

from __future__ import annotations

from medialit.teacher.grade import ClassGrades, grade_class, grade_paths
from medialit.teacher.report import ClassReport, load_class, write_outputs

__all__ = ["ClassGrades", "ClassReport", "grade_class", "grade_paths", "load_class", "write_outputs"]
