"""Choice for the teacher's tools: synthetic answers (sample class, benchmark) and item-analysis rows."""

from __future__ import annotations

import random
from typing import Any

from medialit.model import Exercise

__all__ = ["item_rows", "synthetic"]


def synthetic(exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
    """Each right option ticked with chance ``ability``, plus ``slips`` wrong ones (single choice: one option)."""
    right = [o.id for o in exercise.options if o.correct]
    wrong = [o.id for o in exercise.options if not o.correct]
    if not exercise.multiple:
        return {"choices": [right[0] if rng.random() < ability else rng.choice(wrong)]}
    chosen = [o for o in right if rng.random() < ability] + rng.sample(wrong, min(slips, len(wrong)))
    return {"choices": sorted(chosen)}


def item_rows(exercise: Exercise) -> tuple[tuple[str, str], ...]:
    """Every right option."""
    return tuple((o.id, "target") for o in exercise.options if o.correct)
