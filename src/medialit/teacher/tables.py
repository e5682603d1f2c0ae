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
from collections import Counter

import pandas as pd

from medialit.scoring import Verdict, max_score
from medialit.teacher.grade import ClassGrades

__all__ = ["RESULT_COLUMNS", "gradebook", "items", "results", "skill_maxima"]

RESULT_COLUMNS = ["learner", "exercise", "skill", "item", "verdict", "credit", "score", "max_score", "stale"]
ITEM_COLUMNS = ["exercise", "skill", "item", "kind", "answered", "count", "share", "mean_credit", "discrimination"]
TOP_FALSE_ALARMS = 3
"""False alarms listed per exercise in the item analysis."""
GROUP_SHARE = 0.27
"""Share of learners in the upper and the lower group of the discrimination index (Kelley's 27 %)."""


def results(grades: ClassGrades) -> pd.DataFrame:
    """Long results: one row per learner × exercise × item."""
    skills = {e.id: str(e.skill) for e in grades.exercises}
    columns: dict[str, list] = {name: [] for name in RESULT_COLUMNS}
    for learner in grades.learners:
        for result in learner.results:
            stale = result.exercise in learner.stale
            for item in result.items:
                columns["learner"].append(learner.learner)
                columns["exercise"].append(result.exercise)
                columns["skill"].append(skills[result.exercise])
                columns["item"].append(item.id)
                columns["verdict"].append(str(item.verdict))
                columns["credit"].append(item.credit)
                columns["score"].append(result.score)
                columns["max_score"].append(result.max_score)
                columns["stale"].append(stale)
    frame = pd.DataFrame(columns)
    return frame.astype({"credit": float, "score": float, "max_score": float, "stale": bool})


def skill_maxima(grades: ClassGrades) -> pd.Series:
    """Points available per skill, for every learner."""
    maxima: dict[str, float] = {}
    for exercise in grades.exercises:
        maxima[str(exercise.skill)] = maxima.get(str(exercise.skill), 0.0) + max_score(exercise)
    return pd.Series(maxima, name="max", dtype=float)


def gradebook(grades: ClassGrades) -> pd.DataFrame:
    """One row per learner: total, max, percent and per-skill percent."""
    skills = {e.id: str(e.skill) for e in grades.exercises}
    maxima = skill_maxima(grades)
    total_max = grades.max_score
    problems = Counter(p.source for p in grades.answer_problems)
    rows = []
    for learner in grades.learners:
        per_skill = dict.fromkeys(maxima.index, 0.0)
        for result in learner.results:
            per_skill[skills[result.exercise]] += result.score
        total = learner.score
        rows.append({
            "learner": learner.learner,
            "mode": str(learner.mode),
            "answered": len(learner.results),
            "total": total,
            "max": total_max,
            "percent": round(100 * total / total_max, 1) if total_max else 0.0,
            **{skill: round(100 * per_skill[skill] / maxima[skill], 1) if maxima[skill] else 0.0
               for skill in maxima.index},
            "stale": len(learner.stale),
            "not_graded": problems[learner.source],
            "source": learner.source,
        })
    columns = ["learner", "mode", "answered", "total", "max", "percent", *maxima.index, "stale", "not_graded",
               "source"]
    return pd.DataFrame(rows, columns=columns)


def _groups(grades: ClassGrades) -> tuple[set[int], set[int]]:
    """Indexes of the learners in the upper and the lower 27 % by total (ties broken by position, which is by name)."""
    count = len(grades.learners)
    size = max(1, math.ceil(GROUP_SHARE * count)) if count >= 2 else 0
    ranked = sorted(range(count), key=lambda i: (grades.learners[i].score, -i))
    return set(ranked[count - size:]), set(ranked[:size])


def items(grades: ClassGrades) -> pd.DataFrame:
    """Item analysis: easiness and discrimination of every target, and the commonest false alarms."""
    upper, lower = _groups(grades)
    answered: Counter[str] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    credit: Counter[tuple[str, str]] = Counter()
    found_upper: Counter[tuple[str, str]] = Counter()
    found_lower: Counter[tuple[str, str]] = Counter()
    answered_upper: Counter[str] = Counter()
    answered_lower: Counter[str] = Counter()
    alarms: Counter[tuple[str, str]] = Counter()
    for index, learner in enumerate(grades.learners):
        for result in learner.results:
            answered[result.exercise] += 1
            answered_upper[result.exercise] += index in upper
            answered_lower[result.exercise] += index in lower
            for item in result.items:
                key = (result.exercise, item.id)
                if item.verdict is Verdict.FALSE_ALARM:
                    alarms[key] += 1
                elif item.verdict is Verdict.FOUND:
                    found[key] += 1
                    credit[key] += item.credit
                    found_upper[key] += index in upper
                    found_lower[key] += index in lower
    rows = []
    for exercise in grades.exercises:
        total = answered[exercise.id]
        if exercise.options:
            targets = [o.id for o in exercise.options if o.correct]
        else:
            targets = [t.id for t in exercise.targets] or ["none"]
        for item_id in targets:
            key = (exercise.id, item_id)
            up, low = answered_upper[exercise.id], answered_lower[exercise.id]
            discrimination = (found_upper[key] / up - found_lower[key] / low) if up and low else math.nan
            rows.append({
                "exercise": exercise.id, "skill": str(exercise.skill), "item": item_id, "kind": "target",
                "answered": total, "count": found[key], "share": found[key] / total if total else math.nan,
                "mean_credit": credit[key] / total if total else math.nan,
                "discrimination": round(discrimination, 3) if not math.isnan(discrimination) else math.nan,
            })
        commonest = sorted(((n, item) for (ex, item), n in alarms.items() if ex == exercise.id),
                           key=lambda pair: (-pair[0], pair[1]))[:TOP_FALSE_ALARMS]
        for count, item_id in commonest:
            rows.append({
                "exercise": exercise.id, "skill": str(exercise.skill), "item": item_id, "kind": "false_alarm",
                "answered": total, "count": count, "share": count / total, "mean_credit": math.nan,
                "discrimination": math.nan,
            })
    frame = pd.DataFrame(rows, columns=ITEM_COLUMNS)
    return frame.astype({"answered": int, "count": int, "share": float, "mean_credit": float,
                         "discrimination": float})
