"""A reflection in the teacher's tools: synthetic answers for the benchmark and its rows in the item analysis."""

from __future__ import annotations

import random
from typing import Any

from medialit.model import Exercise

__all__ = ["item_rows", "synthetic"]


def synthetic(exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
    """Any one view: there is no right answer, so ability plays no part."""
    return {"choices": [rng.choice([o.id for o in exercise.options])]}


def item_rows(exercise: Exercise) -> tuple[tuple[str, str], ...]:
    """One row per view."""
    return tuple((o.id, "view") for o in exercise.options)
