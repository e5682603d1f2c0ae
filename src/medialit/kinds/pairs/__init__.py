"""Pairs: link two sentences that contradict each other.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``.
"""

from __future__ import annotations

import random
from typing import Any

from medialit.catalogue import Catalogue
from medialit.kinds import ExerciseType
from medialit.kinds.base import Kind, Report
from medialit.kinds.key import KeyItem
from medialit.kinds.open_question import with_open_questions
from medialit.kinds.pairs import checks, scoring, teacher
from medialit.kinds.pairs import sheet as pairs_sheet
from medialit.kinds.sentences import anchored_key_items
from medialit.model import Exercise
from medialit.scoring.results import Examples, Result

__all__ = ["KIND"]


class Pairs:
    """The pairs kind (see :class:`~medialit.kinds.base.Kind`)."""

    type = ExerciseType.PAIRS
    front_end = ("sentences.js", "pairs/score.js", "pairs/view.js")
    anchor_fields = ("first", "second")
    none_without_key = False
    prints_documents = True
    assessable = True
    item_joiner = "  ↔  "

    def parse(self, exercise: Exercise, raw: Any) -> scoring.PairsAnswer:
        return scoring.parse(exercise, raw)

    def grade(self, exercise: Exercise, answer: scoring.PairsAnswer) -> Result:
        return scoring.grade(exercise, answer)

    def maximum(self, exercise: Exercise) -> float:
        return scoring.maximum(exercise)

    def examples(self, exercise: Exercise) -> Examples:
        return scoring.examples(exercise)

    def rule(self, exercise: Exercise, tell_cost: bool) -> str:
        return with_open_questions(scoring.RULE, bool(exercise.discussions))

    def key_items(self, exercise: Exercise) -> tuple[KeyItem, ...]:
        return anchored_key_items(exercise)

    def check_fields(self, data: dict[str, Any], report: Report) -> None:
        return None

    def check(self, exercise: Exercise, data: dict[str, Any], report: Report) -> None:
        checks.check(exercise, data, report)

    def synthetic(self, exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
        return teacher.synthetic(exercise, rng, ability, slips)

    def answer_space(self, exercise: Exercise, catalogue: Catalogue, exam: bool) -> object:
        return pairs_sheet.answer_space(exercise, catalogue, exam)

    def item_rows(self, exercise: Exercise) -> tuple[tuple[str, str], ...]:
        return teacher.item_rows(exercise)


KIND: Kind = Pairs()
