"""The answer space of a pairs exercise on a printed worksheet: rows to write pairs of sentence numbers in."""

from __future__ import annotations

import math
from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.model import Exercise

__all__ = ["PAIR_ROWS", "PairsSpace", "answer_space", "pair_rows"]

PAIR_ROWS = 4
"""The fewest rows a pairs exercise gets; a long text gets one row per 8 sentences."""


@dataclass(frozen=True)
class PairsSpace:
    """What ``worksheet.html`` draws for a pairs exercise."""

    rows: int
    """How many rows to write pairs in (from the text's length, never from the key)."""
    several_documents: bool
    """Whether sentence numbers must name their document."""


def pair_rows(exercise: Exercise) -> int:
    """Rows for pairs: at least :data:`PAIR_ROWS`, more for long texts; never derived from the key."""
    return max(PAIR_ROWS, math.ceil(len(exercise.units) / 8))


def answer_space(exercise: Exercise, catalogue: Catalogue, exam: bool) -> PairsSpace:
    """The rows of ``exercise`` (the same on an exam sheet: they depend only on the text)."""
    return PairsSpace(rows=pair_rows(exercise), several_documents=len(exercise.documents) > 1)
