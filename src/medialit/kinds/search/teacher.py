"""Search for the teacher's tools: synthetic answers (sample class, benchmark) and item-analysis rows."""

from __future__ import annotations

import random
from typing import Any

from medialit.model import Exercise

__all__ = ["item_rows", "synthetic"]


def synthetic(exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
    """The right verdict with chance ``ability`` (else a wrong one), each supporting result ticked with chance
    ``ability``, plus ``slips`` weak ones; the searches that find what was ticked."""
    right = [o.id for o in exercise.options if o.correct]
    wrong = [o.id for o in exercise.options if not o.correct]
    verdict = right[0] if rng.random() < ability or not wrong else rng.choice(wrong)
    supporting = [r.id for r in exercise.results if r.supports is True and rng.random() < ability]
    weak = [r.id for r in exercise.results if r.supports is False]
    evidence = supporting + rng.sample(weak, min(slips, len(weak)))
    searched = [q.id for q in exercise.queries if set(q.results) & set(evidence)] or [exercise.queries[0].id]
    return {"verdict": verdict, "evidence": sorted(evidence), "searched": searched}


def item_rows(exercise: Exercise) -> tuple[tuple[str, str], ...]:
    """Every right verdict, then every supporting result."""
    verdicts = [(o.id, "target") for o in exercise.options if o.correct]
    return tuple(verdicts + [(r.id, "target") for r in exercise.results if r.supports is True])
