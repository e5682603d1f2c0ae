"""A graded class with its tables and charts, and the files ``medialit grade`` writes.

Output files (see :mod:`medialit.teacher.tables` for the columns): ``results.csv``, ``gradebook.csv``,
``items.csv``, ``rejected.csv`` (every file, answer or field not graded), ``sources.csv`` (where the answers of
learners with several files came from) and ``report.html``, a self-contained page (inline CSS, charts as inline SVG
images, no script, no external request) in which every learner-supplied string is escaped and bidi-isolated. They
are written together or not at all (:mod:`medialit.teacher.outputs`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from medialit import __version__
from medialit.exercises import ExerciseSet
from medialit.model import Exercise
from medialit.modes import Mode
from medialit.scoring import max_score
from medialit.state import ships_key
from medialit.teacher import plots, prepost, tables
from medialit.teacher.csvfile import write_csv, write_text
from medialit.teacher.feedback import feedback_pages
from medialit.teacher.grade import ClassGrades, grade_paths
from medialit.teacher.html import render
from medialit.teacher.outputs import FEEDBACK, replace_folder

__all__ = ["REJECTION_COLUMNS", "ClassReport", "load_class", "write_outputs"]

HTML_REJECTIONS = 500
"""Lines of ``rejected.csv`` shown in ``report.html`` at most (the page stays small; the CSV file has them all)."""
REJECTION_COLUMNS = ["source", "learner", "exercise", "field", "reason", "message"]
"""The columns of ``rejected.csv``."""


@dataclass(frozen=True)
class ClassReport:
    """A graded class; tables and charts are computed on first use."""

    grades: ClassGrades
    """The grades and everything not graded."""
    hidden_items: frozenset[str] = frozenset()
    """Exercises left out of the item analysis and its chart: on a page of the book, those whose key the book does not
    ship (the assessment setting), since an item analysis names the right answers."""

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
        """Item analysis (``items.csv``), without the exercises of :attr:`hidden_items`."""
        found = tables.items(self.grades)
        if not self.hidden_items:
            return found
        return found[~found["exercise"].isin(self.hidden_items)].reset_index(drop=True)

    @property
    def skills(self) -> list[str]:
        """The skills with exercises, in book order."""
        return list(tables.skill_maxima(self.grades).index)

    @cached_property
    def paired(self) -> prepost.Paired:
        """The class before and after: who took both check forms, the mean gain and the pairs per skill."""
        return prepost.paired(self.gradebook, prepost.form_skills(self.grades))

    @cached_property
    def sources(self) -> pd.DataFrame:
        """Answers of learners with several files, counted or superseded (``sources.csv``)."""
        return tables.sources(self.grades)

    @property
    def rejections(self) -> pd.DataFrame:
        """Every entry, answer and field not graded: ``source``, ``learner``, ``exercise``, ``field``, ``reason``,
        ``message``; entries first (no learner), then answers and fields."""
        rows = [
            {
                "source": r.source,
                "learner": "",
                "exercise": "",
                "field": "",
                "reason": str(r.reason),
                "message": r.message,
            }
            for r in self.grades.rejections
        ]
        rows += [
            {
                "source": p.source,
                "learner": p.learner,
                "exercise": p.exercise,
                "field": p.field,
                "reason": str(p.reason),
                "message": p.message,
            }
            for p in self.grades.answer_problems
        ]
        return pd.DataFrame(rows, columns=REJECTION_COLUMNS)

    @property
    def summary(self) -> str:
        """``N read = G graded + R rejected``, and the number of learners when some handed in several files."""
        g = self.grades
        line = f"{g.read} read = {g.graded} graded + {len(g.rejections)} rejected"
        return line if len(g.learners) == g.graded else f"{line} ({len(g.learners)} learners)"

    def figures(self) -> dict[str, Figure]:
        """The charts by name: ``distribution``, ``skills``, ``items``, and ``before_after`` when learners took both
        check forms."""
        found = {
            "distribution": plots.score_distribution(self.gradebook),
            "skills": plots.skill_bars(self.gradebook, self.skills),
            "items": plots.item_difficulty(self.items),
        }
        if self.paired.both:
            found["before_after"] = plots.before_after(self.paired.pairs)
        return found

    def _practice(self) -> tuple[int, float]:
        """The exercises outside the check forms: how many, and their points."""
        forms = self.grades.forms
        outside = [e for e in self.grades.exercises if forms.form_of(e.id) is None]
        return len(outside), sum(max_score(e) for e in outside)

    def html(self, feedback: Sequence[str] = ()) -> str:
        """The self-contained report page; ``feedback`` names the learners' feedback pages, in gradebook order."""
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
            rejection_limit=HTML_REJECTIONS,
            future=self.grades.future_exports,
            superseded=self.grades.sources.superseded if self.grades.sources is not None else 0,
            feedback=[
                (learner.learner, f"{FEEDBACK}/{name}")
                for learner, name in zip(self.grades.learners, feedback, strict=False)
            ],
            paired=self.paired,
            has_forms=bool(self.grades.forms),
            practice=self._practice(),
            count_post=self.grades.count_post,
            before_after=plots.data_uri(figures["before_after"]) if "before_after" in figures else None,
            charts=[
                (
                    "Score distribution",
                    "Histogram of learners' percent scores.",
                    plots.data_uri(figures["distribution"]),
                ),
                ("Per skill", "Mean percent score per skill.", plots.data_uri(figures["skills"])),
                ("Item difficulty", "Share of learners who found each target.", plots.data_uri(figures["items"])),
            ],
        )


