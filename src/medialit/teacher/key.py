"""The printable answer key as one self-contained HTML page, generated from the exercises (never typed twice).

In lesson order (the default) the exercises come as a learner meets them reading the book: pages in ``_toc.yml``
order, exercises in the order each page embeds them. In id order they are sorted by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet
from medialit.reading_order import BookPage, lesson_order
from medialit.worksheet import build_key, key_html

__all__ = ["KeyOrder", "answer_key_html"]


class KeyOrder(StrEnum):
    """How the key orders the exercises."""

    LESSON = "lesson"
    """As the book's pages embed them, in reading order; exercises on no page last."""
    ID = "id"
    """Sorted by exercise id."""

    @property
    def words(self) -> str:
        """The order in a sentence."""
        return {KeyOrder.LESSON: "lesson order", KeyOrder.ID: "order of id"}[self]


def answer_key_html(
    exercises: ExerciseSet, catalogue: Catalogue, pages: Sequence[BookPage] = (), order: KeyOrder = KeyOrder.LESSON
) -> str:
    """The key to every exercise: right sentence numbers with kinds, pairs or options, explanations shortened."""
    if order is KeyOrder.LESSON:
        ordered = lesson_order(exercises.exercises, pages)
    else:
        ordered = tuple(sorted(exercises.exercises, key=lambda e: e.id))
    titles = {exercise_id: page.title for page in pages for exercise_id in page.exercise_ids}
    key = build_key("every exercise", ordered, catalogue, order=order.words, pages=titles)
    return key_html(key)
