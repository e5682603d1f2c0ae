"""The before-and-after check: each learner's first (pre) and second (post) check form, and the gain between them.

Which exercises make up forms A and B comes from the book (:mod:`medialit.forms`); which form a learner did first
from the teacher's file or the hash of the name (:class:`~medialit.forms.FormOrder`). A learner *took* a form when
they answered at least one of its exercises; an unanswered exercise of a form taken scores 0. The check forms are kept
apart from the practice score: they never enter ``total``, ``max`` or ``percent``, except the post form when the
teacher asks for it (``count_post``). The pre form never counts.

Columns (one row per graded learner), in :func:`prepost_table`'s order:

    first_form, form_order, pre_percent, post_percent, gain, then per skill of the forms
    <skill>_pre_percent, <skill>_post_percent, <skill>_gain

``first_form`` is ``A`` or ``B``; ``form_order`` says what decided it (``file``: the teacher's file, ``name``: the
hash of the name). ``pre_percent`` and ``post_percent`` are percents of the form's points (empty when the learner did
not take that form); ``gain`` is ``post_percent - pre_percent`` in percentage points (empty unless the learner took
both). The per-skill columns are the same over the points of one skill.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from medialit.forms import Form
from medialit.model import Exercise, Skill
from medialit.scoring import max_score
from medialit.teacher.grade import ClassGrades, LearnerGrade

__all__ = ["FORM_COLUMNS", "Paired", "excluded", "form_skills", "paired", "prepost_table"]

FORM_COLUMNS = ["first_form", "form_order", "pre_percent", "post_percent", "gain"]
"""The columns of :func:`prepost_table` before the per-skill ones."""


def _points(exercises: Iterable[Exercise], skill: str | None = None) -> float:
    return sum(max_score(e) for e in exercises if skill is None or str(e.skill) == skill)


def _form_exercises(grades: ClassGrades, form: Form) -> list[Exercise]:
    ids = set(grades.forms.of(form))
    return [e for e in grades.exercises if e.id in ids]


def form_skills(grades: ClassGrades) -> list[str]:
    """The skills with points in both forms, in the order of :class:`~medialit.model.Skill` (none without forms)."""
    if not grades.forms:
        return []
    a, b = _form_exercises(grades, Form.A), _form_exercises(grades, Form.B)
    return [str(s) for s in Skill if _points(a, str(s)) and _points(b, str(s))]


def excluded(grades: ClassGrades, learner: LearnerGrade) -> frozenset[str]:
    """The exercises kept out of this learner's total: both forms, or only the pre form with ``count_post``."""
    if not grades.forms:
        return frozenset()
    first = grades.form_order.first(learner.learner)
    kept_out = set(grades.forms.of(first))
    if not grades.count_post:
        kept_out.update(grades.forms.of(first.other))
    return frozenset(kept_out)


def _percent(scores: dict[str, float], exercises: list[Exercise], skill: str | None = None) -> float:
    """Percent of the points of ``exercises`` (of ``skill`` only, if given) earned; NaN when the learner answered
    none of ``exercises`` (whatever the skill): a form taken scores its unanswered exercises 0."""
    chosen = [e for e in exercises if skill is None or str(e.skill) == skill]
    points = _points(chosen)
    if not points or not any(e.id in scores for e in exercises):
        return math.nan
    return round(100 * sum(scores.get(e.id, 0.0) for e in chosen) / points, 1)


def _gain(pre: float, post: float) -> float:
    return round(post - pre, 1) if not (math.isnan(pre) or math.isnan(post)) else math.nan


def prepost_table(grades: ClassGrades) -> pd.DataFrame:
    """One row per learner with their form order, pre and post percents and gain (empty frame without forms)."""
    if not grades.forms:
        return pd.DataFrame(index=range(len(grades.learners)))
    skills = form_skills(grades)
    forms = {form: _form_exercises(grades, form) for form in Form}
    rows = []
    for learner in grades.learners:
        first = grades.form_order.first(learner.learner)
        scores = {r.exercise: r.score for r in learner.results}
        pre, post = forms[first], forms[first.other]
        row: dict[str, object] = {
            "first_form": str(first),
            "form_order": grades.form_order.decided_by(learner.learner),
        }
        row["pre_percent"], row["post_percent"] = _percent(scores, pre), _percent(scores, post)
        row["gain"] = _gain(_percent(scores, pre), _percent(scores, post))
        for skill in skills:
            before, after = _percent(scores, pre, skill), _percent(scores, post, skill)
            row[f"{skill}_pre_percent"], row[f"{skill}_post_percent"] = before, after
            row[f"{skill}_gain"] = _gain(before, after)
        rows.append(row)
    columns = FORM_COLUMNS + [f"{s}_{c}" for s in skills for c in ("pre_percent", "post_percent", "gain")]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({c: float for c in columns[2:]})


@dataclass(frozen=True)
class Paired:
    """The class before and after, for the report."""

    both: int
    """Learners who took both forms."""
    only_one: int
    """Learners who took one form only."""
    skills: list[str]
    """The skills of the forms, in book order."""
    mean_pre: dict[str, float]
    """Per skill, the mean percent on the first form of the learners who took both forms (NaN when none did)."""
    mean_post: dict[str, float]
    """The same on the second form."""
    mean_gain: dict[str, float]
    """Per skill, the mean gain of the learners who took both forms (NaN when none did)."""
    pairs: dict[str, list[tuple[float, float]]]
    """Per skill, each learner's (pre, post) percent, for the learners who took both forms."""


def paired(table: pd.DataFrame, skills: list[str]) -> Paired:
    """Counts, mean gains and (pre, post) pairs per skill, from :func:`prepost_table`."""
    if "pre_percent" not in table:
        return Paired(0, 0, [], {}, {}, {}, {})
    took_pre, took_post = table["pre_percent"].notna(), table["post_percent"].notna()
    both = took_pre & took_post
    pairs = {
        s: list(zip(table.loc[both, f"{s}_pre_percent"], table.loc[both, f"{s}_post_percent"], strict=True))
        for s in skills
    }

    def mean(column: str) -> dict[str, float]:
        return {s: round(float(table.loc[both, f"{s}_{column}"].mean()), 1) if both.any() else math.nan for s in skills}

    return Paired(
        int(both.sum()),
        int((took_pre ^ took_post).sum()),
        skills,
        mean("pre_percent"),
        mean("post_percent"),
        mean("gain"),
        pairs,
    )
