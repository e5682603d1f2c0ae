"""One course, loaded in one place: the project's catalogue, its exercises and the book's reading order.

Every reader of a project (the command line, the book's extension, live widgets, the teacher tools) calls
:meth:`Course.load`. It finds the project, reads the catalogue and its seed files, reads every exercise file, reads
the book's table of contents and pages (with the check forms their front matter names: :mod:`medialit.forms`), and
applies the pages' assessment setting to the exercises (:func:`medialit.assessment.with_page_settings`). Whatever
stops that raises one :class:`ProjectError` saying what and where; the command line shows it as one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medialit.assessment import with_page_settings
from medialit.authoring.yamlmistakes import syntax_problem
from medialit.catalogue import Catalogue, CatalogueEntryError, SeedIntegrityError
from medialit.errors import ProjectError
from medialit.exercises import ExerciseSet, load_exercises
from medialit.forms import CheckForms, check_forms
from medialit.model import Exercise
from medialit.problems import Problem
from medialit.project import Project
from medialit.reading_order import BookPage, lesson_order, reading_order

__all__ = ["Course", "ProjectError", "find_project", "load_catalogue"]


def find_project(root: str | Path | None = None, *, start: Path | None = None) -> Project:
    """The project in ``root``; without it, ``$MEDIALIT_ROOT`` or the nearest project from ``start`` (the cwd) up."""
    return Project.at(root) if root else Project.find(start)


def load_catalogue(project: Project) -> Catalogue:
    """The project's catalogue with every seed file checked; :class:`ProjectError` if it cannot be used."""
    path = project.catalogue_path
    try:
        return Catalogue.load(path)
    except (OSError, ValueError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        problem = _catalogue_problem(path, error)
        raise ProjectError(f"{problem.file}: {problem.message}", (problem,)) from None


def _catalogue_problem(path: Path, error: Exception) -> Problem:
    """Why the catalogue at ``path`` cannot be used, as one problem with its fix."""
    if isinstance(error, CatalogueEntryError):  # its message names the entry, the field and the fix
        return Problem(file=str(path), line=None, field="documents", message=str(error).removeprefix(f"{path}: "))
    if isinstance(error, SeedIntegrityError):
        return Problem(
            file=str(path),
            line=None,
            field="documents",
            message=str(error),
            fix="a text in seeds/ must stay exactly as it was registered: undo the change to it; if the "
            "change is wanted, write the SHA-256 shown here as its `sha256:` in the catalogue",
        )
    if isinstance(error, yaml.YAMLError):
        try:
            return syntax_problem(path, path.read_text(encoding="utf-8"), error)
        except (OSError, UnicodeDecodeError):
            mark = getattr(error, "problem_mark", None)
            return Problem(
                file=str(path),
                line=mark.line + 1 if mark else None,
                field="",
                message="this is not valid YAML",
                fix="check the indentation of the entry you changed last",
            )
    if isinstance(error, OSError):
        return Problem(
            file=str(path),
            line=None,
            field="",
            message=f"the catalogue cannot be read: {error.strerror or error}",
            fix="check that the file exists and that you may read it",
        )
    if isinstance(error, UnicodeDecodeError):
        return Problem(
            file=str(path),
            line=None,
            field="",
            message="the catalogue or one of its texts is not UTF-8",
            fix="save the file as UTF-8",
        )
    what = f"{type(error).__name__}: {error}" if isinstance(error, KeyError) else str(error)
    return Problem(
        file=str(path),
        line=None,
        field="documents",
        message=f"a catalogue entry is incomplete or malformed ({' '.join(what.split())})",
        fix="every entry needs `slug`, `label`, `title`, `file` and `sha256`; "
        "`medialit new-case` writes a complete one",
    )


@dataclass(frozen=True)
class Course:
    """Everything a project holds, read and checked: catalogue, exercises and the book's pages in reading order."""

    project: Project
    """Where the project's folders are."""
    catalogue: Catalogue
    """The documents, with every seed file checked against its checksum."""
    exercises: ExerciseSet
    """Every exercise, with the book pages' assessment setting applied, and the problems found in the files."""
    pages: tuple[BookPage, ...]
    """The book's pages in reading order, each with the exercises it embeds (empty when there is no book)."""
    forms: CheckForms = field(default_factory=CheckForms)
    """The exercises of check forms A and B, from the pages' ``medialit-check-form`` front matter."""

    @classmethod
    def load(
        cls,
        root: str | Path | None = None,
        *,
        start: Path | None = None,
        book: Path | None = None,
        strict: bool = True,
    ) -> Course:
        """Load the project in ``root`` (default: ``$MEDIALIT_ROOT``, else found from ``start`` or the cwd upwards).

        ``book`` is the folder of the book's sources (default: the project's ``book/``). With ``strict`` (the
        default), exercise files with errors raise :class:`ProjectError`; without it, the errors are left in
        :attr:`exercises` for the caller to report. Every other failure raises :class:`ProjectError`.
        """
        project = find_project(root, start=start)
        catalogue = load_catalogue(project)
        folder = book if book is not None else project.book
        pages = reading_order(folder)
        forms = check_forms(folder, pages)
        found = with_page_settings(load_exercises(project.exercises, catalogue), pages)
        if strict and found.errors:
            count = len(found.errors)
            raise ProjectError(
                f"the exercise files have {count} error{'s' if count != 1 else ''} (first: "
                f"{' '.join(str(found.errors[0]).split())}); run `medialit validate` to see them all",
                found.errors,
            )
        return cls(project=project, catalogue=catalogue, exercises=found, pages=pages, forms=forms)

    @property
    def by_id(self) -> Mapping[str, Exercise]:
        """The valid exercises by id."""
        return {e.id: e for e in self.exercises.exercises}

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id; :class:`ProjectError` naming the known ids if there is none."""
        try:
            return self.exercises.get(exercise_id)
        except KeyError:
            known = ", ".join(e.id for e in self.exercises.exercises)
            raise ProjectError(f"no exercise {exercise_id!r} in {self.project.exercises}; known: {known}") from None

    @property
    def lesson_order(self) -> tuple[Exercise, ...]:
        """The exercises in the order the book's pages embed them; those on no page follow, by id."""
        return lesson_order(self.exercises.exercises, self.pages)
