"""``medialit validate``'s checks of the book: pages and exercises that do not meet.

* Every exercise directive (``{medialit-exercise} ID`` or its older name ``{exercise} ID``, in a backtick, tilde or
  colon fence, or as ``.. medialit-exercise:: ID``) names an existing exercise; the message names the page, its line
  and the nearest existing id.
* Every exercise is shown by a page of the table of contents, or says why not with ``unused: <reason>``.
* Every ``.md`` or ``.ipynb`` page under ``book/`` is in ``book/_toc.yml``, except in folders starting with ``_`` or
  ``.`` (build output, previews).
* Every page of the exam allow-list (``book/_exam.yml``) is in ``book/_toc.yml``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from medialit import yamlfile
from medialit.errors import ProjectError
from medialit.model import Exercise
from medialit.problems import Problem, Severity
from medialit.reading_order import EXERCISE_DIRECTIVES, exercise_directives, reading_order
from medialit.yamlfile import YamlFile

__all__ = ["EXERCISE_DIRECTIVES", "Directive", "book_problems", "directives", "page_problems", "pages_on_disk"]

_PAGE_SUFFIXES = (".md", ".ipynb")
_ID_LINE = re.compile(r"^id[ \t]*:[ \t]*[\"']?(?P<id>[^\s\"'#]+)", re.MULTILINE)


@dataclass(frozen=True)
class Directive:
    """One exercise directive on a page."""

    page: Path
    """The page file."""
    line: int | None
    """1-based line in a Markdown page; ``None`` in a notebook."""
    where: str
    """``{medialit-exercise}``, or ``cell 3: {medialit-exercise}`` in a notebook."""
    exercise_id: str
    """The id it names (empty when it names none)."""


def directives(page: Path) -> list[Directive]:
    """Every exercise directive on the page ``page`` (a ``.md`` file, or the Markdown cells of a notebook)."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    if page.suffix != ".ipynb":
        return [Directive(page, n, "{medialit-exercise}", i) for n, i in exercise_directives(text)]
    try:
        cells = json.loads(text).get("cells", [])
    except (ValueError, AttributeError):
        return []
    found = []
    for number, cell in enumerate(cells if isinstance(cells, list) else [], start=1):
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            found += [
                Directive(page, None, f"cell {number}: {{medialit-exercise}}", i)
                for _, i in exercise_directives(source)
            ]
    return found


def pages_on_disk(book: Path) -> list[Path]:
    """Every ``.md`` and ``.ipynb`` file under ``book``, leaving out folders whose name starts with ``_`` or ``.``."""
    found = []
    for folder, subfolders, files in os.walk(book):
        subfolders[:] = [name for name in subfolders if not name.startswith(("_", "."))]
        found += [Path(folder, name) for name in files if name.endswith(_PAGE_SUFFIXES)]
    return sorted(found)


def _page_name(book: Path, page: Path) -> str:
    return page.relative_to(book).with_suffix("").as_posix()


def _ids_in_files(folder: Path) -> dict[str, Path]:
    """The id of every exercise file, valid or not (a file with errors still has its id)."""
    found: dict[str, Path] = {}
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            match = _ID_LINE.search(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if match is not None:
            found.setdefault(match["id"], path)
    return found


def _nearest(name: str, choices: Iterable[str]) -> str | None:
    options = sorted(choices)
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.0)
    return close[0] if close else None


def _directive_problems(
    found: list[Directive], valid: dict[str, Exercise], files: dict[str, Path]
) -> Iterator[Problem]:
    for directive in found:
        exercise_id = directive.exercise_id
        if exercise_id in valid:
            continue
        if exercise_id in files:
            yield Problem(
                file=str(directive.page),
                line=directive.line,
                field=directive.where,
                message=f"the exercise {exercise_id!r} has errors, so this page shows nothing here",
                fix=f"fix the errors listed for {files[exercise_id]}",
                severity=Severity.WARNING,
            )
            continue
        nearest = _nearest(exercise_id, valid) if exercise_id else None
        where = f" ({Path(valid[nearest].source).name})" if nearest else ""
        yield Problem(
            file=str(directive.page),
            line=directive.line,
            field=directive.where,
            message=f"there is no exercise {exercise_id!r} in exercises/, so this page would show nothing here"
            if exercise_id
            else "this exercise directive names no exercise",
            fix=(f"did you mean {nearest!r}{where}? " if nearest else "")
            + "Write the `id:` of the exercise file after {medialit-exercise}",
        )


