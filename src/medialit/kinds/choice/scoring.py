"""Choice: single or multiple choice with feedback on every option.

Single choice: one point for the right option. Multiple choice uses PrairieLearn's net-correct rule:
``max(0, right ticked − wrong ticked)``, out of one point per right option.

A discussion option (``discussion: true``, multiple choice only) is one careful readers can differ on: ticked or not,
it is accepted. It earns nothing and costs nothing, is not in the maximum, and always comes back with its feedback,
so a learner sees both readings whatever they chose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.kinds.open_question import with_open_questions
from medialit.model import Exercise
from medialit.scoring.common import expect_id, expect_keys, expect_list, net_score
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = ["RULE", "ChoiceAnswer", "examples", "grade", "maximum", "parse", "rule"]

RULE = "Each right option you tick earns 1 point. Each wrong option takes 1 point away. The score never goes below 0."
"""The rule in words."""


@dataclass(frozen=True)
class ChoiceAnswer:
    """The options a learner ticked."""

    choices: frozenset[str]
    """Option ids."""


def parse(exercise: Exercise, raw: Any) -> ChoiceAnswer:
    """Read ``{"choices": ["option-id", ...]}``."""
    raw = expect_keys(raw, ("choices",), ("choices",))
    known = {o.id for o in exercise.options}
    choices = {expect_id(choice, known, "no_option") for choice in expect_list(raw["choices"], "choices")}
    if not exercise.multiple and len(choices) > 1:
        raise FormatError("one_answer")
    return ChoiceAnswer(frozenset(choices))


def maximum(exercise: Exercise) -> float:
    """Points available: one per correct option (discussion options are not scored)."""
    return float(sum(o.correct for o in exercise.options))


def grade(exercise: Exercise, answer: ChoiceAnswer) -> Result:
    """Score ``answer``; see the module docstring for the rule."""
    items = []
    earned = lost = 0.0
    for option in exercise.options:
        ticked = option.id in answer.choices
        if option.discussion:
            items.append(ItemResult(option.id, Verdict.DISCUSSION, 0.0, option.feedback))
        elif ticked and option.correct:
            earned += 1.0
            items.append(ItemResult(option.id, Verdict.FOUND, 1.0, option.feedback))
        elif ticked:
            lost += 1.0
            items.append(ItemResult(option.id, Verdict.FALSE_ALARM, 1.0, option.feedback))
        elif option.correct:
            items.append(ItemResult(option.id, Verdict.MISSED, 0.0, option.feedback))
    max_score = maximum(exercise)
    return Result(exercise.id, net_score(earned, lost), max_score, tuple(items))


def examples(exercise: Exercise) -> Examples:
    """Every right option, the first wrong one, and an option that does not exist."""
    right = [o.id for o in exercise.options if o.correct]
    wrong = [o.id for o in exercise.options if not o.correct and not o.discussion]
    return Examples({"choices": right}, {"choices": wrong[:1]}, {"choices": ["no-such-option"]})


def rule(exercise: Exercise, tell_cost: bool) -> str:
    """How ``exercise`` is scored, in words (with the open questions' rule when it has any)."""
    return with_open_questions(RULE, any(o.discussion for o in exercise.options))
