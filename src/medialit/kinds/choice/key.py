"""Choice's answer key: every option in order, right, wrong or open."""

from __future__ import annotations

from medialit.kinds.key import KeyItem, KeyRole
from medialit.model import Exercise

__all__ = ["key_items"]


def key_items(exercise: Exercise) -> tuple[KeyItem, ...]:
    """Every option with its feedback."""
    return tuple(
        KeyItem(
            o.id,
            KeyRole.OPEN if o.discussion else KeyRole.RIGHT if o.correct else KeyRole.WRONG,
            o.feedback,
            option=o.id,
        )
        for o in exercise.options
    )
