"""Highlight: mark the sentences that hold what the prompt asks for, optionally saying which kind each is.

Scoring is net-correct over sentences (as H5P "Mark the Words" and PrairieLearn's checkbox rule), with partial
credit by overlap (as SemEval-2020 Task 11's span recall): a target whose quote covers *k* sentences earns the share
of those *k* sentences marked with the target's kind. Every mark that matches no target costs one point. With no
labels the kind is ``None``. ``score = max(0, Σ credit − false alarms)``, out of one point per target.

An exercise without targets asks whether there is anything at all; the right answer is ``"none": true``. "There is
none" is a valid answer to every highlight exercise (an exam offers it everywhere, so that its presence tells nothing);
where there are targets it is a false alarm costing one point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.model import Exercise
from medialit.scoring.common import expect_keys, expect_list, net_score
from medialit.scoring.messages import MESSAGES
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = ["HighlightAnswer", "examples", "grade", "parse"]


@dataclass(frozen=True)
class HighlightAnswer:
    """Marked sentences with their kinds, or the claim that there is nothing to mark."""

    marks: frozenset[tuple[str, str | None]]
    """(unit id, label id or ``None``) pairs."""
    none: bool = False
    """The learner answered "There is none"."""


def parse(exercise: Exercise, raw: Any) -> HighlightAnswer:
    """Read ``{"marks": [{"unit": ..., "label": ...}], "none": false}``."""
    raw = expect_keys(raw, {"marks", "none"}, {"marks"})
    none = raw.get("none", False)
    if not isinstance(none, bool):
        raise FormatError("none must be true or false")
    known = exercise.unit_order
    labels = set(exercise.label_ids)
    marks = set()
    for mark in expect_list(raw["marks"], "marks"):
        mark = expect_keys(mark, {"unit", "label"}, {"unit"})
        unit, label = mark["unit"], mark.get("label")
        if not isinstance(unit, str) or unit not in known:
            raise FormatError(f"there is no sentence {unit!r} in this exercise")
        if labels and (not isinstance(label, str) or label not in labels):
            raise FormatError(f"sentence {unit!r} needs a kind, one of {sorted(labels)}, not {label!r}")
        if not labels and label is not None:
            raise FormatError("this exercise takes no kinds; label must be null")
        marks.add((unit, label))
    if none and marks:
        raise FormatError("an answer cannot both mark sentences and say there is none")
    return HighlightAnswer(frozenset(marks), none)


def _false_alarm(exercise: Exercise, unit: str, label: str | None) -> ItemResult:
    if any(unit in t.anchors[0].units for t in exercise.targets):
        explanation = MESSAGES["wrong_kind"]
    else:
        explanation = next(
            (d.explanation for d in exercise.distractors if unit in d.anchors[0].units),
            MESSAGES["unlisted_passage"],
        )
    item_id = f"unit:{unit}" + (f"@{label}" if label is not None else "")
    return ItemResult(item_id, Verdict.FALSE_ALARM, 1.0, explanation, (unit,), label)


def maximum(exercise: Exercise) -> float:
    """Points available: one per target (one for the answer "there is none" when there is no target)."""
    return float(len(exercise.targets) or 1)


def grade(exercise: Exercise, answer: HighlightAnswer) -> Result:
    """Score ``answer``; see the module docstring for the rule."""
    items: list[ItemResult] = []
    earned = 0.0
    lost = 0.0
    marks = answer.marks
    wanted = [[(unit, target.label) for unit in target.anchors[0].units] for target in exercise.targets]
    for target, keys in zip(exercise.targets, wanted, strict=True):
        units = target.anchors[0].units
        credit = sum(map(marks.__contains__, keys)) / len(units)
        earned += credit
        verdict = Verdict.FOUND if credit > 0 else Verdict.MISSED
        items.append(ItemResult(target.id, verdict, credit, target.explanation, units, target.label))
    order = exercise.unit_order
    for unit, label in sorted(marks.difference(*wanted), key=lambda m: (order[m[0]], m[1] or "")):
        items.append(_false_alarm(exercise, unit, label))
        lost += 1.0
    if not exercise.targets:
        verdict = Verdict.FOUND if answer.none else Verdict.MISSED
        earned += 1.0 if answer.none else 0.0
        items.insert(0, ItemResult("none", verdict, 1.0 if answer.none else 0.0, exercise.none_feedback))
    elif answer.none:
        explanation = exercise.none_feedback or MESSAGES["none_but_there_is"]
        items.append(ItemResult("none", Verdict.FALSE_ALARM, 1.0, explanation))
        lost += 1.0
    max_score = maximum(exercise)
    return Result(exercise.id, min(max_score, net_score(earned, lost)), max_score, tuple(items))


def examples(exercise: Exercise) -> Examples:
    """A full answer, an empty (or wrong) one, and one naming a sentence that does not exist."""
    if exercise.targets:
        marks = [
            {"unit": unit, "label": target.label}
            for target in exercise.targets
            for unit in target.anchors[0].units
        ]
        correct: dict = {"marks": marks}
        incorrect: dict = {"marks": []}
    else:
        correct = {"marks": [], "none": True}
        first = exercise.unit_ids[0]
        label = exercise.label_ids[0] if exercise.labels else None
        incorrect = {"marks": [{"unit": first, "label": label}]}
    return Examples(correct, incorrect, {"marks": [{"unit": "no-such-sentence", "label": None}]})
