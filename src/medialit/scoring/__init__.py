"""The scoring engine's public face: pure functions, no I/O, each handed to the exercise's kind
(:mod:`medialit.kinds`).

``parse`` turns a raw JSON answer into a typed answer or raises :class:`FormatError` (malformed is not wrong);
``grade`` returns a :class:`Result`; ``examples`` gives a correct, an incorrect and an invalid raw answer.
"""

from __future__ import annotations

from typing import Any

from medialit.kinds import kind_of
from medialit.model import Exercise
from medialit.scoring.messages import FORMAT_MESSAGES, MESSAGES
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = [
    "FORMAT_MESSAGES",
    "MESSAGES",
    "Examples",
    "FormatError",
    "ItemResult",
    "Result",
    "Verdict",
    "examples",
    "grade",
    "max_score",
    "parse",
    "rule",
    "score",
]


def parse(exercise: Exercise, raw: Any) -> Any:
    """The typed answer for ``raw``; :class:`FormatError` if it is malformed."""
    return kind_of(exercise).parse(exercise, raw)


def grade(exercise: Exercise, answer: Any) -> Result:
    """Grade a parsed answer."""
    return kind_of(exercise).grade(exercise, answer)


def max_score(exercise: Exercise) -> float:
    """Points available in ``exercise``."""
    return kind_of(exercise).maximum(exercise)


def rule(exercise: Exercise, *, tell_cost: bool = True) -> str:
    """How ``exercise`` is scored, in plain words; ``tell_cost=False`` leaves out what a wrong highlight mark costs
    when it is more than 1 (it tells how many sentences are targets: exam builds)."""
    return kind_of(exercise).rule(exercise, tell_cost)


def score(exercise: Exercise, raw: Any) -> Result:
    """Parse and grade a raw answer; :class:`FormatError` if it is malformed."""
    return grade(exercise, parse(exercise, raw))


def examples(exercise: Exercise) -> Examples:
    """A correct, an incorrect and an invalid raw answer for ``exercise``."""
    return kind_of(exercise).examples(exercise)
