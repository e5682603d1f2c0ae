"""A worksheet as data: each document once with numbered sentences, then each exercise with its answer space.

An exam worksheet (``exam=True``) carries nothing derived from the key: no points, no hints, no takeaways, a number
of pair rows that depends only on the text (each kind draws its own answer space: ``kinds/<kind>/sheet.py`` and
``worksheet.html``), and "There is none" on every highlight exercise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.kinds import ExerciseType, kind_of
from medialit.model import Exercise
from medialit.modes import Mode
from medialit.scoring import max_score
from medialit.state import ships_key
from medialit.worksheet.numbers import number

__all__ = [
    "Sentence",
    "Sheet",
    "SheetDocument",
    "SheetExercise",
    "SheetParagraph",
    "build_sheet",
]


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
    lang: str = "en"
    """The text's language (a BCP 47 tag), set on its paragraphs."""
    dir: str = "ltr"
    """The text's direction, ``ltr`` or ``rtl``, set on its paragraphs."""


@dataclass(frozen=True)
class SheetExercise:
    """One exercise as printed: its prompt and the answer space its kind needs."""

    number: int
    """Its place on the sheet, from 1."""
    id: str
    """The exercise id (for the teacher)."""
    kind: ExerciseType
    """Its kind, which draws its answer space."""
    title: str
    """Short title."""
    prompt: str
    """The task, as the book gives it."""
    context: str
    """The quote a choice question is about, with its place; empty if none."""
    answer: object
    """The answer space, as its kind draws it (data for ``kinds/<kind>/worksheet.html``)."""
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
        lang=document.lang,
        dir=str(document.dir),
    )


def _exercise(place: int, exercise: Exercise, catalogue: Catalogue, exam: bool) -> SheetExercise:
    exam = exam or not ships_key(exercise, Mode.LEARN)  # an assessment item is printed as in an exam
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
        answer=kind_of(exercise).answer_space(exercise, catalogue, exam),
        points=None if exam else max_score(exercise),
    )


def build_sheet(title: str, exercises: Sequence[Exercise], catalogue: Catalogue, *, exam: bool = False) -> Sheet:
    """The worksheet for ``exercises`` (in the order given); ``exam`` leaves out every trace of the key."""
    used = {slug for e in exercises if kind_of(e).prints_documents for slug in e.documents}
    return Sheet(
        title=title,
        exam=exam,
        documents=tuple(_document(catalogue, slug) for slug in catalogue.slugs if slug in used),
        exercises=tuple(_exercise(i, e, catalogue, exam) for i, e in enumerate(exercises, start=1)),
    )
