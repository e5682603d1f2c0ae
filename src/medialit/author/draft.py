"""Check a draft exercise with the functions ``medialit validate`` uses, so that its messages are the same.

The draft is written, as its YAML text, into a scratch folder under its own file name and read with
:func:`medialit.exercises.load_exercises` next to any other file that uses the same exercise id; the explanations are
checked against the later exercises of the book with :func:`medialit.reveals.reveal_problems`, and its place in the
book with :func:`medialit.commands.validate_book.book_problems`. File names in the
problems are then put back to the draft's place in ``exercises/``. The other exercise files are read once and again
only when they change.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.assessment import with_page_settings
from medialit.catalogue import Catalogue
from medialit.commands.validate_book import book_problems
from medialit.exercises import ExerciseSet, load_exercise, load_exercises
from medialit.model import Exercise
from medialit.problems import Problem
from medialit.reading_order import reading_order
from medialit.reveals import reveal_problems

__all__ = ["Checked", "ExerciseFiles", "check_draft"]


@dataclass(frozen=True)
class Checked:
    """What checking one draft found."""

    exercise: Exercise | None
    """The draft compiled, or None when it has an error."""
    problems: tuple[Problem, ...]
    """Its problems, as ``medialit validate`` lists them for its file."""


class ExerciseFiles:
    """The project's exercise files, each read with :func:`load_exercise` once and again when it changes."""

    def __init__(self, folder: Path, catalogue: Catalogue) -> None:
        self.folder = folder
        self.catalogue = catalogue
        self._read: dict[Path, tuple[tuple[int, int], Exercise | None]] = {}

    def exercises(self) -> dict[Path, Exercise | None]:
        """Every exercise file in the folder and its exercise (None when the file has an error)."""
        paths = sorted([*self.folder.glob("*.yaml"), *self.folder.glob("*.yml")])
        out: dict[Path, Exercise | None] = {}
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue
            stamp = (stat.st_mtime_ns, stat.st_size)
            known = self._read.get(path)
            if known is None or known[0] != stamp:
                known = (stamp, load_exercise(path, self.catalogue)[0])
                self._read[path] = known
            out[path] = known[1]
        return out


def _put_back(problem: Problem, scratch: Path, folder: Path) -> Problem:
    """``problem`` naming ``folder`` where it names the scratch folder."""

    def fixed(text: str) -> str:
        return text.replace(str(scratch), str(folder))

    return dataclasses.replace(
        problem, file=fixed(problem.file), message=fixed(problem.message), fix=fixed(problem.fix)
    )


def check_draft(path: Path, text: str, data: Any, files: ExerciseFiles, book: Path) -> Checked:
    """Check ``text`` (the YAML of ``data``) as if it were the exercise file ``path``."""
    others = {p: e for p, e in files.exercises().items() if p.name != path.name}
    draft_id = data.get("id") if isinstance(data, dict) else None
    same_id = [p for p, e in others.items() if e is not None and e.id == draft_id]
    with tempfile.TemporaryDirectory(prefix="medialit-author-") as folder:
        scratch = Path(folder).resolve() / "exercises"
        scratch.mkdir()
        (scratch / path.name).write_text(text, encoding="utf-8")
        for other in same_id:
            shutil.copyfile(other, scratch / other.name)
        found = load_exercises(scratch, files.catalogue)
        draft_file = str(scratch / path.name)
        problems = [p for p in found.problems if p.file == draft_file]
        draft = next((e for e in found.exercises if e.source == draft_file), None)
        if draft is not None:
            problems.extend(p for p in _reveals(draft, others, same_id, book, files.catalogue) if p.file == draft_file)
            problems.extend(p for p in book_problems(book, scratch, (draft,)) if p.file == draft_file)
        checked = tuple(_put_back(p, scratch, files.folder) for p in problems)
        exercise = dataclasses.replace(draft, source=str(path)) if draft is not None else None
    return Checked(exercise if not any(p.severity == "error" for p in checked) else None, checked)


def _reveals(
    draft: Exercise, others: dict[Path, Exercise | None], same_id: list[Path], book: Path, catalogue: Catalogue
) -> tuple[Problem, ...]:
    """The draft's explanations that give away a later answer (the draft's file must still exist)."""
    pages = reading_order(book)
    order = [i for page in pages for i in page.exercise_ids]
    if draft.id not in order:
        return ()  # an exercise on no page is not compared
    after = set(order[order.index(draft.id) :])
    later = [e for p, e in others.items() if e is not None and p not in same_id and e.id in after]
    found = with_page_settings(ExerciseSet((draft, *later), ()), pages)
    return reveal_problems(found.exercises, book, [d.text for d in catalogue.documents])
