"""The scoring engine: pure functions, no I/O. Every exercise type has ``parse``, ``grade`` and ``examples``.

``parse`` turns a raw JSON answer into a typed answer or raises :class:`FormatError` (malformed is not wrong);
``grade`` returns a :class:`Result`; ``examples`` gives a correct, an incorrect and an invalid raw answer.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from medialit.model import Exercise, ExerciseType
from medialit.scoring import choice, highlight, pairs, reflection
from medialit.scoring.messages import MESSAGES, RULES, highlight_rule
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = [
    "MESSAGES",
    "RULES",
    "Examples",
    "FormatError",
    "ItemResult",
    "Result",
    "Verdict",
    "engine",
    "examples",
    "grade",
    "max_score",
    "parse",
    "rule",
    "score",
]


def engine(kind: ExerciseType) -> ModuleType:
    """The module implementing ``kind``."""
    match kind:
        case ExerciseType.HIGHLIGHT:
            return highlight
        case ExerciseType.PAIRS:
            return pairs
        case ExerciseType.CHOICE:
            return choice
        case ExerciseType.REFLECTION:
            return reflection
    raise AssertionError(f"unhandled exercise type {kind!r}")  # pragma: no cover


def parse(exercise: Exercise, raw: Any) -> Any:
    """The typed answer for ``raw``; :class:`FormatError` if it is malformed."""
    return engine(exercise.type).parse(exercise, raw)


def grade(exercise: Exercise, answer: Any) -> Result:
    """Grade a parsed answer."""
    return engine(exercise.type).grade(exercise, answer)


def max_score(exercise: Exercise) -> float:
    """Points available in ``exercise``."""
    return engine(exercise.type).maximum(exercise)


def rule(exercise: Exercise, *, tell_cost: bool = True) -> str:
    """How ``exercise`` is scored, in plain words; ``tell_cost=False`` leaves out what a wrong highlight mark costs
    when it is more than 1 (it tells how many sentences are targets: exam builds)."""
    if exercise.type is ExerciseType.HIGHLIGHT:
        return highlight_rule(highlight.weight(exercise) if tell_cost else None, bool(exercise.labels))
    if exercise.discussions or any(o.discussion for o in exercise.options):
        return RULES[exercise.type] + " An open question, where careful readers differ, earns and costs nothing."
    return RULES[exercise.type]


def score(exercise: Exercise, raw: Any) -> Result:
    """Parse and grade a raw answer; :class:`FormatError` if it is malformed."""
    return grade(exercise, parse(exercise, raw))


def examples(exercise: Exercise) -> Examples:
    """A correct, an incorrect and an invalid raw answer for ``exercise``."""
    return engine(exercise.type).examples(exercise)
