"""A graded class with its tables and charts, and the files ``medialit grade`` writes.

Output files (see :mod:`medialit.teacher.tables` for the columns): ``results.csv``, ``gradebook.csv``,
``items.csv`` and ``report.html``, a self-contained page (inline CSS, charts as inline SVG images, no script, no
external request) in which every learner-supplied string is escaped and bidi-isolated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from medialit import __version__
from medialit.exercises import ExerciseSet
from medialit.model import Exercise
from medialit.teacher import plots, tables
from medialit.teacher.csvfile import write_csv
from medialit.teacher.grade import ClassGrades, grade_paths
from medialit.teacher.html import render

__all__ = ["ClassReport", "load_class", "write_outputs"]


@dataclass(frozen=True)
class ClassReport:
    """A graded class; tables and charts are computed on first use."""

    grades: ClassGrades
    """The grades and everything not graded."""

    @cached_property
    def results(self) -> pd.DataFrame:
        """Long results (``results.csv``)."""
        return tables.results(self.grades)

    @cached_property
    def gradebook(self) -> pd.DataFrame:
        """One row per learner (``gradebook.csv``)."""
        return tables.gradebook(self.grades)

    @cached_property
    def items(self) -> pd.DataFrame:
        """Item analysis (``items.csv``)."""
        return tables.items(self.grades)

    @property
    def skills(self) -> list[str]:
        """The skills with exercises, in book order."""
        return list(tables.skill_maxima(self.grades).index)

    @property
    def rejections(self) -> pd.DataFrame:
        """Every file and answer not graded: ``source``, ``learner``, ``exercise``, ``reason``, ``message``."""
        rows = [{"source": r.source, "learner": "", "exercise": "", "reason": str(r.reason), "message": r.message}
                for r in self.grades.rejections]
        rows += [{"source": p.source, "learner": p.learner, "exercise": p.exercise, "reason": str(p.reason),
                  "message": p.message} for p in self.grades.answer_problems]
        return pd.DataFrame(rows, columns=["source", "learner", "exercise", "reason", "message"])

    @property
    def summary(self) -> str:
        """``N read = G graded + R rejected``."""
        g = self.grades
        return f"{g.read} read = {len(g.learners)} graded + {len(g.rejections)} rejected"

    def figures(self) -> dict[str, Figure]:
        """The charts by name: ``distribution``, ``skills``, ``items``."""
        return {
            "distribution": plots.score_distribution(self.gradebook),
            "skills": plots.skill_bars(self.gradebook, self.skills),
            "items": plots.item_difficulty(self.items),
        }

    def html(self) -> str:
        """The self-contained report page."""
        figures = self.figures()
        return render(
            "report.html",
            summary=self.summary,
            version=__version__,
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            grades=self.grades,
            gradebook=self.gradebook.to_dict("records"),
            skills=self.skills,
            items=self.items.to_dict("records"),
            rejections=self.rejections.to_dict("records"),
            charts=[
                ("Score distribution", "Histogram of learners' percent scores.",
                 plots.data_uri(figures["distribution"])),
                ("Per skill", "Mean percent score per skill.", plots.data_uri(figures["skills"])),
                ("Item difficulty", "Share of learners who found each target.", plots.data_uri(figures["items"])),
            ],
        )


def load_class(paths: str | Path | Iterable[str | Path], exercises: ExerciseSet | Iterable[Exercise] | None = None,
               *, progress: bool = False) -> ClassReport:
    """Grade every hand-in under ``paths`` (files, folders, ``.zip``); exercises default to the current project's."""
    if isinstance(paths, str | Path):
        paths = [paths]
    if exercises is None:
        exercises = _project_exercises()
    return ClassReport(grade_paths(paths, exercises, progress=progress))


def _project_exercises() -> ExerciseSet:
    from medialit.catalogue import Catalogue
    from medialit.exercises import load_exercises
    from medialit.project import Project

    project = Project.find()
    return load_exercises(project.exercises, Catalogue.load(project.catalogue_path)).require_valid()


def write_outputs(report: ClassReport, folder: Path, *, html: bool = True) -> list[Path]:
    """Write the CSV files (and ``report.html``) into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [
        write_csv(report.results, folder / "results.csv"),
        write_csv(report.gradebook, folder / "gradebook.csv"),
        write_csv(report.items, folder / "items.csv"),
        write_csv(report.rejections, folder / "rejected.csv"),
    ]
    if html:
        path = folder / "report.html"
        path.write_text(report.html(), encoding="utf-8")
        written.append(path)
    return written
