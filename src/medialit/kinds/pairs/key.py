"""The answer key's items of a pairs exercise: each pair as its two quotes, in the order every key shows them."""

from __future__ import annotations

from medialit.kinds.key import KeyItem
from medialit.kinds.sentences import anchored_key_items
from medialit.model import Exercise

__all__ = ["key_items"]


def key_items(exercise: Exercise) -> tuple[KeyItem, ...]:
    """The pairs to link, the open questions and the pairs that only look alike."""
    return anchored_key_items(exercise)
