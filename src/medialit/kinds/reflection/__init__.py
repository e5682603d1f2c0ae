"""Reflection: a first reaction, recorded and answered with feedback on every view, never scored.

Built on choice (the same options, one answer); the rule is in :mod:`.scoring`; the front-end in ``view.js`` and
``score.js``; the file fields in ``schema.json``.
"""

from __future__ import annotations

import random
from typing import Any

from medialit.catalogue import Catalogue
from medialit.kinds import ExerciseType
from medialit.kinds.base import Kind, Report
from medialit.kinds.choice import sheet as choice_sheet
from medialit.kinds.choice.scoring import ChoiceAnswer
from medialit.kinds.key import KeyItem, KeyRole
from medialit.kinds.reflection import scoring
from medialit.model import Exercise
from medialit.scoring.results import Examples, Result

__all__ = ["KIND"]


class Reflection:
    """The reflection kind (see :class:`~medialit.kinds.base.Kind`)."""

    type = ExerciseType.REFLECTION
    front_end = ("choice/score.js", "choice/view.js", "reflection/score.js", "reflection/view.js")
    anchor_fields = ()
    none_without_key = False
    prints_documents = False
    assessable = False
    item_joiner = " "

    def parse(self, exercise: Exercise, raw: Any) -> ChoiceAnswer:
        return scoring.parse(exercise, raw)

    def grade(self, exercise: Exercise, answer: ChoiceAnswer) -> Result:
        return scoring.grade(exercise, answer)

    def maximum(self, exercise: Exercise) -> float:
        return scoring.maximum(exercise)

    def examples(self, exercise: Exercise) -> Examples:
        return scoring.examples(exercise)

    def rule(self, exercise: Exercise, tell_cost: bool) -> str:
        return scoring.RULE

    def key_items(self, exercise: Exercise) -> tuple[KeyItem, ...]:
        return tuple(KeyItem(o.id, KeyRole.VIEW, o.feedback, option=o.id) for o in exercise.options)

    def check_fields(self, data: dict[str, Any], report: Report) -> None:
        return None

    def check(self, exercise: Exercise, data: dict[str, Any], report: Report) -> None:
        return None  # every option is a view with its feedback; the schema has checked the rest

    def synthetic(self, exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
        return {"choices": [rng.choice([o.id for o in exercise.options])]}

    def answer_space(self, exercise: Exercise, catalogue: Catalogue, exam: bool) -> object:
        return choice_sheet.answer_space(exercise, catalogue, exam)

    def item_rows(self, exercise: Exercise) -> tuple[tuple[str, str], ...]:
        return tuple((o.id, "view") for o in exercise.options)


KIND: Kind = Reflection()
