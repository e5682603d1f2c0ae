"""Re-score every hand-in with the Python engine against the current exercises; scores in files are never trusted.

Per answer: an exercise the book does not have is reported as ``unknown-exercise``, an answer
:func:`medialit.scoring.parse` refuses as ``bad-answer``; either way the learner's other answers are still graded and
that exercise counts as unanswered (0 points). Fields the reader dropped or repaired in a file that is still graded
(:attr:`medialit.handin.Handin.problems`) are reported the same way. At most :data:`MAX_PROBLEMS_PER_FILE` problems
are listed per file, then one line with the number of the rest. An answer whose ``content_hash`` differs from the
exercise's current hash (the exercise was edited after the learner answered) is graded and flagged as *stale*.
Learn and exam hand-ins are graded the same way.

**First try and last answer.** Each answer is graded twice: its last answer and the first answer the learner checked
(hand-in format 2). A version 1 file has no first answer; when it says the learner checked once, the last answer is
the one checked and so the first try too; otherwise the first try is *unknown*. ``score_on`` chooses which counts:
``auto`` (the default: first tries for exercises under the assessment setting, last answers for the rest),
``first`` or ``last``; where a first try counts but is unknown, the last answer counts, and it is counted in
:attr:`LearnerGrade.first_unknown`. How each answer was reached travels with it: checks, and whether the answer was
shown (``revealed``).

**One learner, one row.** Names are compared with :func:`medialit.handin.learner_key` (Unicode NFC, zero-width
characters removed, trimmed, case-folded). The files of one learner are *merged*: for each exercise the newest answer
counts, by its ``answered_at``, then the file's ``exported`` time, then the file's SHA-256 (so the choice never
depends on file order); an unknown date counts as oldest. A pre-test handed in during week 1 and the rest in week 4
both count. The older answers are *superseded*: listed, not graded (see :class:`AnswerSources`). An answer that
cannot be graded (``bad-answer``) takes no part: an older answer to that exercise counts instead. The learner's name,
and mode, are those of their newest file. A file ``exported`` more than :data:`FUTURE_TOLERANCE` after the run
started is graded and flagged.

**Two passes, bounded memory.** Each hand-in is read, graded and dropped: only a compact record is kept (per answer:
its file, exercise, shared result, time and staleness, in arrays). The second pass merges the records per learner and
builds :class:`LearnerGrade` rows, so that totals, and the discrimination index that needs every learner's total,
are exact. Each distinct raw answer is parsed and graded once per exercise: answers are cached by (exercise id, raw
answer), which makes a large class cost little more than its distinct answers.
"""

from __future__ import annotations

import json
import logging
import marshal
import math
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from medialit.exercises import ExerciseSet
from medialit.forms import CheckForms, FormOrder
from medialit.handin import Handin, Reason, display_name, learner_key
from medialit.model import Exercise
from medialit.modes import Mode
from medialit.scoring import FormatError, ItemResult, Result, grade, max_score, parse
from medialit.teacher.collect import FileReason, Rejection, Submission, gather
from medialit.teacher.gcdefer import defer_full_gc

__all__ = [
    "FUTURE_TOLERANCE",
    "MAX_PROBLEMS_PER_FILE",
    "AnswerProblem",
    "AnswerSources",
    "ClassGrades",
    "Grader",
    "LearnerGrade",
    "ScoreOn",
    "grade_class",
    "grade_paths",
]

CACHE_LIMIT = 20_000
"""Entries of each answer cache at most; then the caches start again."""
MAX_PROBLEMS_PER_FILE = 20
"""Problems listed per file; the rest are counted in one more line."""
FUTURE_TOLERANCE = timedelta(minutes=5)
"""How far after now an ``exported`` time may lie (clocks differ a little) before it is flagged."""
EXCERPT = 64
"""Characters of learner text (an exercise id, a name) copied into a message at most."""

_log = logging.getLogger(__name__)


class ScoreOn(StrEnum):
    """Which answer to each exercise a grade counts."""

    AUTO = "auto"
    """First tries for exercises under the assessment setting (which have one attempt), last answers for the rest."""
    LAST = "last"
    """The last answer the learner left (what a self-study book shows)."""
    FIRST = "first"
    """The first answer the learner checked (for items meant as a test); the last one where the first is unknown."""


