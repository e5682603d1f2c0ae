"""The assessment setting for a whole page.

``medialit-assessment: true`` in a page's front matter puts every exercise that page embeds under the assessment
setting, as ``assessment: true`` in each exercise's own file does (see :attr:`medialit.model.Exercise.assessment`):
one attempt, no hints, no answer shown, no key in the book, first tries counted. A reflection stays a reflection: it
has no key to keep back. Every reader of a project applies the pages' settings through :func:`with_page_settings`,
so the book, the grader, the keys and the worksheets agree on which exercises are assessed.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from medialit.exercises import ExerciseSet
from medialit.model import ExerciseType
from medialit.reading_order import BookPage, reading_order

__all__ = ["FRONT_MATTER_KEY", "assessed_exercises", "page_is_assessed", "with_page_settings"]

FRONT_MATTER_KEY = "medialit-assessment"
"""The front-matter key of a page under the assessment setting."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


def page_is_assessed(text: str) -> bool:
    """Whether the page source ``text`` starts with front matter saying ``medialit-assessment: true``."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return False
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and data.get(FRONT_MATTER_KEY) is True


def assessed_exercises(pages: tuple[BookPage, ...]) -> frozenset[str]:
    """Ids of the exercises on pages under the assessment setting."""
    return frozenset(i for page in pages if page.assessment for i in page.exercise_ids)


def with_page_settings(found: ExerciseSet, book: Path) -> ExerciseSet:
    """``found`` with every exercise on an assessed page of ``book`` under the assessment setting."""
    ids = assessed_exercises(reading_order(book))
    if not ids:
        return found
    exercises = tuple(
        dataclasses.replace(e, assessment=True) if e.id in ids and e.type is not ExerciseType.REFLECTION else e
        for e in found.exercises
    )
    return dataclasses.replace(found, exercises=exercises)
