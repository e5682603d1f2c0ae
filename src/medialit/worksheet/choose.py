"""Which exercises a worksheet holds: those of one book page, in page order, or a list of ids."""

from __future__ import annotations

from collections.abc import Sequence

from medialit.exercises import ExerciseSet
from medialit.model import Exercise
from medialit.reading_order import BookPage

__all__ = ["NoSuchChapter", "chapter_page", "choose_exercises"]


class NoSuchChapter(LookupError):
    """The chapter or an exercise id asked for is not in the book or in ``exercises/``."""


def chapter_page(pages: Sequence[BookPage], chapter: str) -> BookPage:
    """The page named ``chapter`` (its full name, e.g. ``documents/document-a``, or its last part)."""
    name = chapter.removesuffix(".md").strip("/")
    for page in pages:
        if name in (page.name, page.short_name):
            return page
    with_exercises = ", ".join(p.short_name for p in pages if p.exercise_ids)
    raise NoSuchChapter(f"no chapter {chapter!r} in the book; chapters with exercises: {with_exercises or 'none'}")


def choose_exercises(
    exercises: ExerciseSet, pages: Sequence[BookPage], *, chapter: str | None = None, ids: Sequence[str] = ()
) -> tuple[str, tuple[Exercise, ...]]:
    """(title, exercises) for a chapter, or for a list of exercise ids (in the order given)."""
    known = {e.id: e for e in exercises.exercises}
    if chapter is not None:
        page = chapter_page(pages, chapter)
        if not page.exercise_ids:
            raise NoSuchChapter(f"the chapter {chapter!r} has no exercises")
        ids, title = page.exercise_ids, page.title
    else:
        title = "Exercises"
    if not ids:
        raise NoSuchChapter("name a chapter or at least one exercise id")
    missing = [i for i in ids if i not in known]
    if missing:
        raise NoSuchChapter(f"no exercise {', '.join(map(repr, missing))} in exercises/")
    return title, tuple(dict.fromkeys(known[i] for i in ids))