@dataclass(frozen=True)
class AnswerProblem:
    """One answer or field that was not graded (or was repaired); the rest of its hand-in was graded."""

    source: str
    """The file it came from."""
    learner: str
    """The learner, as given."""
    exercise: str
    """The exercise id in the file, or ``""`` for a field of the file itself."""
    reason: Reason | FileReason | str
    """``unknown-exercise``, ``bad-answer``, a field problem of the reader, ``more-problems`` or ``internal-error``."""
    message: str
    """Why, in words."""
    field: str = ""
    """The field concerned, when it is one field (``checks``, ``answered_at``, ...)."""


MORE_PROBLEMS = "more-problems"
"""The reason of the line that counts the problems of one file beyond :data:`MAX_PROBLEMS_PER_FILE`."""


@dataclass(frozen=True, slots=True)
class LearnerGrade:
    """One learner's graded answers, merged from all their files."""

    learner: str
    """The name as given in their newest file."""
    sources: tuple[str, ...]
    """The files merged, in name order."""
    mode: Mode
    """The build their newest file came from."""
    results: tuple[Result, ...]
    """One result per counted answer, in exercise order."""
    stale: frozenset[str] = frozenset()
    """Exercises whose counted answer was given to an older version (content hash differs)."""
    future_export: bool = False
    """Whether a file of theirs says it was exported in the future (a wrong clock, or an edited file)."""
    first: tuple[Result | None, ...] = ()
    """Per counted answer, in the order of :attr:`results`: the result of the first answer checked, ``None`` if
    unknown. Empty means unknown for every answer."""
    last: tuple[Result, ...] = ()
    """Per counted answer: the result of the last answer. Empty means the same as :attr:`results`."""
    checks: tuple[int, ...] = ()
    """Per counted answer: how many times the learner pressed Check. Empty means unknown (0)."""
    revealed: frozenset[str] = frozenset()
    """Exercises whose answer was shown to the learner (by "Show answer" or the list of what was missed)."""

    @property
    def source(self) -> str:
        """The files merged, as one text (``; `` between them)."""
        return "; ".join(self.sources)

    @property
    def score(self) -> float:
        """Points earned over every counted answer."""
        return sum(r.score for r in self.results)

    @property
    def last_results(self) -> tuple[Result, ...]:
        """The result of the last answer to each exercise answered."""
        return self.last or self.results

    @property
    def first_results(self) -> tuple[Result | None, ...]:
        """The result of the first answer checked to each exercise answered, ``None`` where unknown."""
        return self.first or (None,) * len(self.results)

    @property
    def first_try_score(self) -> float:
        """Points of the first tries; an unknown first try counts its last answer."""
        return sum(
            (f if f is not None else r).score for f, r in zip(self.first_results, self.last_results, strict=True)
        )

    @property
    def first_unknown(self) -> int:
        """Answers whose first try is unknown."""
        return sum(f is None for f in self.first_results)

    @property
    def total_checks(self) -> int:
        """Checks over every counted answer."""
        return sum(self.checks)


@dataclass(frozen=True, eq=False)
class AnswerSources:
    """Where every graded answer came from, as parallel arrays with one entry per graded answer read."""

    files: tuple[str, ...]
    """Every graded file, by file number."""
    file_learner: np.ndarray
    """Per file: the index of its learner in :attr:`ClassGrades.learners`."""
    file: np.ndarray
    """Per answer: its file number."""
    exercise: np.ndarray
    """Per answer: the index of its exercise in :attr:`ClassGrades.exercises`."""
    answered_at: np.ndarray
    """Per answer: its ``answered_at`` as POSIX seconds, NaN when unknown."""
    counted: np.ndarray
    """Per answer: ``True`` if it counts, ``False`` if a newer answer of the same learner superseded it."""

    @property
    def superseded(self) -> int:
        """Answers superseded by a newer answer to the same exercise."""
        return int(len(self.counted) - np.count_nonzero(self.counted))


