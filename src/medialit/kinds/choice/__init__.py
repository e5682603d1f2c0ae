"""Choice: single or multiple choice with feedback on every option.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``.
"""

from __future__ import annotations

import random
from typing import Any

from medialit.catalogue import Catalogue
from medialit.kinds import ExerciseType
from medialit.kinds.base import Kind, Report
from medialit.kinds.choice import checks, key, scoring, teacher
from medialit.kinds.choice import sheet as choice_sheet
from medialit.kinds.key import KeyItem
from medialit.kinds.open_question import with_open_questions
from medialit.model import Exercise
from medialit.scoring.results import Examples, Result

__all__ = ["KIND"]


class Choice:
    """The choice kind (see :class:`~medialit.kinds.base.Kind`)."""

    type = ExerciseType.CHOICE
    front_end = ("choice/score.js", "choice/view.js")
    anchor_fields = ()
    none_without_key = False
    prints_documents = False
    assessable = True
    item_joiner = " "

    def parse(self, exercise: Exercise, raw: Any) -> scoring.ChoiceAnswer:
        return scoring.parse(exercise, raw)

    def grade(self, exercise: Exercise, answer: scoring.ChoiceAnswer) -> Result:
        return scoring.grade(exercise, answer)

    def maximum(self, exercise: Exercise) -> float:
        return scoring.maximum(exercise)

    def examples(self, exercise: Exercise) -> Examples:
        return scoring.examples(exercise)

    def rule(self, exercise: Exercise, tell_cost: bool) -> str:
        return with_open_questions(scoring.RULE, any(o.discussion for o in exercise.options))

    def key_items(self, exercise: Exercise) -> tuple[KeyItem, ...]:
        return key.key_items(exercise)

    def check_fields(self, data: dict[str, Any], report: Report) -> None:
        return None

    def check(self, exercise: Exercise, data: dict[str, Any], report: Report) -> None:
        checks.check(exercise, data, report)

    def synthetic(self, exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
        return teacher.synthetic(exercise, rng, ability, slips)

    def answer_space(self, exercise: Exercise, catalogue: Catalogue, exam: bool) -> object:
        return choice_sheet.answer_space(exercise, catalogue, exam)

    def item_rows(self, exercise: Exercise) -> tuple[tuple[str, str], ...]:
        return teacher.item_rows(exercise)


KIND: Kind = Choice()
