"""Re-score every hand-in with the Python engine against the current exercises; scores in files are never trusted.

Per answer: an exercise the book does not have is reported as ``unknown-exercise``, an answer
:func:`medialit.scoring.parse` refuses as ``bad-answer``; either way the learner's other answers are still graded and
that exercise counts as unanswered (0 points). An answer whose ``content_hash`` differs from the exercise's current
hash (the exercise was edited after the learner answered) is graded and flagged as *stale*. Learn and exam hand-ins
are graded the same way.

Grading a class parses and grades each distinct raw answer once per exercise: answers are cached by
(exercise id, raw answer), which makes a large class cost little more than its distinct answers.
"""

from __future__ import annotations

import json
import marshal
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from medialit.exercises import ExerciseSet
from medialit.handin import Handin, Reason
from medialit.model import Exercise
from medialit.modes import Mode
from medialit.scoring import FormatError, Result, grade, max_score, parse
from medialit.teacher.collect import Collected, Rejection, Submission, gather
from medialit.teacher.gcdefer import defer_full_gc

__all__ = ["AnswerProblem", "ClassGrades", "Grader", "LearnerGrade", "grade_class", "grade_paths"]


@dataclass(frozen=True)
class AnswerProblem:
    """One answer that was not graded; the rest of its hand-in was."""

    source: str
    """The file it came from."""
    learner: str
    """The learner, as given."""
    exercise: str
    """The exercise id in the file."""
    reason: Reason
    """``unknown-exercise`` or ``bad-answer``."""
    message: str
    """Why, in words."""


@dataclass(frozen=True)
class LearnerGrade:
    """One learner's graded hand-in."""

    learner: str
    """The name as given."""
    source: str
    """The file graded."""
    mode: Mode
    """The build the answers came from."""
    results: tuple[Result, ...]
    """One result per graded answer, in exercise order."""
    stale: frozenset[str] = frozenset()
    """Exercises answered in an older version (content hash differs)."""

    @property
    def score(self) -> float:
        """Points earned over every graded answer."""
        return sum(r.score for r in self.results)


@dataclass(frozen=True)
class ClassGrades:
    """A class graded: who was graded, and everything that was not."""

    exercises: tuple[Exercise, ...]
    """The exercises graded against, in book order."""
    learners: tuple[LearnerGrade, ...]
    """Graded learners, ordered by name."""
    rejections: tuple[Rejection, ...] = ()
    """Files not graded."""
    answer_problems: tuple[AnswerProblem, ...] = ()
    """Answers not graded inside graded files."""
    ignored: tuple[str, ...] = ()
    """Files skipped because they are not hand-ins by their name."""

    @property
    def read(self) -> int:
        """Files read."""
        return len(self.learners) + len(self.rejections)

    @property
    def max_score(self) -> float:
        """Points available to every learner: every exercise, answered or not."""
        return sum(max_score(e) for e in self.exercises)

    @property
    def clean(self) -> bool:
        """Whether nothing at all was rejected."""
        return not self.rejections and not self.answer_problems


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
_MARSHAL_VERSION = 2
"""The :mod:`marshal` format of answer keys; version 2 writes every value in full, without back-references."""


def _answer_key(raw: Any) -> bytes | str:
    """A key that two raw answers share only if they are equal.

    :mod:`marshal`'s bytes, cheap to make and read back to ``raw`` (so equal keys mean equal answers), or canonical
    JSON for a value marshal cannot write. Equal answers whose objects' keys come in another order get other keys.
    """
    try:
        return marshal.dumps(raw, _MARSHAL_VERSION)
    except ValueError:
        return _ENCODER.encode(raw)


@dataclass
class Grader:
    """Grades answers against one set of exercises, each distinct (exercise, raw answer) once."""

    exercises: tuple[Exercise, ...]
    """The exercises."""
    _by_id: dict[str, Exercise] = field(init=False, repr=False)
    _order: dict[str, int] = field(init=False, repr=False)
    _answers: dict[tuple[str, bytes | str], Result | str] = field(init=False, repr=False, default_factory=dict)
    _graded: dict[tuple[str, Any], Result] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.exercises}
        self._order = {e.id: i for i, e in enumerate(self.exercises)}

    def answer(self, exercise: Exercise, raw: Any) -> Result | str:
        """The result for ``raw``, or why it cannot be parsed.

        Two caches: raw answer (by :func:`_answer_key`) → result, then parsed answer → result, so that answers
        differing only in the order of their marks are graded once.
        """
        key = (exercise.id, _answer_key(raw))
        result = self._answers.get(key)
        if result is None:
            try:
                parsed = parse(exercise, raw)
            except FormatError as error:
                result = str(error)
            else:
                graded = (exercise.id, parsed)
                result = self._graded.get(graded)
                if result is None:
                    result = self._graded[graded] = grade(exercise, parsed)
            self._answers[key] = result
        return result

    @property
    def distinct(self) -> int:
        """Distinct (exercise, parsed answer) pairs graded so far."""
        return len(self._graded)

    def handin(self, handin: Handin, source: str) -> tuple[LearnerGrade, list[AnswerProblem]]:
        """One learner's results, and the answers that could not be graded."""
        results: list[Result] = []
        stale = set()
        problems = []
        cached = self._answers
        for answer in handin.answers:
            exercise = self._by_id.get(answer.exercise)
            if exercise is None:
                problems.append(AnswerProblem(source, handin.learner, answer.exercise, Reason.UNKNOWN_EXERCISE,
                                              f"this book has no exercise {answer.exercise!r}; the answer is left out"))
                continue
            result = cached.get((exercise.id, _answer_key(answer.raw))) or self.answer(exercise, answer.raw)
            if isinstance(result, str):
                problems.append(AnswerProblem(source, handin.learner, answer.exercise, Reason.BAD_ANSWER,
                                              f"the answer cannot be read: {result}; it scores 0"))
                continue
            results.append(result)
            if answer.content_hash != exercise.content_hash:
                stale.add(exercise.id)
        order = self._order
        results.sort(key=lambda r: order[r.exercise])
        return LearnerGrade(handin.learner, source, handin.mode, tuple(results), frozenset(stale)), problems


@defer_full_gc
def grade_class(collected: Collected, exercises: ExerciseSet | Iterable[Exercise], *,
                progress: bool = False) -> ClassGrades:
    """Grade every collected hand-in."""
    pool = tuple(exercises.exercises if isinstance(exercises, ExerciseSet) else exercises)
    grader = Grader(pool)
    learners = []
    problems: list[AnswerProblem] = []
    submissions: Iterable[Submission] = tqdm(collected.submissions, desc="grading", unit="learner",
                                             disable=not progress, leave=False)
    for submission in submissions:
        learner, found = grader.handin(submission.handin, submission.source)
        learners.append(learner)
        problems.extend(found)
    return ClassGrades(pool, tuple(learners), collected.rejections, tuple(problems), collected.ignored)


def grade_paths(paths: Iterable[str | Path], exercises: ExerciseSet | Iterable[Exercise], *,
                progress: bool = False) -> ClassGrades:
    """Gather the hand-ins under ``paths`` and grade them."""
    return grade_class(gather(paths, progress=progress), exercises, progress=progress)