def _unused_reason(exercise: Exercise) -> str | None:
    """The exercise file's ``unused:`` reason, if it has one."""
    try:
        data = yamlfile.load(Path(exercise.source).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    reason = data.get("unused") if isinstance(data, dict) else None
    return reason if isinstance(reason, str) else None


def _id_line(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = _ID_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _exercise_problems(book: Path, exercises: Iterable[Exercise], shown: dict[str, str]) -> Iterator[Problem]:
    for exercise in exercises:
        reason = _unused_reason(exercise)
        source = Path(exercise.source)
        if exercise.id in shown and reason is not None:
            yield Problem(
                file=exercise.source,
                line=_id_line(source),
                field="unused",
                message=f"this exercise says it is unused, but {shown[exercise.id]} shows it",
                fix="remove the `unused:` line",
                severity=Severity.WARNING,
            )
        elif exercise.id not in shown and reason is None:
            yield Problem(
                file=exercise.source,
                line=_id_line(source),
                field="id",
                message=f"no page of the book shows the exercise {exercise.id!r}, so learners never see it",
                fix=f"add a line ```{{medialit-exercise}} {exercise.id}``` (and a line ``` under it) to a page listed "
                f"in {book / '_toc.yml'}; or, if it stays off the book on purpose, add `unused: ` and the reason "
                "to this file, for example `unused: kept for next term`",
            )


def _toc_problems(book: Path, on_disk: list[Path], in_toc: set[str]) -> Iterator[Problem]:
    toc = book / "_toc.yml"
    for page in on_disk:
        if _page_name(book, page) not in in_toc:
            yield Problem(
                file=str(page),
                line=None,
                field="",
                message=f"this page is not in the table of contents ({toc}), so the book leaves it out: learners "
                "never see it",
                fix=f"add `- file: {_page_name(book, page)}` to {toc} where it belongs, or delete the page (or move "
                "it to a folder whose name starts with _)",
            )


def _exam_problems(book: Path, in_toc: set[str]) -> Iterator[Problem]:
    """Each page of the exam allow-list that the table of contents does not have (the build checks the rest)."""
    path = book / "_exam.yml"
    if not path.is_file():
        return
    try:
        allow = YamlFile.read(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return  # the exam build reports an unreadable allow-list with its own message
    pages = allow.data.get("pages") if isinstance(allow.data, dict) else None
    for index, page in enumerate(pages if isinstance(pages, list) else []):
        if not isinstance(page, str) or page in in_toc:
            continue
        nearest = _nearest(page, in_toc)
        yield Problem(
            file=str(path),
            line=allow.line_of(("pages", index)),
            field=f"pages[{index}]",
            message=f"the exam allow-list names the page {page!r}, which is not in {book / '_toc.yml'}",
            fix=(f"did you mean {nearest!r}? " if nearest else "") + "list only pages of the table of contents",
        )


def book_problems(book: Path, exercises_folder: Path, exercises: Iterable[Exercise]) -> tuple[Problem, ...]:
    """Every problem between the book in ``book`` and the (valid) ``exercises`` of ``exercises_folder``; none when
    there is no book (no ``_toc.yml``)."""
    if not (book / "_toc.yml").is_file():
        return ()  # no book to check: exercise files on their own
    valid = {e.id: e for e in exercises}
    try:
        toc_pages = reading_order(book)
    except ProjectError as error:
        return (Problem(file=str(book / "_toc.yml"), line=None, field="", message=str(error), fix=""),)
    in_toc = {page.name for page in toc_pages}
    on_disk = pages_on_disk(book)
    found = [d for page in on_disk for d in directives(page)]
    shown: dict[str, str] = {}
    for directive in found:
        if _page_name(book, directive.page) in in_toc:
            shown.setdefault(directive.exercise_id, str(directive.page))
    return (
        *_directive_problems(found, valid, _ids_in_files(exercises_folder)),
        *_exercise_problems(book, valid.values(), shown),
        *_toc_problems(book, on_disk, in_toc),
        *_exam_problems(book, in_toc),
    )


def page_problems(page: Path, exercises_folder: Path, exercises: Iterable[Exercise]) -> tuple[Problem, ...]:
    """The problems of the exercise directives on one page: ids that name no exercise, or one with errors."""
    return tuple(_directive_problems(directives(page), {e.id: e for e in exercises}, _ids_in_files(exercises_folder)))
