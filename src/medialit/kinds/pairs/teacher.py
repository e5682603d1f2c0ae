"""Pairs for the teacher's tools: synthetic answers (sample class, benchmark) and item-analysis rows."""

from __future__ import annotations

import random
from typing import Any

from medialit.model import Exercise

__all__ = ["item_rows", "synthetic"]


def synthetic(exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
    """Each target pair linked with chance ``ability``, plus ``slips`` random pairs."""
    pairs = [[t.anchors[0].units[0], t.anchors[1].units[0]] for t in exercise.targets if rng.random() < ability]
    for _ in range(slips):
        pairs.append(rng.sample(list(exercise.unit_ids), 2))
    unique = {frozenset(p): p for p in pairs if p[0] != p[1]}
    return {"pairs": list(unique.values())}


def item_rows(exercise: Exercise) -> tuple[tuple[str, str], ...]:
    """Every target pair."""
    return tuple((t.id, "target") for t in exercise.targets)
