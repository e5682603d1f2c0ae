"""The answer key's items of a reflection: every view with its feedback (there is no right answer)."""

from __future__ import annotations

from medialit.kinds.key import KeyItem, KeyRole
from medialit.model import Exercise

__all__ = ["key_items"]


def key_items(exercise: Exercise) -> tuple[KeyItem, ...]:
    """One item per view, in the book's order."""
    return tuple(KeyItem(o.id, KeyRole.VIEW, o.feedback, option=o.id) for o in exercise.options)
