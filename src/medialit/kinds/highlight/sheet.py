"""The answer space of a highlight exercise on a printed worksheet: a tick box per sentence, grouped by document."""

from __future__ import annotations

from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.model import Exercise
from medialit.worksheet.numbers import number

__all__ = ["AnswerBox", "HighlightSpace", "answer_space"]


@dataclass(frozen=True)
class AnswerBox:
    """A group of tick boxes, one per sentence of one document."""

    label: str
    """The document's label."""
    numbers: tuple[str, ...]
    """The sentence numbers, in reading order."""


@dataclass(frozen=True)
class HighlightSpace:
    """What ``worksheet.html`` draws for a highlight exercise."""

    boxes: tuple[AnswerBox, ...]
    """One tick box per sentence, grouped by document."""
    kinds: tuple[str, ...]
    """The kinds' names, lettered a, b, c… on the sheet; empty when marks have no kind."""
    offer_none: bool
    """Whether a "There is none" box is printed (always on an exam sheet, so that it tells nothing)."""


def answer_space(exercise: Exercise, catalogue: Catalogue, exam: bool) -> HighlightSpace:
    """The tick boxes of ``exercise``; ``exam`` offers "There is none" whatever the key says."""
    return HighlightSpace(
        boxes=tuple(
            AnswerBox(
                label=catalogue.get(slug).label,
                numbers=tuple(number(u.id) for u in exercise.units if u.document == slug),
            )
            for slug in exercise.documents
        ),
        kinds=tuple(label.name for label in exercise.labels),
        offer_none=exam or exercise.allow_none,
    )
