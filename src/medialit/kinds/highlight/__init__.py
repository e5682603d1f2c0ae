"""Highlight: mark the sentences that hold what the prompt asks for, optionally saying which kind each is.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``.
"""

from __future__ import annotations

import random
from typing import Any

from medialit.catalogue import Catalogue
from medialit.kinds import ExerciseType
from medialit.kinds.base import Kind, Report
from medialit.kinds.highlight import checks, key, scoring, teacher
from medialit.kinds.highlight import sheet as highlight_sheet
from medialit.kinds.highlight.rule import highlight_rule
from medialit.kinds.key import KeyItem
from medialit.model import Exercise
from medialit.scoring.results import Examples, Result

__all__ = ["KIND"]


class Highlight:
    """The highlight kind (see :class:`~medialit.kinds.base.Kind`)."""

    type = ExerciseType.HIGHLIGHT
    front_end = ("sentences.js", "highlight/score.js", "highlight/view.js")
    anchor_fields = ()
    none_without_key = True
    prints_documents = True
    assessable = True
    item_joiner = " "

    def parse(self, exercise: Exercise, raw: Any) -> scoring.HighlightAnswer:
        return scoring.parse(exercise, raw)

    def grade(self, exercise: Exercise, answer: scoring.HighlightAnswer) -> Result:
        return scoring.grade(exercise, answer)

    def maximum(self, exercise: Exercise) -> float:
        return scoring.maximum(exercise)

    def examples(self, exercise: Exercise) -> Examples:
        return scoring.examples(exercise)

    def rule(self, exercise: Exercise, tell_cost: bool) -> str:
        return highlight_rule(scoring.weight(exercise) if tell_cost else None, bool(exercise.labels))

    def key_items(self, exercise: Exercise) -> tuple[KeyItem, ...]:
        return key.key_items(exercise)

    def check_fields(self, data: dict[str, Any], report: Report) -> None:
        checks.check_fields(data, report)

    def check(self, exercise: Exercise, data: dict[str, Any], report: Report) -> None:
        checks.check(exercise, data, report)

    def synthetic(self, exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
        return teacher.synthetic(exercise, rng, ability, slips)

    def answer_space(self, exercise: Exercise, catalogue: Catalogue, exam: bool) -> object:
        return highlight_sheet.answer_space(exercise, catalogue, exam)

    def item_rows(self, exercise: Exercise) -> tuple[tuple[str, str], ...]:
        return teacher.item_rows(exercise)


KIND: Kind = Highlight()