@dataclass(frozen=True)
class ClassGrades:
    """A class graded: who was graded, and everything that was not."""

    exercises: tuple[Exercise, ...]
    """The exercises graded against, in book order."""
    learners: tuple[LearnerGrade, ...]
    """Graded learners, one each, ordered by their :func:`~medialit.handin.learner_key`."""
    rejections: tuple[Rejection, ...] = ()
    """Files (and other entries) not graded, ordered by source."""
    answer_problems: tuple[AnswerProblem, ...] = ()
    """Answers and fields not graded inside graded files, ordered by source."""
    graded_files: int | None = None
    """Files graded (several may be one learner's); ``None`` means one per learner."""
    sources: AnswerSources | None = None
    """Where each graded answer came from, and which were superseded."""
    future_exports: tuple[str, ...] = ()
    """Graded files whose ``exported`` time lies in the future."""
    score_on: ScoreOn = ScoreOn.AUTO
    """Which answer counted: see :class:`ScoreOn`."""
    forms: CheckForms = field(default_factory=CheckForms)
    """The exercises of check forms A and B (none: no before-and-after check)."""
    form_order: FormOrder = field(default_factory=FormOrder)
    """Which form each learner does first: the teacher's file, else the hash of the name."""
    count_post: bool = False
    """Whether each learner's second (post) form counts toward their total; the first (pre) form never does."""

    @property
    def graded(self) -> int:
        """Files graded."""
        return len(self.learners) if self.graded_files is None else self.graded_files

    @property
    def read(self) -> int:
        """Entries read: graded plus rejected."""
        return self.graded + len(self.rejections)

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


def _excerpt(text: object) -> str:
    return display_name(str(text), EXCERPT)