def load_class(
    paths: str | Path | Iterable[str | Path],
    exercises: ExerciseSet | Iterable[Exercise] | None = None,
    *,
    progress: bool = False,
    in_book: bool = False,
) -> ClassReport:
    """Grade every hand-in under ``paths`` (files, folders, ``.zip``); exercises default to the current project's.

    ``in_book=True`` is for a page of the book: the item analysis leaves out the exercises whose key the book does not
    ship (:func:`medialit.state.ships_key`).
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    if exercises is None:
        exercises = _project_exercises()
    pool = tuple(exercises.exercises if isinstance(exercises, ExerciseSet) else exercises)
    hidden = frozenset(e.id for e in pool if not ships_key(e, Mode.LEARN)) if in_book else frozenset()
    return ClassReport(grade_paths(paths, pool, progress=progress), hidden)


def _project_exercises() -> ExerciseSet:
    from medialit.course import Course

    return Course.load().exercises


def write_outputs(
    report: ClassReport,
    folder: Path,
    *,
    html: bool = True,
    inputs: Iterable[str | os.PathLike[str]] = (),
    sentences: Mapping[str, str] | None = None,
) -> list[Path]:
    """Replace ``folder`` with the CSV files (and ``report.html``); returns the paths written.

    With ``sentences`` (every sentence's text by id: :func:`~medialit.teacher.feedback.sentence_texts`), one
    feedback page per learner is written into ``feedback/`` too, one at a time.

    :class:`~medialit.teacher.outputs.OutputError` if ``folder`` may not be replaced (a link, a file, a folder
    holding other files, inside one of ``inputs``); then nothing is written.
    """

    def write(staging: Path) -> list[Path]:
        written = [
            write_csv(tables.result_chunks(report.grades), staging / "results.csv"),
            write_csv(report.gradebook, staging / "gradebook.csv"),
            write_csv(report.items, staging / "items.csv"),
            write_csv(report.rejections, staging / "rejected.csv"),
            write_csv(report.sources, staging / "sources.csv"),
        ]
        pages = []
        if sentences is not None:
            (staging / FEEDBACK).mkdir()
            for name, page in feedback_pages(report.grades, sentences):
                write_text(page, staging / FEEDBACK / name)
                pages.append(name)
            written.append(staging / FEEDBACK)
        if html:
            written.append(write_text(report.html(feedback=pages), staging / "report.html"))
        return written

    return replace_folder(Path(folder), write, inputs)
