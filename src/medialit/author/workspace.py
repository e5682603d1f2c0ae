"""What one ``medialit author`` run knows about the project, and the only writes it makes.

Writes go to ``exercises/`` (the exercise files) and ``book/`` (the case study's page) and nowhere else: every path
is resolved and refused unless it lies inside one of them, so a file name holding ``..`` or a link cannot escape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medialit import yamlfile
from medialit.author.draft import Checked, ExerciseFiles, check_draft
from medialit.author.yamlout import YamlOutError, edited_text, new_text
from medialit.catalogue import Catalogue, Document
from medialit.course import find_project, load_catalogue
from medialit.errors import MedialitError
from medialit.kinds import ExerciseType
from medialit.model import Skill
from medialit.problems import Problem
from medialit.project import Project
from medialit.state import exercise_state

__all__ = ["AuthorError", "Saved", "Workspace", "inside"]

EXERCISE_FILE = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}\.ya?ml$")
"""An exercise file name: an exercise id and ``.yaml`` (or ``.yml``), nothing else."""

KEYED = (ExerciseType.HIGHLIGHT, ExerciseType.PAIRS, ExerciseType.CHOICE)
"""The kinds whose items the page keys; other kinds show only their common fields."""


class AuthorError(MedialitError):
    """A request the authoring page cannot carry out; the message says why."""


def inside(folder: Path, name: str) -> Path:
    """``folder / name`` resolved; :class:`AuthorError` unless it is a file name inside ``folder``."""
    base = folder.resolve()
    path = (base / name).resolve()
    if path.parent != base or not EXERCISE_FILE.match(path.name) or name != path.name:
        raise AuthorError(f"{name!r} is not an exercise file name in {base}")
    return path


@dataclass(frozen=True)
class Saved:
    """What a save wrote."""

    file: str
    """The exercise file's name in ``exercises/``."""
    written: tuple[Path, ...]
    """Every file written."""
    checked: Checked
    """The saved file's problems."""


def _not_on_a_page(problem: Problem) -> bool:
    """Whether ``problem`` says that no page shows the exercise: saving a new exercise puts it on its text's page."""
    return problem.field == "id" and problem.message.startswith("no page of the book shows the exercise")


