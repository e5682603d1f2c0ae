"""Highlight's answer key: the targets with their kinds, or "There is none", then the distractors."""

from __future__ import annotations

from medialit.kinds.key import KeyItem, KeyRole
from medialit.kinds.sentences import anchored_key_items
from medialit.model import Exercise

__all__ = ["key_items"]


def key_items(exercise: Exercise) -> tuple[KeyItem, ...]:
    """With nothing to find, the first item is the answer "There is none"."""
    items = anchored_key_items(exercise)
    if exercise.targets:
        return items
    return (KeyItem("none", KeyRole.RIGHT, exercise.none_feedback), *items)
