"""The answer space of a multiple-choice question on a printed worksheet: its options with tick boxes."""

from __future__ import annotations

from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.model import Exercise

__all__ = ["OptionsSpace", "answer_space"]


@dataclass(frozen=True)
class OptionsSpace:
    """What ``worksheet.html`` draws for a question with options (choice, and reflection built on it)."""

    options: tuple[str, ...]
    """The options' texts, lettered A, B, C… on the sheet."""
    multiple: bool
    """Whether several options may be ticked."""


def answer_space(exercise: Exercise, catalogue: Catalogue, exam: bool) -> OptionsSpace:
    """The options of ``exercise``, in the book's order."""
    return OptionsSpace(options=tuple(o.text for o in exercise.options), multiple=exercise.multiple)
