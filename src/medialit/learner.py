"""The learner's side of a hand-in: one's own answers in live widgets, as a hand-in file or a table of results.

:mod:`medialit.handin` is the file format; this module makes a :class:`~medialit.handin.Handin` from answers or from
live widgets (:class:`medialit.live.ExerciseWidget`), and scores one's own answers with the Python engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from medialit import __version__
from medialit.handin import Answer, Handin
from medialit.model import Exercise
from medialit.modes import Mode

if TYPE_CHECKING:
    import pandas as pd

    from medialit.exercises import ExerciseSet
    from medialit.live import ExerciseWidget

__all__ = ["RESULT_COLUMNS", "collect", "handin_from_results", "to_dataframe"]

RESULT_COLUMNS = ("exercise", "skill", "score", "max_score", "checks", "confidence", "revealed", "stale", "problem")
"""The columns of :func:`to_dataframe`, in order."""


def handin_from_results(
    learner: str,
    answers: Iterable[Answer],
    *,
    mode: Mode = Mode.LEARN,
    created: datetime | None = None,
    exported: datetime | None = None,
    book_version: str = __version__,
) -> Handin:
    """A hand-in made of ``answers``; ``exported`` defaults to now."""
    now = datetime.now(UTC).replace(microsecond=0)
    return Handin(
        learner=learner,
        book_version=book_version,
        mode=mode,
        exported=exported or now,
        answers=tuple(sorted(answers, key=lambda a: a.exercise)),
        created=created,
    )


def collect(widgets: Iterable[ExerciseWidget], learner: str, *, mode: Mode = Mode.LEARN) -> Handin:
    """A hand-in of every live widget that has a submission (the latest one of each)."""
    now = datetime.now(UTC).replace(microsecond=0)
    answers = [
        Answer(
            exercise=w.exercise.id,
            content_hash=w.exercise.content_hash,
            raw=w.submission.get("answer"),
            checks=int(w.submission.get("count", 0)),
            confidence=w.submission.get("confidence"),
            revealed=bool(w.revealed),
            answered_at=now,
            first_raw=w.submission.get("first_answer"),
        )
        for w in widgets
        if w.submission
    ]
    return handin_from_results(learner, answers, mode=mode, exported=now)


def to_dataframe(source: Handin | Iterable[ExerciseWidget], exercises: ExerciseSet | None = None) -> pd.DataFrame:
    """One's own results, one row per answered exercise, scored by the Python engine.

    ``source`` is a :class:`Handin` or live widgets. ``exercises`` defaults to the widgets' own exercises, else to the
    course found from the current folder (:meth:`medialit.course.Course.load`). Columns (:data:`RESULT_COLUMNS`):
    ``exercise``, ``skill``, ``score``, ``max_score``, ``checks``, ``confidence``, ``revealed``, ``stale`` (the
    exercise changed since), ``problem`` (why it was not scored).
    """
    import pandas as pd

    if isinstance(source, Handin):
        handin = source
        known = _course_exercises() if exercises is None else {e.id: e for e in exercises.exercises}
    else:
        widgets = list(source)
        handin = collect(widgets, "me")
        known = {w.exercise.id: w.exercise for w in widgets}
        if exercises is not None:
            known = {e.id: e for e in exercises.exercises}
    rows = [_row(answer, known.get(answer.exercise)) for answer in handin.answers]
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))


def _row(answer: Answer, exercise: Exercise | None) -> dict[str, Any]:
    """One answer's row of :func:`to_dataframe`."""
    from medialit.scoring import FormatError, score

    row: dict[str, Any] = {
        "exercise": answer.exercise,
        "skill": None,
        "score": None,
        "max_score": None,
        "checks": answer.checks,
        "confidence": answer.confidence,
        "revealed": answer.revealed,
        "stale": False,
        "problem": "",
    }
    if exercise is None:
        row["problem"] = "no such exercise in this book"
        return row
    row["skill"] = str(exercise.skill)
    row["stale"] = answer.content_hash != exercise.content_hash
    try:
        result = score(exercise, answer.raw)
    except FormatError as error:
        row["problem"] = str(error)
    else:
        row["score"], row["max_score"] = result.score, result.max_score
    return row


def _course_exercises() -> Mapping[str, Exercise]:
    """The exercises of the course found from the current folder, by id."""
    from medialit.course import Course

    return Course.load(strict=False).by_id
