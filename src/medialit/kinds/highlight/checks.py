"""Highlight's own validation: kinds of targets, and that the exercise asks something."""

from __future__ import annotations

from typing import Any

from medialit.kinds.base import Report
from medialit.kinds.highlight.scoring import innocent
from medialit.kinds.sentences import warn_without_distractor
from medialit.model import Exercise

__all__ = ["check", "check_fields"]


def _label_ids(data: dict[str, Any]) -> list[str]:
    return [label["id"] for label in data.get("labels", ())]


def check_fields(data: dict[str, Any], report: Report) -> None:
    """Every target of a labelled exercise has a known label; ``also_accept`` names other known labels."""
    ids = _label_ids(data)
    for index, raw in enumerate(data.get("targets", ())):
        where = ("targets", index)
        label = raw.get("label")
        if ids and label is None:
            report.add(
                (*where, "label"),
                "this exercise has labels, so every target needs a `label`",
                fix=f"add `label:` with one of {ids}",
            )
        elif label is not None and label not in ids:
            report.add(
                (*where, "label"),
                f"unknown label {label!r}",
                fix=f"use one of {ids}" if ids else "remove it, or add `labels:` to the exercise",
            )
        for number, kind in enumerate(raw.get("also_accept", ())):
            if kind == label:
                report.add(
                    (*where, "also_accept", number),
                    f"{kind!r} is already this target's `label`",
                    fix="list only other kinds under `also_accept`",
                )
            elif kind not in ids:
                report.add(
                    (*where, "also_accept", number),
                    f"unknown label {kind!r}",
                    fix=f"use one of {ids}" if ids else "remove `also_accept`: this exercise has no labels",
                )


def check(exercise: Exercise, data: dict[str, Any], report: Report) -> None:
    """Something to find (or "There is none" offered, with its feedback), and not every sentence a target."""
    if not exercise.targets and not exercise.allow_none:
        report.add(
            ("targets",),
            "there is nothing to find",
            fix='add targets, or set `allow_none: true` so the answer can be "There is none"',
        )
    if exercise.allow_none and not exercise.none_feedback:
        report.add(("none_feedback",), '`allow_none` needs a `none_feedback` explaining the answer "There is none"')
    if exercise.targets and not innocent(exercise):
        report.add(
            ("targets",),
            "the exercise asks nothing: every sentence is a target",
            fix="a learner who marks every sentence would score full marks; add a document with sentences "
            "that are not targets, or remove a target",
        )
    warn_without_distractor(exercise, report)
