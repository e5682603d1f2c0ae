"""Highlight for the teacher's tools: synthetic answers (sample class, benchmark) and item-analysis rows."""

from __future__ import annotations

import random
from typing import Any

from medialit.model import Exercise

__all__ = ["item_rows", "synthetic"]


def synthetic(exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
    """Each target's sentences found with chance ``ability``, plus ``slips`` random marks."""
    labels: list[str | None] = [*exercise.label_ids] or [None]
    if not exercise.targets and rng.random() < ability:
        return {"marks": [], "none": True}
    marks = {(u, t.label) for t in exercise.targets if rng.random() < ability for u in t.anchors[0].units}
    for _ in range(slips):
        marks.add((rng.choice(exercise.unit_ids), rng.choice(labels)))
    return {"marks": [{"unit": u, "label": lab} for u, lab in sorted(marks, key=str)], "none": False}


def item_rows(exercise: Exercise) -> tuple[tuple[str, str], ...]:
    """Every target; with no target, the answer "There is none"."""
    return tuple((item, "target") for item in [t.id for t in exercise.targets] or ["none"])
