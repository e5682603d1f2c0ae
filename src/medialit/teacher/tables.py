"""The class's results as pandas tables: long results, the gradebook and the item analysis.

``results`` (``results.csv``): one row per learner × exercise × item, for every graded answer.

    learner, exercise, skill, item, verdict, credit, score, max_score, stale

    ``item`` is a target's or option's id, ``none`` ("There is none"), or a false alarm: ``unit:<sentence>`` (with
    ``@<kind>`` in a labelled exercise), ``pair:<sentence>|<sentence>`` or a wrong option's id. ``verdict`` is
    ``found``, ``missed`` or ``false_alarm``; ``credit`` is what the item adds (found) or costs (false alarm).
    ``score`` and ``max_score`` are the *exercise's* and repeat on each of its items: take one row per
    (learner, exercise) before adding them up. ``stale`` is true when the exercise changed after the learner answered.

``gradebook`` (``gradebook.csv``): one row per graded learner.

    learner, mode, answered, total, max, percent, <one column per skill>, stale, not_graded, source

    ``total`` is the sum of the learner's exercise scores; ``max`` is the same for everyone (every exercise in the
    book, answered or not, unanswered scoring 0); ``percent`` = 100 × total / max. Each skill column is the
    learner's percent of that skill's points. ``stale`` counts stale answers, ``not_graded`` answers that were
    reported and left out; ``source`` is the file graded.

``items`` (``items.csv``): item analysis, one row per target (and correct option), then the commonest false alarms.

    exercise, skill, item, kind, answered, count, share, mean_credit, discrimination

    ``kind`` is ``target`` or ``false_alarm``. ``answered`` counts learners who answered the exercise; ``count`` those
    who found the target (any credit) or made the false alarm; ``share`` = count / answered (the item's easiness).
    ``discrimination`` (targets only) is the upper-minus-lower 27 % index: the share who found it among the 27 % of
    learners with the highest total minus the share among the 27 % with the lowest (from −1 to 1; below about 0.2 the
    item tells strong and weak learners apart poorly). Up to three false alarms per exercise are listed, commonest
    first.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from medialit.scoring import ItemResult, Result, Verdict, max_score
from medialit.teacher.gcdefer import defer_full_gc
from medialit.teacher.grade import ClassGrades

__all__ = ["RESULT_COLUMNS", "gradebook", "items", "results", "skill_maxima"]

RESULT_COLUMNS = ["learner", "exercise", "skill", "item", "verdict", "credit", "score", "max_score", "stale"]
ITEM_COLUMNS = ["exercise", "skill", "item", "kind", "answered", "count", "share", "mean_credit", "discrimination"]
TOP_FALSE_ALARMS = 3
"""False alarms listed per exercise in the item analysis."""
GROUP_SHARE = 0.27
"""Share of learners in the upper and the lower group of the discrimination index (Kelley's 27 %)."""


@dataclass(frozen=True)
class _Rows:
    """The long results as indexes into the class's distinct results (a large class shares most of its results).

    An *answer* is one learner's result for one exercise; a *flat item* is one item of one distinct result; a *row* is
    one flat item of one answer, in the order of :func:`results`.
    """

    results: list[Result]
    """The distinct results (by identity), in order of first use."""
    items: list[ItemResult]
    """The flat items, result by result."""
    item_result: np.ndarray
    """Per flat item: the index of its result in :attr:`results`."""
    answer_result: np.ndarray
    """Per answer: the index of its result."""
    answer_learner: np.ndarray
    """Per answer: the index of its learner in ``grades.learners``."""
    answer_stale: np.ndarray
    """Per answer: whether the exercise changed after the learner answered."""
    row_item: np.ndarray
    """Per row: the index of its flat item."""
    row_answer: np.ndarray
    """Per row: the index of its answer."""


_ROWS: dict[int, _Rows] = {}
"""The rows of every class alive, by the identity of its grades: :func:`results` and :func:`items` both use them."""


def _rows(grades: ClassGrades) -> _Rows:
    """The rows of ``grades``: Python work per answer and per distinct item, array work per row."""
    if id(grades) in _ROWS:
        return _ROWS[id(grades)]
    codes: dict[int, int] = {}
    distinct: list[Result] = []
    answers: list[int] = []
    stale: list[bool] = []
    sizes: list[int] = []
    for learner in grades.learners:
        for result in learner.results:
            code = codes.get(id(result))
            if code is None:
                code = codes[id(result)] = len(distinct)
                distinct.append(result)
            answers.append(code)
            stale.append(result.exercise in learner.stale)
        sizes.append(len(learner.results))
    lengths = np.array([len(r.items) for r in distinct], dtype=np.intp)
    answer_result = np.array(answers, dtype=np.intp)
    per_answer = lengths[answer_result]
    first_item = (np.cumsum(lengths) - lengths)[answer_result]
    first_row = np.cumsum(per_answer) - per_answer
    rows = _ROWS[id(grades)] = _Rows(
        results=distinct,
        items=[item for result in distinct for item in result.items],
        item_result=np.repeat(np.arange(len(distinct), dtype=np.intp), lengths),
        answer_result=answer_result,
        answer_learner=np.repeat(np.arange(len(sizes), dtype=np.intp), sizes),
        answer_stale=np.array(stale, dtype=bool),
        row_item=np.repeat(first_item - first_row, per_answer) + np.arange(int(per_answer.sum()), dtype=np.intp),
        row_answer=np.repeat(np.arange(len(answers), dtype=np.intp), per_answer),
    )
    weakref.finalize(grades, _ROWS.pop, id(grades), None)
    return rows


@defer_full_gc
def results(grades: ClassGrades) -> pd.DataFrame:
    """Long results: one row per learner × exercise × item."""
    skills = {e.id: str(e.skill) for e in grades.exercises}
    rows = _rows(grades)
    item = rows.row_item
    result = rows.item_result[item]
    names = np.array([learner.learner for learner in grades.learners], dtype=object)
    verdicts = {verdict: str(verdict) for verdict in {i.verdict for i in rows.items}}
    columns = {
        "learner": names[rows.answer_learner[rows.row_answer]],
        "exercise": np.array([r.exercise for r in rows.results], dtype=object)[result],
        "skill": np.array([skills[r.exercise] for r in rows.results], dtype=object)[result],
        "item": np.array([i.id for i in rows.items], dtype=object)[item],
        "verdict": np.array([verdicts[i.verdict] for i in rows.items], dtype=object)[item],
        "credit": np.array([i.credit for i in rows.items], dtype=float)[item],
        "score": np.array([r.score for r in rows.results], dtype=float)[result],
        "max_score": np.array([r.max_score for r in rows.results], dtype=float)[result],
        "stale": rows.answer_stale[rows.row_answer],
    }
    frame = pd.DataFrame(columns if len(item) else {name: [] for name in RESULT_COLUMNS})
    return frame.astype({"credit": float, "score": float, "max_score": float, "stale": bool})


def skill_maxima(grades: ClassGrades) -> pd.Series:
    """Points available per skill, for every learner."""
    maxima: dict[str, float] = {}
    for exercise in grades.exercises:
        maxima[str(exercise.skill)] = maxima.get(str(exercise.skill), 0.0) + max_score(exercise)
    return pd.Series(maxima, name="max", dtype=float)


@defer_full_gc
def gradebook(grades: ClassGrades) -> pd.DataFrame:
    """One row per learner: total, max, percent and per-skill percent."""
    skill_of = {e.id: str(e.skill) for e in grades.exercises}
    maxima = skill_maxima(grades)
    skills = list(maxima.index)
    total_max = grades.max_score
    problems = Counter(p.source for p in grades.answer_problems)
    totals = []
    earned: dict[str, list[float]] = {skill: [] for skill in skills}
    for learner in grades.learners:
        per_skill = dict.fromkeys(skills, 0.0)
        for result in learner.results:
            per_skill[skill_of[result.exercise]] += result.score
        for skill in skills:
            earned[skill].append(per_skill[skill])
        totals.append(learner.score)
    columns = {
        "learner": [learner.learner for learner in grades.learners],
        "mode": [str(learner.mode) for learner in grades.learners],
        "answered": [len(learner.results) for learner in grades.learners],
        "total": totals,
        "max": [total_max] * len(totals),
        "percent": [round(100 * total / total_max, 1) if total_max else 0.0 for total in totals],
        **{skill: _percent(earned[skill], maxima[skill]) for skill in skills},
        "stale": [len(learner.stale) for learner in grades.learners],
        "not_graded": [problems[learner.source] for learner in grades.learners],
        "source": [learner.source for learner in grades.learners],
    }
    names = ["learner", "mode", "answered", "total", "max", "percent", *skills, "stale", "not_graded", "source"]
    return pd.DataFrame(columns if grades.learners else [], columns=names)


def _percent(earned: list[float], maximum: np.float64) -> list[float]:
    """Percent of ``maximum`` earned, to one decimal (NumPy's rounding, as the points available are a NumPy float)."""
    if not maximum:
        return [0.0] * len(earned)
    return np.round(100 * np.array(earned, dtype=float) / maximum, 1).tolist()


def _groups(grades: ClassGrades) -> tuple[set[int], set[int]]:
    """Indexes of the learners in the upper and the lower 27 % by total (ties broken by position, which is by name)."""
    count = len(grades.learners)
    size = max(1, math.ceil(GROUP_SHARE * count)) if count >= 2 else 0
    ranked = sorted(range(count), key=lambda i: (grades.learners[i].score, -i))
    return set(ranked[count - size:]), set(ranked[:size])


@defer_full_gc
def items(grades: ClassGrades) -> pd.DataFrame:
    """Item analysis: easiness and discrimination of every target, and the commonest false alarms."""
    upper, lower = _groups(grades)
    rows = _rows(grades)
    in_upper = np.zeros(len(grades.learners), dtype=bool)
    in_upper[list(upper)] = True
    in_lower = np.zeros(len(grades.learners), dtype=bool)
    in_lower[list(lower)] = True

    exercises: dict[str, int] = {}
    answer_exercise = np.array([exercises.setdefault(r.exercise, len(exercises)) for r in rows.results],
                               dtype=np.intp)[rows.answer_result]
    answer_upper, answer_lower = in_upper[rows.answer_learner], in_lower[rows.answer_learner]
    answered, answered_upper, answered_lower = (
        np.bincount(answer_exercise[mask], minlength=len(exercises)).tolist()
        for mask in (slice(None), answer_upper, answer_lower))

    keys: dict[tuple[str, str], int] = {}
    item_key = np.array([keys.setdefault((result.exercise, item.id), len(keys))
                         for result in rows.results for item in result.items], dtype=np.intp)
    key = item_key[rows.row_item]
    found_row = np.array([i.verdict is Verdict.FOUND for i in rows.items], dtype=bool)[rows.row_item]
    alarm_row = np.array([i.verdict is Verdict.FALSE_ALARM for i in rows.items], dtype=bool)[rows.row_item]
    credit_row = np.array([i.credit for i in rows.items], dtype=float)[rows.row_item]
    found, found_upper, found_lower, alarms = (
        np.bincount(key[mask], minlength=len(keys)).tolist()
        for mask in (found_row, found_row & answer_upper[rows.row_answer], found_row & answer_lower[rows.row_answer],
                     alarm_row))
    credit = np.bincount(key[found_row], weights=credit_row[found_row], minlength=len(keys)).tolist()
    alarmed: dict[str, list[tuple[int, str]]] = {}
    for (exercise_id, item_id), code in keys.items():
        if alarms[code]:
            alarmed.setdefault(exercise_id, []).append((alarms[code], item_id))

    rows_out = []
    for exercise in grades.exercises:
        code = exercises.get(exercise.id)
        total, up, low = (0, 0, 0) if code is None else (answered[code], answered_upper[code], answered_lower[code])
        if exercise.options:
            targets = [o.id for o in exercise.options if o.correct]
        else:
            targets = [t.id for t in exercise.targets] or ["none"]
        for item_id in targets:
            code = keys.get((exercise.id, item_id))
            hits, hits_up, hits_low, earned = (0, 0, 0, 0) if code is None else (
                found[code], found_upper[code], found_lower[code], credit[code])
            discrimination = (hits_up / up - hits_low / low) if up and low else math.nan
            rows_out.append({
                "exercise": exercise.id, "skill": str(exercise.skill), "item": item_id, "kind": "target",
                "answered": total, "count": hits, "share": hits / total if total else math.nan,
                "mean_credit": earned / total if total else math.nan,
                "discrimination": round(discrimination, 3) if not math.isnan(discrimination) else math.nan,
            })
        commonest = sorted(alarmed.get(exercise.id, []), key=lambda pair: (-pair[0], pair[1]))[:TOP_FALSE_ALARMS]
        for count, item_id in commonest:
            rows_out.append({
                "exercise": exercise.id, "skill": str(exercise.skill), "item": item_id, "kind": "false_alarm",
                "answered": total, "count": count, "share": count / total, "mean_credit": math.nan,
                "discrimination": math.nan,
            })
    frame = pd.DataFrame(rows_out, columns=ITEM_COLUMNS)
    return frame.astype({"answered": int, "count": int, "share": float, "mean_credit": float,
                         "discrimination": float})
