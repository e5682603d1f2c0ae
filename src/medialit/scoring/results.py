"""What grading returns: frozen data, no presentation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Examples", "FormatError", "ItemResult", "Result", "Verdict"]


class FormatError(ValueError):
    """An answer that cannot be read: malformed, not wrong.

    ``code`` names its message in :data:`~medialit.scoring.messages.FORMAT_MESSAGES` and ``params`` fills it; the
    front-end formats the same table the same way (:func:`~medialit.scoring.messages.format_message`).
    """

    def __init__(self, code: str, **params: str | list[str]) -> None:
        from medialit.scoring.messages import format_message

        self.code = code
        """The message's name in the table."""
        self.params = params
        """What fills the message: text, or lists of text."""
        super().__init__(format_message(code, params))

    def as_dict(self) -> dict[str, Any]:
        """Code, params and message, as the front-end gives them."""
        return {"code": self.code, "params": dict(self.params), "message": str(self)}


class Verdict(StrEnum):
    """What happened to one item."""

    FOUND = "found"
    """A target the learner found (possibly in part: see ``credit``)."""
    MISSED = "missed"
    """A target the learner did not find."""
    FALSE_ALARM = "false_alarm"
    """Something the learner marked that is not a target."""
    CHOSEN = "chosen"
    """A reflection: the view the learner picked (never right or wrong, ``credit`` 0)."""
    VIEW = "view"
    """A reflection: another view, shown with its feedback (``credit`` 0)."""
    DISCUSSION = "discussion"
    """A discussion item, on which careful readers differ: chosen or not, it is accepted, with no point earned or lost
    (``credit`` 0); its explanation shows both readings."""


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The verdict on one item."""

    id: str
    """Item id: a target's, a distractor's or option's id, or ``unit:<unit id>`` for an unlisted passage."""
    verdict: Verdict
    """Found, missed, false alarm or discussion."""
    credit: float
    """Points this item adds (found) or costs (false alarm, as a positive number)."""
    explanation: str
    """Why, in plain words."""
    units: tuple[str, ...] = ()
    """The passages the item concerns."""
    label: str | None = None
    """The kind the learner gave (labelled highlight)."""

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "id": self.id,
            "verdict": str(self.verdict),
            "credit": self.credit,
            "explanation": self.explanation,
            "units": list(self.units),
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """The grade of one answer to one exercise."""

    exercise: str
    """The exercise id."""
    score: float
    """Points earned, within ``[0, max_score]``."""
    max_score: float
    """Points available."""
    items: tuple[ItemResult, ...]
    """Per-item verdicts: targets in exercise order, then false alarms in reading order."""

    @property
    def fraction(self) -> float:
        """Score as a share of the maximum, in ``[0, 1]``."""
        return self.score / self.max_score if self.max_score else 0.0

    @property
    def correct(self) -> bool:
        """Whether the answer earned every point."""
        return self.score == self.max_score

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, the shape the front-end mirrors."""
        return {
            "exercise": self.exercise,
            "score": self.score,
            "max_score": self.max_score,
            "items": [item.as_dict() for item in self.items],
        }


@dataclass(frozen=True)
class Examples:
    """Three raw answers every exercise must handle: one right, one wrong, one malformed."""

    correct: Any
    """Earns every point."""
    incorrect: Any
    """Well-formed, earns less than every point."""
    invalid: Any
    """Fails to parse."""
