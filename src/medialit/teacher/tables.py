"""The class's results as pandas tables: long results, the gradebook and the item analysis.

``results`` (``results.csv``): one row per learner × exercise × item, for every graded answer.

    learner, exercise, skill, item, verdict, credit, score, max_score, stale, first_score, checks, revealed

    ``item`` is a target's or option's id, ``none`` ("There is none"), or a false alarm: ``unit:<sentence>`` (with
    ``@<kind>`` in a labelled exercise), ``pair:<sentence>|<sentence>`` or a wrong option's id. ``verdict`` is
    ``found``, ``missed``, ``false_alarm`` or ``discussion`` (an open question: never scored, credit 0); ``credit``
    is what the item adds (found) or costs (false alarm).
    ``score`` and ``max_score`` are the *exercise's* and repeat on each of its items: take one row per
    (learner, exercise) before adding them up. ``stale`` is true when the exercise changed after the learner answered.
    How the answer was reached repeats on each item too: ``first_score`` is the score of the first answer the learner
    checked (empty when unknown: a version 1 hand-in with more than one check), ``checks`` how many times they pressed
    Check, ``revealed`` whether the answer was shown to them. ``score`` is that of the answer counted (``medialit
    grade --score``).

``gradebook`` (``gradebook.csv``): one row per graded learner.

    learner, mode, answered, total, max, percent, <one column per skill>, [the check forms' columns], scored_on,
    first_try_total, first_try_percent, first_unknown, checks, revealed, stale, not_graded, future_export, files,
    source

    One learner is one row: the files of one learner (names compared after Unicode normalisation, case folding,
    trimming and removing zero-width characters) are merged, the newest answer to each exercise counting (see
    :mod:`medialit.teacher.grade`). ``learner`` and ``mode`` are those of the learner's newest file. ``total`` is the
    sum of the learner's exercise scores; ``max`` is the same for everyone (every exercise in the book, answered or
    not, unanswered scoring 0); ``percent`` = 100 × total / max. Each skill column is the learner's percent of that
    skill's points. ``scored_on`` says which answers count (``medialit grade --score``: auto, first or last).
    ``first_try_total`` adds up the first answers checked (an unknown first try counts its last answer;
    ``first_unknown`` counts those), ``first_try_percent`` is its percent of ``max``. ``checks`` counts presses of
    Check over every answer; ``revealed`` counts the exercises whose answer was shown to the learner before the last
    answer (by "Show answer", or by the list of what was missed). ``stale`` counts stale answers, ``not_graded`` the
    lines of ``rejected.csv`` about the learner's files (answers and fields left out). ``future_export`` is true when a
    file says it was exported in the future (a wrong clock or an edited file: check it). ``files`` counts the files
    merged; ``source`` names them (``; `` between them).

    When the book has check forms (:mod:`medialit.forms`), they are reported apart: ``first_form``, ``form_order``,
    ``pre_percent``, ``post_percent``, ``gain`` and the same three per skill (:mod:`medialit.teacher.prepost`). Their
    exercises stay out of ``total``, ``max``, ``percent``, the skill columns and the first-try columns; with ``medialit
    grade --count-post`` the learner's second (post) form counts toward ``total``, ``max`` and ``percent``, so that
    ``max`` may then differ between learners if the two forms have different maxima.

``sources`` (``sources.csv``): for every learner who handed in more than one file, one row per graded answer read.

    learner, exercise, status, source, answered_at

    ``status`` is ``counted`` (the answer in ``results.csv``) or ``superseded`` (a newer answer to the same exercise
    counts instead). A learner with one file has every answer from the file in their gradebook ``source``.

``items`` (``items.csv``): item analysis, one row per target (and correct option), then the commonest false alarms.

    exercise, skill, item, kind, answered, count, share, mean_credit, discrimination

    ``kind`` is ``target``, ``false_alarm`` or ``view`` (a reflection's option: ``count`` learners chose it; a
    reflection is never scored). ``answered`` counts learners who answered the exercise; ``count`` those
    who found the target (any credit) or made the false alarm; ``share`` = count / answered (the item's easiness).
    ``discrimination`` (targets only) is the upper-minus-lower 27 % index: the share who found it among the 27 % of
    learners with the highest total minus the share among the 27 % with the lowest (from −1 to 1; below about 0.2 the
    item tells strong and weak learners apart poorly). Up to three false alarms per exercise are listed, commonest
    first.
"""

