"""The assessment setting for a whole page.

``medialit-assessment: true`` in a page's front matter puts every exercise that page embeds under the assessment
setting, as ``assessment: true`` in each exercise's own file does (see :attr:`medialit.model.Exercise.assessment`):
one attempt, no hints, no answer shown, no key in the book, first tries counted. A reflection stays a reflection: it
has no key to keep back. Every reader of a project applies the pages' settings through :func:`with_page_settings`,
so the book, the grader, the keys and the worksheets agree on which exercises are assessed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from medialit.exercises import ExerciseSet
from medialit.kinds import kind_of
from medialit.reading_order import FRONT_MATTER_KEY, BookPage, page_is_assessed, reading_order

__all__ = ["FRONT_MATTER_KEY", "assessed_exercises", "page_is_assessed", "with_page_settings"]


def assessed_exercises(pages: Sequence[BookPage]) -> frozenset[str]:
    """Ids of the exercises on pages under the assessment setting."""
    return frozenset(i for page in pages if page.assessment for i in page.exercise_ids)


def with_page_settings(found: ExerciseSet, book: Path | Sequence[BookPage]) -> ExerciseSet:
    """``found`` with every exercise on an assessed page of ``book`` (a folder, or its pages) under the setting."""
    ids = assessed_exercises(reading_order(book) if isinstance(book, Path) else book)
    if not ids:
        return found
    exercises = tuple(
        dataclasses.replace(e, assessment=True) if e.id in ids and kind_of(e).assessable else e for e in found.exercises
    )
    return dataclasses.replace(found, exercises=exercises)
