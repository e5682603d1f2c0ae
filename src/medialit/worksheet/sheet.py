"""A worksheet as data: each document once with numbered sentences, then each exercise with its answer space.

An exam worksheet (``exam=True``) carries nothing derived from the key: no points, no hints, no takeaways, a number
of pair rows that depends only on the text, and "There is none" on every highlight exercise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.model import Exercise, ExerciseType
from medialit.modes import Mode
from medialit.scoring import max_score
from medialit.state import ships_key
from medialit.worksheet.numbers import number

__all__ = [
    "PAIR_ROWS",
    "AnswerBox",
    "Sentence",
    "Sheet",
    "SheetDocument",
    "SheetExercise",
    "SheetParagraph",
    "build_sheet",
]

PAIR_ROWS = 4
"""The fewest rows a pairs exercise gets; a long text gets one row per 8 sentences."""


@dataclass(frozen=True)
class Sentence:
    """One numbered sentence."""

    number: str
    """Its number as the book shows it, e.g. ``"7.1"``."""
    text: str
    """The sentence as it stands in the document."""


@dataclass(frozen=True)
class SheetParagraph:
    """One numbered paragraph."""

    number: int
    """1-based paragraph number."""
    sentences: tuple[Sentence, ...]
    """Its sentences in order."""


@dataclass(frozen=True)
class SheetDocument:
    """A document printed once on the worksheet."""

    slug: str
    """The document's slug."""
    label: str
    """How the book names it, e.g. "Document A"."""
    title: str
    """Its descriptive title."""
    paragraphs: tuple[SheetParagraph, ...]
    """Every paragraph in order."""


@dataclass(frozen=True)
class AnswerBox:
    """A group of tick boxes, one per sentence of one document."""

    label: str
    """The document's label."""
    numbers: tuple[str, ...]
    """The sentence numbers, in reading order."""


@dataclass(frozen=True)
class SheetExercise:
    """One exercise as printed: its prompt and the answer space its kind needs."""

    number: int
    """Its place on the sheet, from 1."""
    id: str
    """The exercise id (for the teacher)."""
    kind: ExerciseType
    """highlight, pairs or choice."""
    title: str
    """Short title."""
    prompt: str
    """The task, as the book gives it."""
    context: str
    """The quote a choice question is about, with its place; empty if none."""
    boxes: tuple[AnswerBox, ...]
    """Highlight: one tick box per sentence, grouped by document."""
    kinds: tuple[str, ...]
    """Highlight with kinds: the kinds' names, lettered a, b, c… on the sheet."""
    offer_none: bool
    """Highlight: whether a "There is none" box is printed."""
    pair_rows: int
    """Pairs: how many rows to write pairs in."""
    several_documents: bool
    """Pairs: whether sentence numbers must name their document."""
    options: tuple[str, ...]
    """Choice: the options' texts, lettered A, B, C… on the sheet."""
    multiple: bool
    """Choice: whether several options may be ticked."""
    points: float | None
    """The most points it can earn; ``None`` on an exam sheet."""


@dataclass(frozen=True)
class Sheet:
    """A whole worksheet."""

    title: str
    """The chapter's title, or "Exercises"."""
    exam: bool
    """Whether it is an exam worksheet (no key information at all)."""
    documents: tuple[SheetDocument, ...]
    """The documents the exercises mark, each once, in catalogue order."""
    exercises: tuple[SheetExercise, ...]
    """The exercises in the order chosen."""


def _document(catalogue: Catalogue, slug: str) -> SheetDocument:
    document = catalogue.get(slug)
    paragraphs: dict[int, list[Sentence]] = {}
    for unit in document.units:
        paragraphs.setdefault(unit.paragraph, []).append(Sentence(number=number(unit.id), text=unit.text))
    return SheetDocument(
        slug=slug,
        label=document.label,
        title=document.title,
        paragraphs=tuple(SheetParagraph(n, tuple(s)) for n, s in paragraphs.items()),
    )


def pair_rows(exercise: Exercise) -> int:
    """Rows for pairs: at least :data:`PAIR_ROWS`, more for long texts; never derived from the key."""
    return max(PAIR_ROWS, math.ceil(len(exercise.units) / 8))


def _exercise(place: int, exercise: Exercise, catalogue: Catalogue, exam: bool) -> SheetExercise:
    highlight = exercise.type is ExerciseType.HIGHLIGHT
    exam = exam or not ships_key(exercise, Mode.LEARN)  # an assessment item is printed as in an exam
    boxes = (
        tuple(
            AnswerBox(
                label=catalogue.get(slug).label,
                numbers=tuple(number(u.id) for u in exercise.units if u.document == slug),
            )
            for slug in exercise.documents
        )
        if highlight
        else ()
    )
    context = ""
    if exercise.context is not None:
        anchor = exercise.context
        where = ", ".join(number(u) for u in anchor.units)
        context = f"{anchor.quote} ({catalogue.get(anchor.document).label}, {where})"
    return SheetExercise(
        number=place,
        id=exercise.id,
        kind=exercise.type,
        title=exercise.title,
        prompt=exercise.prompt,
        context=context,
        boxes=boxes,
        kinds=tuple(label.name for label in exercise.labels),
        offer_none=highlight and (exam or exercise.allow_none),
        pair_rows=pair_rows(exercise) if exercise.type is ExerciseType.PAIRS else 0,
        several_documents=len(exercise.documents) > 1,
        options=tuple(o.text for o in exercise.options),
        multiple=exercise.multiple,
        points=None if exam else max_score(exercise),
    )


def build_sheet(title: str, exercises: Sequence[Exercise], catalogue: Catalogue, *, exam: bool = False) -> Sheet:
    """The worksheet for ``exercises`` (in the order given); ``exam`` leaves out every trace of the key."""
    used = {
        slug for e in exercises if e.type not in (ExerciseType.CHOICE, ExerciseType.REFLECTION) for slug in e.documents
    }
    return Sheet(
        title=title,
        exam=exam,
        documents=tuple(_document(catalogue, slug) for slug in catalogue.slugs if slug in used),
        exercises=tuple(_exercise(i, e, catalogue, exam) for i, e in enumerate(exercises, start=1)),
    )
