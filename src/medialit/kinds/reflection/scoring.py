"""Reflection: a first reaction, recorded and answered with feedback on every view, never scored.

The learner picks the view closest to their own (one option). There is no right answer: the result's score and
maximum are both 0, so a reflection never enters a total, a percent or a skill's score. Every option comes back with
its feedback: the one chosen as :attr:`~medialit.scoring.results.Verdict.CHOSEN`, the others as
:attr:`~medialit.scoring.results.Verdict.VIEW`, so that the learner reads every perspective.
"""

from __future__ import annotations

from typing import Any

from medialit.kinds.choice import scoring as choice
from medialit.kinds.choice.scoring import ChoiceAnswer
from medialit.model import Exercise
from medialit.scoring.results import Examples, ItemResult, Result, Verdict

__all__ = ["RULE", "examples", "grade", "maximum", "parse", "rule"]

RULE = "This question is not scored: there is no right answer. Your answer is kept, and every view comes with feedback."
"""The rule in words."""


def parse(exercise: Exercise, raw: Any) -> ChoiceAnswer:
    """Read ``{"choices": ["option-id"]}``: at most one option, as a single-choice question."""
    return choice.parse(exercise, raw)


def maximum(exercise: Exercise) -> float:
    """Points available: none."""
    return 0.0


def grade(exercise: Exercise, answer: ChoiceAnswer) -> Result:
    """Every option with its feedback, the chosen one first; score and maximum 0."""
    chosen = [o for o in exercise.options if o.id in answer.choices]
    others = [o for o in exercise.options if o.id not in answer.choices]
    items = [ItemResult(o.id, Verdict.CHOSEN, 0.0, o.feedback) for o in chosen]
    items += [ItemResult(o.id, Verdict.VIEW, 0.0, o.feedback) for o in others]
    return Result(exercise.id, 0.0, 0.0, tuple(items))


def examples(exercise: Exercise) -> Examples:
    """The first view, the second view (there is no wrong one), and an option that does not exist."""
    ids = [o.id for o in exercise.options]
    return Examples({"choices": ids[:1]}, {"choices": ids[1:2]}, {"choices": ["no-such-option"]})


def rule(exercise: Exercise, tell_cost: bool) -> str:
    """How ``exercise`` is handled, in words: never scored."""
    return RULE
