"""Highlight: mark the sentences that hold what the prompt asks for, optionally saying which kind each is.

Scoring is net-correct over sentences (as H5P "Mark the Words" and PrairieLearn's checkbox rule), with partial
credit by overlap (as SemEval-2020 Task 11's span recall). One point per target:

- A target whose quote covers *k* sentences earns ``1/k`` for each of them marked with a kind the target accepts
  (its ``label`` or one of its ``also_accept`` kinds; with no labels the kind is ``None``).
- A target sentence marked, but only with kinds that no target on that sentence accepts, earns ``0.5/k`` (half
  credit for the right sentence); those marks cost nothing, and the feedback names the expected kind.
- A kind that no target on the sentence accepts, ticked on a target sentence whose every target already has a kind
  it accepts, costs ``0.5`` (so ticking every kind on the right sentence does not pay).
- Every mark on an innocent sentence (one no target covers) is a false alarm costing ``w = max(1, T / I)``, where
  *T* is the number of targets and *I* the number of innocent sentences. ``w`` is 1 whenever ``I >= T``; when most
  sentences are targets a wrong mark costs more, so that marking every sentence with any kinds scores
  ``max(0, T - I·w) = 0``, as marking nothing does. (Validation refuses ``I = 0`` with targets; ``w`` then counts
  ``I`` as 1.)

``score = max(0, Σ credit − Σ costs)``, at most the maximum, rounded to 9 decimal places (see
:func:`~medialit.scoring.common.tidy`).

An exercise without targets asks whether there is anything at all; the right answer is ``"none": true`` (one point,
``w = 1``). "There is none" is a valid answer to every highlight exercise (an exam offers it everywhere, so that its
presence tells nothing); where there are targets it is a false alarm costing ``w``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.kinds.highlight.rule import highlight_rule
from medialit.model import Exercise
from medialit.scoring.common import expect_id, expect_keys, expect_list, net_score, tidy
from medialit.scoring.messages import MESSAGES, kind_names
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = ["HALF", "HighlightAnswer", "examples", "grade", "innocent", "maximum", "parse", "rule", "weight"]


@dataclass(frozen=True)
class HighlightAnswer:
    """Marked sentences with their kinds, or the claim that there is nothing to mark."""

    marks: frozenset[tuple[str, str | None]]
    """(unit id, label id or ``None``) pairs."""
    none: bool = False
    """The learner answered "There is none"."""


def parse(exercise: Exercise, raw: Any) -> HighlightAnswer:
    """Read ``{"marks": [{"unit": ..., "label": ...}], "none": false}``."""
    raw = expect_keys(raw, ("marks", "none"), ("marks",))
    none = raw.get("none", False)
    if not isinstance(none, bool):
        raise FormatError("none_not_bool")
    known = exercise.unit_order
    labels = set(exercise.label_ids)
    marks = set()
    for mark in expect_list(raw["marks"], "marks"):
        mark = expect_keys(mark, ("unit", "label"), ("unit",), name="a mark")
        unit = expect_id(mark["unit"], known, "no_sentence")
        label = mark.get("label")
        if labels and (not isinstance(label, str) or label not in labels):
            raise FormatError("needs_kind", unit=unit, kinds=list(exercise.label_ids))
        if not labels and label is not None:
            raise FormatError("no_kinds")
        marks.add((unit, label))
    if none and marks:
        raise FormatError("marks_and_none")
    return HighlightAnswer(frozenset(marks), none)


HALF = 0.5
"""Credit for a target sentence marked only with other kinds; also the cost of a wrong kind beside a right one."""


def innocent(exercise: Exercise) -> int:
    """How many selectable sentences no target covers."""
    covered = {unit for target in exercise.targets for unit in target.anchors[0].units}
    return sum(unit not in covered for unit in exercise.unit_ids)


def weight(exercise: Exercise) -> float:
    """What one false alarm costs: ``max(1, T / I)`` (see the module docstring)."""
    return max(1.0, len(exercise.targets) / max(1, innocent(exercise)))


def _names(exercise: Exercise, kinds: tuple[str | None, ...]) -> str:
    names = {label.id: label.name for label in exercise.labels}
    return kind_names([names[kind] for kind in kinds if kind in names])


def _mark_id(unit: str, label: str | None) -> str:
    return f"unit:{unit}" + (f"@{label}" if label is not None else "")


def _wrong_kind(unit: str, label: str | None) -> ItemResult:
    return ItemResult(_mark_id(unit, label), Verdict.FALSE_ALARM, HALF, MESSAGES["wrong_kind"], (unit,), label)


def _false_alarm(exercise: Exercise, unit: str, label: str | None, cost: float) -> ItemResult:
    explanation = next(
        (d.explanation for d in exercise.distractors if unit in d.anchors[0].units),
        MESSAGES["unlisted_passage"],
    )
    return ItemResult(_mark_id(unit, label), Verdict.FALSE_ALARM, cost, explanation, (unit,), label)


def maximum(exercise: Exercise) -> float:
    """Points available: one per target (one for the answer "there is none" when there is no target)."""
    return float(len(exercise.targets) or 1)


def grade(exercise: Exercise, answer: HighlightAnswer) -> Result:
    """Score ``answer``; see the module docstring for the rule."""
    items: list[ItemResult] = []
    earned = 0.0
    lost = 0.0
    cost = weight(exercise)
    marked: dict[str, set[str | None]] = {}
    for unit, label in answer.marks:
        marked.setdefault(unit, set()).add(label)
    accepted: dict[str, set[str | None]] = {}  # target sentence -> every kind a target on it accepts
    for target in exercise.targets:
        for unit in target.anchors[0].units:
            accepted.setdefault(unit, set()).update(target.kinds)
    half: set[str] = set()  # target sentences credited only through kinds no target there accepts
    for target in exercise.targets:
        units = target.anchors[0].units
        shares = []
        for unit in units:
            kinds = marked.get(unit, set())
            if not kinds.isdisjoint(target.kinds):
                shares.append(1.0)
            elif kinds - accepted[unit]:
                shares.append(HALF)
                half.add(unit)
            else:
                shares.append(0.0)
        credit = sum(shares) / len(units)
        earned += credit
        explanation = target.explanation
        if HALF in shares:
            right = MESSAGES["right_sentence"].replace("{kind}", _names(exercise, target.kinds))
            explanation = f"{right} {explanation}" if explanation else right
        verdict = Verdict.FOUND if credit > 0 else Verdict.MISSED
        items.append(ItemResult(target.id, verdict, credit, explanation, units, target.label))
    order = exercise.unit_order
    for unit, label in sorted(answer.marks, key=lambda m: (order[m[0]], m[1] or "")):
        if unit not in accepted:
            items.append(_false_alarm(exercise, unit, label, cost))
            lost += cost
        elif label not in accepted[unit] and unit not in half:
            items.append(_wrong_kind(unit, label))
            lost += HALF
    if not exercise.targets:
        verdict = Verdict.FOUND if answer.none else Verdict.MISSED
        earned += 1.0 if answer.none else 0.0
        items.insert(0, ItemResult("none", verdict, 1.0 if answer.none else 0.0, exercise.none_feedback))
    elif answer.none:
        explanation = exercise.none_feedback or MESSAGES["none_but_there_is"]
        items.append(ItemResult("none", Verdict.FALSE_ALARM, cost, explanation))
        lost += cost
    max_score = maximum(exercise)
    return Result(exercise.id, min(max_score, tidy(net_score(earned, lost))), max_score, tuple(items))


def examples(exercise: Exercise) -> Examples:
    """A full answer, an empty (or wrong) one, and one naming a sentence that does not exist."""
    if exercise.targets:
        marks = [
            {"unit": unit, "label": target.label} for target in exercise.targets for unit in target.anchors[0].units
        ]
        correct: dict[str, Any] = {"marks": marks}
        incorrect: dict[str, Any] = {"marks": []}
    else:
        correct = {"marks": [], "none": True}
        first = exercise.unit_ids[0]
        label = exercise.label_ids[0] if exercise.labels else None
        incorrect = {"marks": [{"unit": first, "label": label}]}
    return Examples(correct, incorrect, {"marks": [{"unit": "no-such-sentence", "label": None}]})


def rule(exercise: Exercise, tell_cost: bool) -> str:
    """How ``exercise`` is scored, in words; ``tell_cost=False`` leaves out what a wrong mark costs."""
    return highlight_rule(weight(exercise) if tell_cost else None, bool(exercise.labels))
