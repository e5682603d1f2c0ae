"""What the kinds played on the documents' sentences (highlight, pairs) share: key items and checks."""

from __future__ import annotations

from medialit.kinds.base import Report
from medialit.kinds.key import KeyItem, KeyRole
from medialit.model import Exercise
from medialit.problems import Severity

__all__ = ["anchored_key_items", "warn_without_distractor"]


def anchored_key_items(exercise: Exercise) -> tuple[KeyItem, ...]:
    """Targets (with their kinds), open questions, then distractors."""
    return (
        *(
            KeyItem(t.id, KeyRole.RIGHT, t.explanation, t.anchors, kind=t.label, also=t.also_accept)
            for t in exercise.targets
        ),
        *(KeyItem(d.id, KeyRole.OPEN, d.explanation, d.anchors) for d in exercise.discussions),
        *(KeyItem(d.id, KeyRole.WRONG, d.explanation, d.anchors) for d in exercise.distractors),
    )


def warn_without_distractor(exercise: Exercise, report: Report) -> None:
    """A warning when nothing in the exercise looks suspicious but is fine."""
    if not exercise.distractors:
        report.add(
            ("distractors",),
            "there is no distractor: nothing here looks suspicious but is fine",
            fix="add a passage a learner is likely to pick by mistake, with why it is fine",
            severity=Severity.WARNING,
        )
