"""The printable answer key as one self-contained HTML page, generated from the exercises (never typed twice)."""

from __future__ import annotations

from medialit import __version__
from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet
from medialit.scoring import max_score
from medialit.teacher.html import render

__all__ = ["answer_key_html"]


def answer_key_html(exercises: ExerciseSet, catalogue: Catalogue) -> str:
    """The key: per exercise its prompt, targets with kinds and explanations, distractors, options and takeaway."""
    return render(
        "key.html",
        version=__version__,
        exercises=exercises.exercises,
        documents={d.slug: d.label for d in catalogue.documents},
        labels={e.id: {lab.id: lab.name for lab in e.labels} for e in exercises.exercises},
        points={e.id: max_score(e) for e in exercises.exercises},
    )