@dataclass
class Grader:
    """Grades answers against one set of exercises, each distinct (exercise, raw answer) once."""

    exercises: tuple[Exercise, ...]
    """The exercises."""
    _by_id: dict[str, Exercise] = field(init=False, repr=False)
    _order: dict[str, int] = field(init=False, repr=False)
    _answers: dict[tuple[str, bytes | str], Result | str] = field(init=False, repr=False, default_factory=dict)
    _graded: dict[tuple[str, Any], Result] = field(init=False, repr=False, default_factory=dict)
    _results: dict[Result, Result] = field(init=False, repr=False, default_factory=dict)
    _items: dict[ItemResult, ItemResult] = field(init=False, repr=False, default_factory=dict)
    _distinct: int = field(init=False, repr=False, default=0)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.exercises}
        self._order = {e.id: i for i, e in enumerate(self.exercises)}

    def answer(self, exercise: Exercise, raw: Any) -> Result | str:
        """The result for ``raw``, or why it cannot be parsed.

        Two caches: raw answer (by :func:`_answer_key`) → result, then parsed answer → result, so that answers
        differing only in the order of their marks are graded once. Both are emptied when they reach
        :data:`CACHE_LIMIT` entries, so that their memory does not grow with the class. Equal results, and equal
        items, are one object each: what a class keeps grows with the kinds of answers given, not with the learners.
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
                    self._distinct += 1
                    result = self._graded[graded] = self._shared(grade(exercise, parsed))
            if len(self._answers) >= CACHE_LIMIT:
                self._answers.clear()
                self._graded.clear()
            self._answers[key] = result
        return result

    def forget(self) -> None:
        """Empty every cache (the results already handed out stay valid)."""
        for cache in (self._answers, self._graded, self._results, self._items):
            cache.clear()

    def _shared(self, result: Result) -> Result:
        """The one object equal to ``result``, with its items shared the same way."""
        found = self._results.get(result)
        if found is None:
            items = tuple(self._items.setdefault(item, item) for item in result.items)
            found = self._results[result] = Result(result.exercise, result.score, result.max_score, items)
        return found

    @property
    def distinct(self) -> int:
        """Distinct (exercise, parsed answer) pairs graded so far (again after the caches were emptied)."""
        return self._distinct

    def graded(self, handin: Handin, source: str) -> tuple[list[_Graded], list[AnswerProblem]]:
        """Per gradable answer (see :data:`_Graded`), and every problem of the file."""
        out: list[_Graded] = []
        problems = [
            AnswerProblem(source, handin.learner, p.exercise or "", p.reason, p.message, p.field)
            for p in handin.problems
        ]
        for answer in handin.answers:
            exercise = self._by_id.get(answer.exercise)
            if exercise is None:
                problems.append(
                    AnswerProblem(
                        source,
                        handin.learner,
                        answer.exercise,
                        Reason.UNKNOWN_EXERCISE,
                        f"this book has no exercise {_excerpt(answer.exercise)!r}; the answer is left out",
                    )
                )
                continue
            try:
                result = self.answer(exercise, answer.raw)
            except Exception as error:  # one answer must never stop a class
                _log.info("unexpected error grading %s in %s", exercise.id, source, exc_info=True)
                problems.append(
                    AnswerProblem(
                        source,
                        handin.learner,
                        exercise.id,
                        FileReason.INTERNAL_ERROR,
                        f"medialit failed while grading this answer ({type(error).__name__}); it scores 0; "
                        "please report this",
                    )
                )
                continue
            if isinstance(result, str):
                problems.append(
                    AnswerProblem(
                        source,
                        handin.learner,
                        exercise.id,
                        Reason.BAD_ANSWER,
                        f"the answer cannot be read: {_cut(result)}; it scores 0",
                    )
                )
                continue
            first = self._first(exercise, answer, result, source, handin.learner, problems)
            out.append((self._order[exercise.id], result, answer.content_hash != exercise.content_hash, answer, first))
        return out, _capped(problems)

    def _first(
        self, exercise: Exercise, answer: Any, last: Result, source: str, learner: str, problems: list[AnswerProblem]
    ) -> Result | None:
        """The first try's result; ``None`` if unknown (see the module docstring)."""
        if answer.first_raw is None:
            return last if answer.checks == 1 else None
        first = self.answer(exercise, answer.first_raw)
        if isinstance(first, str):
            problems.append(
                AnswerProblem(
                    source,
                    learner,
                    exercise.id,
                    Reason.BAD_FIELD,
                    f"the first answer cannot be read: {_cut(first)}; the first try is unknown",
                    "first_answer",
                )
            )
            return None
        return first

    def handin(self, handin: Handin, source: str) -> tuple[LearnerGrade, list[AnswerProblem]]:
        """One hand-in on its own, scored on its last answers: its learner's results, and the answers not graded."""
        graded, problems = self.graded(handin, source)
        graded.sort(key=lambda g: g[0])
        stale = frozenset(g[1].exercise for g in graded if g[2])
        return LearnerGrade(
            handin.learner,
            (source,),
            handin.mode,
            tuple(g[1] for g in graded),
            stale,
            first=tuple(g[4] for g in graded),
            checks=tuple(g[3].checks for g in graded),
            revealed=frozenset(g[1].exercise for g in graded if g[3].revealed),
        ), problems


_Graded = tuple[int, Result, bool, Any, Result | None]
"""One graded answer: exercise number, result, stale, the :class:`~medialit.handin.Answer`, first try's result."""


