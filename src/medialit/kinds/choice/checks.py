"""Choice's own validation: discussion options, and how many options are right."""

from __future__ import annotations

from typing import Any

from medialit.kinds.base import Report
from medialit.model import Exercise

__all__ = ["check"]


def check(exercise: Exercise, data: dict[str, Any], report: Report) -> None:
    """A discussion option has no `correct` and needs `multiple: true`; ticking everything must not pay."""
    correct = sum(o.correct for o in exercise.options)
    wrong = sum(not o.correct and not o.discussion for o in exercise.options)
    for index, option in enumerate(exercise.options):
        if option.discussion and "correct" in data["options"][index]:
            report.add(
                ("options", index, "correct"),
                "a discussion option is neither right nor wrong",
                fix="remove `correct:`; ticking a discussion option or not is accepted either way",
            )
        if option.discussion and not exercise.multiple:
            report.add(
                ("options", index, "discussion"),
                "a discussion option needs `multiple: true`",
                fix="in a single-choice question, ticking it would leave the right option unticked; "
                "set `multiple: true`, or make it an ordinary option",
            )
    if not exercise.multiple and correct != 1:
        report.add(
            ("options",),
            f"a single-choice question needs exactly one correct option, not {correct}",
            fix="mark one option `correct: true`, or set `multiple: true`",
        )
    if exercise.multiple and not 0 < correct <= wrong:
        report.add(
            ("options",),
            "a multiple-choice question needs at least one correct option and at least "
            "as many wrong ones, so that ticking everything does not pay",
            fix="add wrong options with feedback, or make it single choice",
        )
