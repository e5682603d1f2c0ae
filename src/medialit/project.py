"""Where a medialit project keeps its seeds and exercises."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from medialit.errors import ProjectError

__all__ = ["Project"]

ROOT_ENV = "MEDIALIT_ROOT"
"""Environment variable naming the project folder; otherwise it is searched for upwards from the cwd."""


@dataclass(frozen=True)
class Project:
    """The folders of one medialit project."""

    root: Path
    """The folder holding ``seeds/`` and ``exercises/``."""

    @property
    def seeds(self) -> Path:
        """Folder of the documents and their catalogue."""
        return self.root / "seeds"

    @property
    def catalogue_path(self) -> Path:
        """The catalogue file."""
        return self.seeds / "catalogue.yaml"

    @property
    def exercises(self) -> Path:
        """Folder of the exercise YAML files."""
        return self.root / "exercises"

    @property
    def book(self) -> Path:
        """Folder of the Jupyter Book sources."""
        return self.root / "book"

    @classmethod
    def at(cls, root: str | Path) -> Project:
        """The project in the folder ``root``; :class:`ProjectError` if it holds no ``seeds/catalogue.yaml``."""
        project = cls(Path(root).resolve())
        if not project.catalogue_path.is_file():
            raise ProjectError(f"no medialit project in {project.root}: it has no seeds/catalogue.yaml")
        return project

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project named by ``$MEDIALIT_ROOT``, else the nearest folder upwards holding ``seeds/catalogue.yaml``.

        Raises :class:`ProjectError` when there is none.
        """
        if os.environ.get(ROOT_ENV):
            return cls.at(os.environ[ROOT_ENV])
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "seeds" / "catalogue.yaml").is_file():
                return cls(folder)
        raise ProjectError(
            f"no medialit project (a folder with seeds/catalogue.yaml) in {here} or above it; "
            f"run this inside the project, or name it with --root or ${ROOT_ENV}"
        )