from __future__ import annotations

import math
import weakref
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from medialit.forms import Form
from medialit.kinds import kind_of
from medialit.scoring import ItemResult, Result, Verdict, max_score
from medialit.teacher import prepost
from medialit.teacher.gcdefer import defer_full_gc
from medialit.teacher.grade import ClassGrades

__all__ = [
    "RESULT_COLUMNS",
    "SOURCE_COLUMNS",
    "gradebook",
    "items",
    "result_chunks",
    "results",
    "skill_maxima",
    "sources",
]

RESULT_COLUMNS = [
    "learner",
    "exercise",
    "skill",
    "item",
    "verdict",
    "credit",
    "score",
    "max_score",
    "stale",
    "first_score",
    "checks",
    "revealed",
]
ITEM_COLUMNS = ["exercise", "skill", "item", "kind", "answered", "count", "share", "mean_credit", "discrimination"]
TOP_FALSE_ALARMS = 3
"""False alarms listed per exercise in the item analysis."""
GROUP_SHARE = 0.27
"""Share of learners in the upper and the lower group of the discrimination index (Kelley's 27 %)."""


@dataclass(frozen=True)
class _Answers:
    """The graded answers as indexes into the class's distinct results (a large class shares most of its results).

    An *answer* is one learner's result for one exercise; a *flat item* is one item of one distinct result; a *row* is
    one flat item of one answer, in the order of :func:`results`. Rows are made for a range of learners at a time
    (:meth:`rows`), so that a large class never holds all its rows at once.
    """

    results: list[Result]
    """The distinct results (by identity), in order of first use."""
    items: list[ItemResult]
    """The flat items, result by result."""
    lengths: np.ndarray
    """Per distinct result: its number of items."""
    first_item: np.ndarray
    """Per distinct result: the index of its first flat item."""
    item_result: np.ndarray
    """Per flat item: the index of its result in :attr:`results`."""
    answer_result: np.ndarray
    """Per answer: the index of its result."""
    answer_learner: np.ndarray
    """Per answer: the index of its learner in ``grades.learners``."""
    answer_stale: np.ndarray
    """Per answer: whether the exercise changed after the learner answered."""
    answer_first: np.ndarray
    """Per answer: the first try's score, NaN when unknown."""
    answer_checks: np.ndarray
    """Per answer: how many times the learner pressed Check."""
    answer_revealed: np.ndarray
    """Per answer: whether the answer was shown to the learner."""
    learner_start: np.ndarray
    """Per learner, and one more: the index of their first answer."""

    def rows(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Per row of the learners ``start`` to ``stop``: its flat item and its answer."""
        first, last = int(self.learner_start[start]), int(self.learner_start[stop])
        answer_result = self.answer_result[first:last]
        per_answer = self.lengths[answer_result]
        first_item = self.first_item[answer_result]
        first_row = np.cumsum(per_answer) - per_answer
        row_item = np.repeat(first_item - first_row, per_answer) + np.arange(int(per_answer.sum()), dtype=np.intp)
        row_answer = np.repeat(np.arange(first, last, dtype=np.intp), per_answer)
        return row_item, row_answer


_ANSWERS: dict[int, _Answers] = {}
"""The answers of every class alive, by the identity of its grades: :func:`results` and :func:`items` both use them.

Built once per class instead of once per chunk of results and once for the items: for 10,000 synthetic hand-ins,
making every chunk of results and the items took 2.3-2.4x the CPU time without it (0.9 s against 2.1 s), and 3.3-3.4x
for 20,000 (the cost without it grows with the square of the class)."""
LEARNERS_PER_CHUNK = 2_000
"""Learners whose rows are made at once (results are written, and items counted, chunk by chunk)."""


def _answers(grades: ClassGrades) -> _Answers:
    """The answers of ``grades``: Python work per answer and per distinct item, array work per row."""
    if id(grades) in _ANSWERS:
        return _ANSWERS[id(grades)]
    codes: dict[Result, int] = {}
    distinct: list[Result] = []
    # Per answer, compact arrays (a class of 100,000 has millions of answers).
    answers = array("l")
    stale = array("b")
    first = array("d")
    checks = array("q")
    revealed = array("b")
    sizes = array("l")
    nan = math.nan
    for learner in grades.learners:
        for result in learner.results:
            code = codes.get(result)
            if code is None:
                code = codes[result] = len(distinct)
                distinct.append(result)
            answers.append(code)
            stale.append(result.exercise in learner.stale)
            revealed.append(result.exercise in learner.revealed)
        first.extend([nan if f is None else f.score for f in learner.first_results])
        checks.extend([min(c, 2**62) for c in learner.checks] if learner.checks else [0] * len(learner.results))
        sizes.append(len(learner.results))
    lengths = np.array([len(r.items) for r in distinct], dtype=np.intp)
    answer_result = np.array(answers, dtype=np.intp)
    found = _ANSWERS[id(grades)] = _Answers(
        results=distinct,
        items=[item for result in distinct for item in result.items],
        lengths=lengths,
        first_item=np.cumsum(lengths) - lengths,
        item_result=np.repeat(np.arange(len(distinct), dtype=np.intp), lengths),
        answer_result=answer_result,
        answer_learner=np.repeat(np.arange(len(sizes), dtype=np.intp), sizes),
        answer_stale=np.array(stale, dtype=bool),
        answer_first=np.array(first, dtype=float),
        answer_checks=np.array(checks, dtype=np.int64),
        answer_revealed=np.array(revealed, dtype=bool),
        learner_start=np.concatenate([[0], np.cumsum(np.array(sizes, dtype=np.intp))]).astype(np.intp),
    )
    weakref.finalize(grades, _ANSWERS.pop, id(grades), None)
    return found


def _chunks(grades: ClassGrades) -> list[tuple[int, int]]:
    count = len(grades.learners)
    chunks = [(start, min(start + LEARNERS_PER_CHUNK, count)) for start in range(0, count, LEARNERS_PER_CHUNK)]
    return chunks or [(0, 0)]


@defer_full_gc
def results(grades: ClassGrades, start: int = 0, stop: int | None = None) -> pd.DataFrame:
    """Long results: one row per learner × exercise × item (of the learners ``start`` to ``stop``, by default all)."""
    stop = len(grades.learners) if stop is None else stop
    skills = {e.id: str(e.skill) for e in grades.exercises}
    answers = _answers(grades)
    item, row_answer = answers.rows(start, stop)
    result = answers.item_result[item]
    names = np.array([learner.learner for learner in grades.learners[start:stop]], dtype=object)
    verdicts = {verdict: str(verdict) for verdict in {i.verdict for i in answers.items}}
    columns = {
        "learner": names[answers.answer_learner[row_answer] - start],
        "exercise": np.array([r.exercise for r in answers.results], dtype=object)[result],
        "skill": np.array([skills[r.exercise] for r in answers.results], dtype=object)[result],
        "item": np.array([i.id for i in answers.items], dtype=object)[item],
        "verdict": np.array([verdicts[i.verdict] for i in answers.items], dtype=object)[item],
        "credit": np.array([i.credit for i in answers.items], dtype=float)[item],
        "score": np.array([r.score for r in answers.results], dtype=float)[result],
        "max_score": np.array([r.max_score for r in answers.results], dtype=float)[result],
        "stale": answers.answer_stale[row_answer],
        "first_score": answers.answer_first[row_answer],
        "checks": answers.answer_checks[row_answer],
        "revealed": answers.answer_revealed[row_answer],
    }
    frame = pd.DataFrame(columns if len(item) else {name: [] for name in RESULT_COLUMNS})
    return frame.astype(
        {
            "credit": float,
            "score": float,
            "max_score": float,
            "stale": bool,
            "first_score": float,
            "checks": "int64",
            "revealed": bool,
        }
    )


def result_chunks(grades: ClassGrades) -> Iterator[pd.DataFrame]:
    """:func:`results` in pieces of :data:`LEARNERS_PER_CHUNK` learners, for writing a large class."""
    for start, stop in _chunks(grades):
        yield results(grades, start, stop)


SOURCE_COLUMNS = ["learner", "exercise", "status", "source", "answered_at"]


def sources(grades: ClassGrades) -> pd.DataFrame:
    """Every graded answer of every learner who handed in more than one file: counted or superseded, and from where."""
    found = grades.sources
    if found is None or not len(found.file):
        return pd.DataFrame({name: [] for name in SOURCE_COLUMNS}, dtype=object)
    files_per_learner = np.bincount(found.file_learner, minlength=len(grades.learners))
    answer_learner = found.file_learner[found.file]
    keep = np.flatnonzero(files_per_learner[answer_learner] > 1)
    keep = keep[np.lexsort((found.file[keep], found.exercise[keep], answer_learner[keep]))]
    names = np.array([learner.learner for learner in grades.learners], dtype=object)
    exercise_ids = np.array([e.id for e in grades.exercises], dtype=object)
    files = np.array(found.files, dtype=object)
    return pd.DataFrame(
        {
            "learner": names[answer_learner[keep]],
            "exercise": exercise_ids[found.exercise[keep]],
            "status": np.where(found.counted[keep], "counted", "superseded").astype(object),
            "source": files[found.file[keep]],
            "answered_at": np.array([_stamp(t) for t in found.answered_at[keep]], dtype=object),
        },
        columns=SOURCE_COLUMNS,
    )


def _stamp(seconds: float) -> str:
    if math.isnan(seconds):
        return ""
    return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")


def skill_maxima(grades: ClassGrades) -> pd.Series:
    """Points available per skill, for every learner; a skill with no points (reflections only) is left out.

    The check forms' exercises are left out: they are reported apart (:mod:`medialit.teacher.prepost`).
    """
    maxima: dict[str, float] = {}
    checks = set(grades.forms.of(Form.A)) | set(grades.forms.of(Form.B)) if grades.forms else set()
    for exercise in grades.exercises:
        if exercise.id in checks:
            continue
        maxima[str(exercise.skill)] = maxima.get(str(exercise.skill), 0.0) + max_score(exercise)
    return pd.Series({skill: points for skill, points in maxima.items() if points}, name="max", dtype=float)


@defer_full_gc
def gradebook(grades: ClassGrades) -> pd.DataFrame:
    """One row per learner: total, max, percent, per-skill percent, and how the answers were reached."""
    skill_of = {e.id: str(e.skill) for e in grades.exercises}
    maxima = skill_maxima(grades)
    skills = list(maxima.index)
    points = {e.id: max_score(e) for e in grades.exercises}
    checks = set(grades.forms.of(Form.A)) | set(grades.forms.of(Form.B)) if grades.forms else set()
    practice_max = grades.max_score - sum(points[i] for i in checks if i in points)
    problems = Counter(p.source for p in grades.answer_problems)
    totals = []
    maxes = []
    first_totals = []
    earned: dict[str, list[float]] = {skill: [] for skill in skills}
    for learner in grades.learners:
        per_skill = dict.fromkeys(skills, 0.0)
        for result in learner.results:
            skill = skill_of[result.exercise]
            if skill in per_skill and result.exercise not in checks:
                per_skill[skill] += result.score
        for skill in skills:
            earned[skill].append(per_skill[skill])
        if checks:
            kept_out = prepost.excluded(grades, learner)
            totals.append(sum(r.score for r in learner.results if r.exercise not in kept_out))
            maxes.append(grades.max_score - sum(points[i] for i in kept_out if i in points))
            first_totals.append(
                sum(
                    (f if f is not None else r).score
                    for f, r in zip(learner.first_results, learner.last_results, strict=True)
                    if r.exercise not in checks
                )
            )
        else:
            totals.append(learner.score)
            maxes.append(grades.max_score)
            first_totals.append(learner.first_try_score)
    forms = prepost.prepost_table(grades)
    columns = {
        "learner": [learner.learner for learner in grades.learners],
        "mode": [str(learner.mode) for learner in grades.learners],
        "answered": [len(learner.results) for learner in grades.learners],
        "total": totals,
        "max": maxes,
        "percent": [round(100 * total / most, 1) if most else 0.0 for total, most in zip(totals, maxes, strict=True)],
        **{skill: _percent(earned[skill], maxima[skill]) for skill in skills},
        **{name: forms[name].tolist() for name in forms.columns},
        "scored_on": [str(grades.score_on)] * len(totals),
        "first_try_total": first_totals,
        "first_try_percent": [round(100 * total / practice_max, 1) if practice_max else 0.0 for total in first_totals],
        "first_unknown": [learner.first_unknown for learner in grades.learners],
        "checks": [learner.total_checks for learner in grades.learners],
        "revealed": [len(learner.revealed) for learner in grades.learners],
        "stale": [len(learner.stale) for learner in grades.learners],
        "not_graded": [sum(problems[source] for source in learner.sources) for learner in grades.learners],
        "future_export": [learner.future_export for learner in grades.learners],
        "files": [len(learner.sources) for learner in grades.learners],
        "source": [learner.source for learner in grades.learners],
    }
    names = [
        "learner",
        "mode",
        "answered",
        "total",
        "max",
        "percent",
        *skills,
        *forms.columns,
        "scored_on",
        "first_try_total",
        "first_try_percent",
        "first_unknown",
        "checks",
        "revealed",
        "stale",
        "not_graded",
        "future_export",
        "files",
        "source",
    ]
    return pd.DataFrame(columns if grades.learners else [], columns=names)


def _percent(earned: list[float], maximum: np.float64) -> list[float]:
    """Percent of ``maximum`` earned, to one decimal (NumPy's rounding, as the points available are a NumPy float)."""
    if not maximum:
        return [0.0] * len(earned)
    percents: list[float] = np.round(100 * np.array(earned, dtype=float) / maximum, 1).tolist()
    return percents


def _groups(grades: ClassGrades) -> tuple[set[int], set[int]]:
    """Indexes of the learners in the upper and the lower 27 % by total (ties broken by position, which is by name)."""
    count = len(grades.learners)
    size = max(1, math.ceil(GROUP_SHARE * count)) if count >= 2 else 0
    ranked = sorted(range(count), key=lambda i: (grades.learners[i].score, -i))
    return set(ranked[count - size :]), set(ranked[:size])


@defer_full_gc
def items(grades: ClassGrades) -> pd.DataFrame:
    """Item analysis: easiness and discrimination of every target, and the commonest false alarms."""
    upper, lower = _groups(grades)
    rows = _answers(grades)
    in_upper = np.zeros(len(grades.learners), dtype=bool)
    in_upper[list(upper)] = True
    in_lower = np.zeros(len(grades.learners), dtype=bool)
    in_lower[list(lower)] = True

    exercises: dict[str, int] = {}
    answer_exercise = np.array([exercises.setdefault(r.exercise, len(exercises)) for r in rows.results], dtype=np.intp)[
        rows.answer_result
    ]
    answer_upper, answer_lower = in_upper[rows.answer_learner], in_lower[rows.answer_learner]
    answered, answered_upper, answered_lower = (
        np.bincount(answer_exercise[mask], minlength=len(exercises)).tolist()
        for mask in (slice(None), answer_upper, answer_lower)
    )

    keys: dict[tuple[str, str], int] = {}
    count = len(rows.items)  # arrays filled from generators: no list of millions of Python objects on the way
    item_key = np.fromiter(
        (keys.setdefault((result.exercise, item.id), len(keys)) for result in rows.results for item in result.items),
        dtype=np.intp,
        count=count,
    )
    # A reflection's chosen view counts as "found": its rows say how many learners chose each view.
    found_verdicts = (Verdict.FOUND, Verdict.CHOSEN)
    item_found = np.fromiter((i.verdict in found_verdicts for i in rows.items), dtype=bool, count=count)
    item_alarm = np.fromiter((i.verdict is Verdict.FALSE_ALARM for i in rows.items), dtype=bool, count=count)
    item_credit = np.fromiter((i.credit for i in rows.items), dtype=float, count=count)
    counts = np.zeros((4, len(keys)), dtype=np.int64)
    credit_sum = np.zeros(len(keys), dtype=float)
    for start, stop in _chunks(grades):
        row_item, row_answer = rows.rows(start, stop)
        key = item_key[row_item]
        found_row = item_found[row_item]
        for number, mask in enumerate(
            (
                found_row,
                found_row & answer_upper[row_answer],
                found_row & answer_lower[row_answer],
                item_alarm[row_item],
            )
        ):
            counts[number] += np.bincount(key[mask], minlength=len(keys))
        credit_sum += np.bincount(key[found_row], weights=item_credit[row_item][found_row], minlength=len(keys))
    found, found_upper, found_lower, alarms = (row.tolist() for row in counts)
    credit = credit_sum.tolist()
    alarmed: dict[str, list[tuple[int, str]]] = {}
    for (exercise_id, item_id), code in keys.items():
        if alarms[code]:
            alarmed.setdefault(exercise_id, []).append((alarms[code], item_id))

    rows_out = []
    for exercise in grades.exercises:
        place = exercises.get(exercise.id)
        total, up, low = (0, 0, 0) if place is None else (answered[place], answered_upper[place], answered_lower[place])
        for item_id, kind in kind_of(exercise).item_rows(exercise):
            item = keys.get((exercise.id, item_id))
            hits, hits_up, hits_low, earned = (
                (0, 0, 0, 0) if item is None else (found[item], found_upper[item], found_lower[item], credit[item])
            )
            discrimination = (hits_up / up - hits_low / low) if up and low and kind == "target" else math.nan
            rows_out.append(
                {
                    "exercise": exercise.id,
                    "skill": str(exercise.skill),
                    "item": item_id,
                    "kind": kind,
                    "answered": total,
                    "count": hits,
                    "share": hits / total if total else math.nan,
                    "mean_credit": earned / total if total else math.nan,
                    "discrimination": round(discrimination, 3) if not math.isnan(discrimination) else math.nan,
                }
            )
        commonest = sorted(alarmed.get(exercise.id, []), key=lambda pair: (-pair[0], pair[1]))[:TOP_FALSE_ALARMS]
        for count, item_id in commonest:
            rows_out.append(
                {
                    "exercise": exercise.id,
                    "skill": str(exercise.skill),
                    "item": item_id,
                    "kind": "false_alarm",
                    "answered": total,
                    "count": count,
                    "share": count / total,
                    "mean_credit": math.nan,
                    "discrimination": math.nan,
                }
            )
    frame = pd.DataFrame(rows_out, columns=ITEM_COLUMNS)
    return frame.astype({"answered": int, "count": int, "share": float, "mean_credit": float, "discrimination": float})
