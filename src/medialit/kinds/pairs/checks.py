"""Pairs' own validation: at least one scored pair."""

from __future__ import annotations

from typing import Any

from medialit.kinds.base import Report
from medialit.kinds.sentences import warn_without_distractor
from medialit.model import Exercise

__all__ = ["check"]


def check(exercise: Exercise, data: dict[str, Any], report: Report) -> None:
    """At least one target pair that is scored, and a distractor (a warning)."""
    if not exercise.targets:
        report.add(
            ("targets",),
            "a pairs exercise needs at least one target pair without `discussion: true`",
            fix="every exercise must ask something: key at least one pair that is scored",
        )
    warn_without_distractor(exercise, report)