def _cut(text: str, size: int = 200) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _capped(problems: list[AnswerProblem]) -> list[AnswerProblem]:
    """The first :data:`MAX_PROBLEMS_PER_FILE` problems, and one line counting the rest."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    rest = len(problems) - MAX_PROBLEMS_PER_FILE
    first = problems[0]
    return [
        *problems[:MAX_PROBLEMS_PER_FILE],
        AnswerProblem(
            first.source, first.learner, "", MORE_PROBLEMS, f"{rest} more problems in this file are not listed"
        ),
    ]


def _seconds(moment: datetime | None) -> float:
    return math.nan if moment is None else moment.timestamp()


@dataclass(slots=True)
class _File:
    """What the second pass needs of one graded file."""

    source: str
    learner: str
    key: str
    mode: Mode
    exported: float
    digest: str
    future: bool


class _Records:
    """The first pass: each hand-in graded into a compact record, nothing of the file kept."""

    def __init__(self, grader: Grader, now: datetime):
        self.grader = grader
        self.future_after = (now + FUTURE_TOLERANCE).timestamp()
        self.files: list[_File] = []
        self.results: list[Result] = []
        self._codes: dict[Result, int] = {}
        # Four bytes per number: a class never has 2**31 files, answers or distinct results.
        self.file = array("i")
        self.exercise = array("i")
        self.result = array("i")
        self.answered_at = array("d")
        self.stale = array("b")
        self.first = array("i")
        self.checks = array("i")
        self.revealed = array("b")
        self.problems: list[AnswerProblem] = []

    def add(self, submission: Submission) -> None:
        """Grade one hand-in and keep its record; nothing is kept if it fails."""
        handin = submission.handin
        graded, problems = self.grader.graded(handin, submission.source)
        key = learner_key(handin.learner)
        exported = _seconds(handin.exported)
        number = len(self.files)
        codes = [self._code(g[1]) for g in graded]
        firsts = [-1 if g[4] is None else self._code(g[4]) for g in graded]
        self.files.append(
            _File(
                submission.source,
                handin.learner,
                key,
                handin.mode,
                exported,
                submission.digest,
                exported > self.future_after,
            )
        )
        self.file.extend([number] * len(graded))
        self.exercise.extend([g[0] for g in graded])
        self.result.extend(codes)
        self.answered_at.extend([_seconds(g[3].answered_at) for g in graded])
        self.stale.extend([g[2] for g in graded])
        self.first.extend(firsts)
        self.checks.extend([min(g[3].checks, 2**31 - 1) for g in graded])
        self.revealed.extend([g[3].revealed for g in graded])
        self.problems.extend(problems)

    def _code(self, result: Result) -> int:
        """The number of ``result`` among the distinct results kept (equal results share one number)."""
        code = self._codes.get(result)
        if code is None:
            code = self._codes[result] = len(self.results)
            self.results.append(result)
        return code

    def merge(
        self, exercises: tuple[Exercise, ...], score_on: ScoreOn = ScoreOn.AUTO
    ) -> tuple[tuple[LearnerGrade, ...], AnswerSources]:
        """The second pass: one :class:`LearnerGrade` per learner, the newest answer to each exercise counting."""
        files = self.files
        keys = sorted({f.key for f in files})
        key_code = {key: number for number, key in enumerate(keys)}
        file_learner = np.array([key_code[f.key] for f in files], dtype=np.intp)
        tie = np.empty(len(files), dtype=np.intp)
        tie[sorted(range(len(files)), key=lambda i: (files[i].digest, files[i].source))] = np.arange(len(files))
        exported = np.nan_to_num(np.array([f.exported for f in files], dtype=float), nan=-np.inf)
        file = np.asarray(self.file, dtype=np.intp)
        exercise = np.asarray(self.exercise, dtype=np.intp)
        answered = np.asarray(self.answered_at, dtype=float)
        learner = file_learner[file]
        order = np.lexsort((tie[file], exported[file], np.nan_to_num(answered, nan=-np.inf), exercise, learner))
        last = np.ones(len(order), dtype=bool)
        if len(order):
            last[:-1] = (learner[order][1:] != learner[order][:-1]) | (exercise[order][1:] != exercise[order][:-1])
        counted = np.zeros(len(order), dtype=bool)
        counted[order[last]] = True

        newest_file = {}
        for number in sorted(range(len(files)), key=lambda i: (exported[i], tie[i])):
            newest_file[file_learner[number]] = number
        sources: list[list[str]] = [[] for _ in keys]
        future = [False] * len(keys)
        for number, record in enumerate(files):
            sources[file_learner[number]].append(record.source)
            future[file_learner[number]] = future[file_learner[number]] or record.future
        chosen = order[last]  # by learner, then exercise (book order)
        chosen_learner = learner[chosen]
        bounds = np.searchsorted(chosen_learner, np.arange(len(keys) + 1))
        results = self.results
        result_code = np.asarray(self.result, dtype=np.intp)[chosen].tolist()
        stale = np.asarray(self.stale, dtype=bool)[chosen].tolist()
        first_code = np.asarray(self.first, dtype=np.intp)[chosen].tolist()
        checks = np.asarray(self.checks, dtype=np.int64)[chosen].tolist()
        revealed = np.asarray(self.revealed, dtype=bool)[chosen].tolist()
        use_first = {e.id: score_on is ScoreOn.FIRST or (score_on is ScoreOn.AUTO and e.assessment) for e in exercises}
        learners = []
        for code in range(len(keys)):
            newest = files[newest_file[code]]
            start, end = int(bounds[code]), int(bounds[code + 1])
            last_results = tuple(results[c] for c in result_code[start:end])
            first_results = tuple(None if c < 0 else results[c] for c in first_code[start:end])
            stale_ids = frozenset(r.exercise for r, s in zip(last_results, stale[start:end], strict=True) if s)
            shown = frozenset(r.exercise for r, s in zip(last_results, revealed[start:end], strict=True) if s)
            counted_results = (
                last_results
                if not any(use_first.values())
                else tuple(
                    f if f is not None and use_first[r.exercise] else r
                    for f, r in zip(first_results, last_results, strict=True)
                )
            )
            learners.append(
                LearnerGrade(
                    newest.learner,
                    tuple(sorted(sources[code])),
                    newest.mode,
                    counted_results,
                    stale_ids,
                    future[code],
                    first=first_results,
                    last=last_results if counted_results is not last_results else (),
                    checks=tuple(checks[start:end]),
                    revealed=shown,
                )
            )
        provenance = AnswerSources(tuple(f.source for f in files), file_learner, file, exercise, answered, counted)
        return tuple(learners), provenance


@defer_full_gc
def grade_class(
    items: Iterable[Submission | Rejection],
    exercises: ExerciseSet | Iterable[Exercise],
    *,
    progress: bool = False,
    now: datetime | None = None,
    score_on: ScoreOn = ScoreOn.AUTO,
    forms: CheckForms | None = None,
    form_order: FormOrder | None = None,
    count_post: bool = False,
) -> ClassGrades:
    """Grade every hand-in of ``items`` (as :func:`~medialit.teacher.collect.gather` yields them).

    ``forms``, ``form_order`` and ``count_post`` are kept in the grades for the before-and-after columns of the
    gradebook (:mod:`medialit.teacher.prepost`); they change no result.
    """
    pool = tuple(exercises.exercises if isinstance(exercises, ExerciseSet) else exercises)
    records = _Records(Grader(pool), now or datetime.now(UTC))
    rejections: list[Rejection] = []
    for item in tqdm(items, desc="grading", unit="file", disable=not progress, leave=False):
        if isinstance(item, Rejection):
            rejections.append(item)
            continue
        try:
            records.add(item)
        except Exception as error:  # one file must never stop a class
            _log.info("unexpected error grading %s", item.source, exc_info=True)
            rejections.append(
                Rejection(
                    item.source,
                    FileReason.INTERNAL_ERROR,
                    f"medialit failed while grading it ({type(error).__name__}); please report this",
                )
            )
    records.grader.forget()  # the first pass is over: only the results the records use are kept
    learners, sources = records.merge(pool, ScoreOn(score_on))
    return ClassGrades(
        pool,
        learners,
        tuple(sorted(rejections, key=lambda r: (r.source, str(r.reason)))),
        tuple(sorted(records.problems, key=lambda p: (p.source, p.reason == MORE_PROBLEMS))),
        graded_files=len(records.files),
        sources=sources,
        future_exports=tuple(sorted(f.source for f in records.files if f.future)),
        score_on=ScoreOn(score_on),
        forms=forms or CheckForms(),
        form_order=form_order or FormOrder(),
        count_post=count_post,
    )


def grade_paths(
    paths: Iterable[str | Path],
    exercises: ExerciseSet | Iterable[Exercise],
    *,
    progress: bool = False,
    score_on: ScoreOn = ScoreOn.AUTO,
    forms: CheckForms | None = None,
    form_order: FormOrder | None = None,
    count_post: bool = False,
) -> ClassGrades:
    """Read and grade the hand-ins under ``paths``, one file at a time (see :func:`grade_class`)."""
    return grade_class(
        gather(paths),
        exercises,
        progress=progress,
        score_on=score_on,
        forms=forms,
        form_order=form_order,
        count_post=count_post,
    )
