"""The book's reading order: its pages in ``book/_toc.yml`` order, and the exercises each page embeds.

A page embeds an exercise with a ``medialit-exercise ID`` directive (or its older name ``exercise ID``; in backtick,
tilde or colon fences, or as reStructuredText ``.. medialit-exercise:: ID``). Lesson order is the order a learner
meets the exercises when reading the book from the start; exercises on no page come last, by id. A page's front matter
may put its exercises under the assessment setting (:mod:`medialit.assessment`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from medialit.errors import ProjectError
from medialit.model import Exercise

__all__ = [
    "EXERCISE_DIRECTIVES",
    "FRONT_MATTER_KEY",
    "BookPage",
    "exercise_directives",
    "lesson_order",
    "page_is_assessed",
    "page_text",
    "reading_order",
]

FRONT_MATTER_KEY = "medialit-assessment"
"""The front-matter key of a page under the assessment setting."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
EXERCISE_DIRECTIVES = ("medialit-exercise", "exercise")
"""The names of the directive that shows an exercise by its id (a test holds them to the Sphinx extension's)."""
_NAMES = "|".join(re.escape(name) for name in EXERCISE_DIRECTIVES)
_FENCED = re.compile(rf"^[ \t]*(?:`{{3,}}|~{{3,}}|:{{3,}})\{{(?:{_NAMES})\}}[ \t]*(?P<id>[^\s`~]*)")
_RST = re.compile(rf"^[ \t]*\.\.[ \t]+(?:{_NAMES})::[ \t]*(?P<id>\S*)")
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_SUFFIXES = (".md", ".ipynb", ".rst")


@dataclass(frozen=True)
class BookPage:
    """One page of the book, in reading order."""

    name: str
    """The page as ``_toc.yml`` names it, without suffix, e.g. ``"sourcing"`` or ``"documents/document-a"``."""
    title: str
    """The page's first top-level heading, else its name."""
    exercise_ids: tuple[str, ...]
    """Ids of the exercises the page embeds, in the order they appear."""
    assessment: bool = False
    """Whether the page's front matter puts its exercises under the assessment setting (:mod:`medialit.assessment`)."""

    @property
    def short_name(self) -> str:
        """The last part of the name, e.g. ``"document-a"``."""
        return self.name.rsplit("/", 1)[-1]


def front_matter(text: str) -> dict[str, object]:
    """The YAML front matter the page source ``text`` starts with; empty when it has none or it cannot be read
    (the book's build reports such a page)."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return {}
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return {}
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def page_is_assessed(text: str) -> bool:
    """Whether the page source ``text`` starts with front matter saying ``medialit-assessment: true``."""
    return front_matter(text).get(FRONT_MATTER_KEY) is True


def _files(entries: Iterable[object]) -> Iterator[str]:
    """Every ``file`` in a list of ``_toc.yml`` entries, depth first (a chapter before its sections)."""
    for entry in entries or ():
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("file"), str):
            yield entry["file"]
        for key in ("chapters", "sections", "parts"):
            yield from _files(entry.get(key) or ())


def exercise_directives(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, id) of every exercise directive in the Markdown ``text`` (the id is empty where none is named)."""
    for number, line in enumerate(text.splitlines(), start=1):
        found = _FENCED.match(line) or _RST.match(line)
        if found is not None:
            yield number, found["id"]


def _source(book: Path, name: str) -> Path | None:
    for suffix in ("", *_SUFFIXES):
        path = book / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def _page(book: Path, name: str) -> BookPage:
    name = re.sub(r"\.(md|ipynb|rst)$", "", name)
    path = _source(book, name)
    text = path.read_text(encoding="utf-8") if path else ""
    heading = _HEADING.search(text)
    return BookPage(
        name=name,
        title=heading.group(1) if heading else name,
        exercise_ids=tuple(found for _, found in exercise_directives(text) if found),
        assessment=page_is_assessed(text),
    )


def page_text(book: Path, page: BookPage) -> str:
    """The source text of ``page`` (empty when its file is missing)."""
    path = _source(book, page.name)
    return path.read_text(encoding="utf-8") if path else ""


def reading_order(book: Path) -> tuple[BookPage, ...]:
    """Every page of the book in ``book/_toc.yml`` order (the root first); empty when there is no ``_toc.yml``.

    Raises :class:`ProjectError` when ``_toc.yml`` cannot be read or is not a table of contents.
    """
    toc_path = book / "_toc.yml"
    if not toc_path.is_file():
        return ()
    try:
        toc = yaml.safe_load(toc_path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ProjectError(f"{toc_path}: the table of contents cannot be read: {_why(error)}") from None
    if not isinstance(toc, dict):
        raise ProjectError(f"{toc_path}: the table of contents must be a mapping with `root:` and `chapters:`")
    names = ([toc["root"]] if isinstance(toc.get("root"), str) else []) + list(_files([toc]))
    seen: dict[str, BookPage] = {}
    for name in names:
        page = _page(book, name)
        seen.setdefault(page.name, page)
    return tuple(seen.values())


def _why(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return " ".join(str(error).split())


def lesson_order(exercises: Iterable[Exercise], pages: Iterable[BookPage]) -> tuple[Exercise, ...]:
    """``exercises`` in the order the book's pages embed them; those on no page follow, sorted by id."""
    by_id = {e.id: e for e in exercises}
    ordered: dict[str, Exercise] = {}
    for page in pages:
        for exercise_id in page.exercise_ids:
            if exercise_id in by_id:
                ordered.setdefault(exercise_id, by_id[exercise_id])
    rest = sorted(set(by_id) - set(ordered))
    return (*ordered.values(), *(by_id[i] for i in rest))