class Workspace:
    """One case study of one project, as the authoring page sees it."""

    def __init__(self, project: Project, slug: str) -> None:
        self.project = project
        self.catalogue: Catalogue = load_catalogue(project)
        if slug not in self.catalogue.slugs:
            known = ", ".join(self.catalogue.slugs)
            raise AuthorError(
                f"there is no case study {slug!r} in {project.catalogue_path} (known: {known}); "
                f"add one with `medialit new-case TEXT --slug {slug}`"
            )
        self.document: Document = self.catalogue.get(slug)
        self.files = ExerciseFiles(project.exercises, self.catalogue)
        self.exercises = project.exercises.resolve()
        self.book = project.book.resolve()

    @classmethod
    def open(cls, root: str | Path | None, slug: str) -> Workspace:
        """The workspace of ``slug`` in the project at ``root`` (or found)."""
        return cls(find_project(root), slug)

    @property
    def slug(self) -> str:
        """The case study."""
        return self.document.slug

    @property
    def page(self) -> Path:
        """The case study's chapter page."""
        return self.book / "cases" / f"{self.slug}.md"

    def text(self) -> dict[str, Any]:
        """The document as the page shows it: its paragraphs of sentences, with their places in the text."""
        paragraphs: dict[int, list[dict[str, Any]]] = {}
        for unit in self.document.units:
            paragraphs.setdefault(unit.paragraph, []).append(
                {"id": unit.id, "text": unit.text, "start": unit.start, "end": unit.end}
            )
        return {
            "slug": self.slug,
            "label": self.document.label,
            "title": self.document.title,
            "text": self.document.text,
            "lang": self.document.lang,
            "dir": str(self.document.dir),
            "paragraphs": [{"number": n, "units": units} for n, units in paragraphs.items()],
        }

    def listing(self) -> list[dict[str, Any]]:
        """The exercise files about this text: its starters and every file whose exercise quotes it."""
        out = []
        for path in sorted([*self.exercises.glob("*.yaml"), *self.exercises.glob("*.yml")]):
            try:
                data = yamlfile.load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                data = None
            documents = data.get("documents") if isinstance(data, dict) else None
            ours = path.name.startswith(f"{self.slug}-") or (isinstance(documents, list) and self.slug in documents)
            if ours and EXERCISE_FILE.match(path.name):
                info = data if isinstance(data, dict) else {}
                out.append(
                    {
                        "file": path.name,
                        "id": str(info.get("id", "")),
                        "type": str(info.get("type", "")),
                        "title": str(info.get("title", "")),
                        "readable": isinstance(data, dict),
                    }
                )
        return out

    def choices(self) -> dict[str, Any]:
        """The kinds the page keys and the skills an exercise can practise."""
        return {"kinds": [str(k) for k in KEYED], "skills": [str(s) for s in Skill]}

    def read(self, name: str) -> dict[str, Any]:
        """An exercise file's data; :class:`AuthorError` if it cannot be read as YAML."""
        path = inside(self.exercises, name)
        try:
            data = yamlfile.load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise AuthorError(f"there is no file {path}") from None
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise AuthorError(
                f"{path} cannot be read as YAML ({' '.join(str(error).split())}): fix it in a text editor first "
                "(`medialit validate` says where)"
            ) from None
        if not isinstance(data, dict):
            raise AuthorError(f"{path} does not hold an exercise (fields such as `id:` and `type:`)")
        return data

    def _target(self, name: str | None, data: dict[str, Any]) -> Path:
        """Where ``data`` goes: the file it was opened from, or a new file named after its id."""
        if name:
            return inside(self.exercises, name)
        exercise_id = data.get("id")
        if not isinstance(exercise_id, str) or not EXERCISE_FILE.match(f"{exercise_id}.yaml"):
            raise AuthorError(
                "a new exercise needs an id of lower-case letters, digits and hyphens (2 to 64 characters) "
                "before it can be saved"
            )
        return inside(self.exercises, f"{exercise_id}.yaml")

    def yaml_text(self, path: Path, data: dict[str, Any], new: bool) -> str:
        """The text a save would write to ``path``."""
        if not new and path.is_file():
            return edited_text(path.read_text(encoding="utf-8"), data)
        return new_text(data)

    def check(self, name: str | None, data: dict[str, Any]) -> tuple[Checked, dict[str, Any] | None]:
        """The draft's problems, and the state a learner's page would get when it has no error."""
        if not isinstance(data, dict):
            raise AuthorError("the draft is not an exercise")
        try:
            path = self._target(name, data)
        except AuthorError:
            path = self.exercises / "new-exercise.yaml"
        try:
            text = self.yaml_text(path, data, new=not name)
        except YamlOutError as error:
            problem = Problem(file=str(path), line=None, field="", message=str(error))
            return Checked(None, (problem,)), None
        checked = check_draft(path, text, data, self.files, self.book)
        if not name and self.page.is_file():
            checked = Checked(checked.exercise, tuple(p for p in checked.problems if not _not_on_a_page(p)))
        state = exercise_state(checked.exercise, self.catalogue) if checked.exercise is not None else None
        return checked, state

    def save(self, name: str | None, data: dict[str, Any]) -> Saved:
        """Write the draft: into its file, or as a new file whose directive goes onto the case study's page."""
        if not isinstance(data, dict):
            raise AuthorError("the draft is not an exercise")
        path = self._target(name, data)
        if not name and path.exists():
            raise AuthorError(f"{path.name} already exists in {self.exercises}: give the new exercise another id")
        text = self.yaml_text(path, data, new=not name)
        checked = check_draft(path, text, data, self.files, self.book)
        path.write_text(text, encoding="utf-8")
        written = [path]
        if not name and self._add_directive(str(data["id"]), str(data.get("title", ""))):
            written.append(self.page)
        return Saved(path.name, tuple(written), checked)

    def _add_directive(self, exercise_id: str, title: str) -> bool:
        """Put the exercise on the case study's page, unless it is there already; False if nothing changed."""
        page = self.page.resolve()
        if page.parent.parent != self.book or not page.is_file():
            return False
        text = page.read_text(encoding="utf-8")
        if re.search(r"\{medialit-exercise\}\s+" + re.escape(exercise_id) + r"\s*$", text, flags=re.MULTILINE):
            return False
        heading = " ".join(title.split()) or exercise_id
        addition = f"## {heading}\n\n```{{medialit-exercise}} {exercise_id}\n```\n"
        page.write_text(text.rstrip("\n") + "\n\n" + addition, encoding="utf-8")
        return True
