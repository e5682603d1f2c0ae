"""What several sub-commands need: the project, its catalogue and its exercises."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.assessment import with_page_settings
from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet, load_exercises
from medialit.project import Project

__all__ = ["exercises_have_errors", "load_project"]


def load_project(args: argparse.Namespace) -> tuple[Project, Catalogue, ExerciseSet]:
    """The project named by ``--root`` (or found), its verified catalogue and its exercises with their problems."""
    project = Project(Path(args.root).resolve()) if getattr(args, "root", None) else Project.find()
    catalogue = Catalogue.load(project.catalogue_path)
    return project, catalogue, with_page_settings(load_exercises(project.exercises, catalogue), project.book)


def exercises_have_errors(found: ExerciseSet, command: str) -> bool:
    """True, with a message on stderr, when the exercises have errors that ``command`` cannot work with."""
    if not found.errors:
        return False
    print(
        f"medialit {command}: the exercises have {len(found.errors)} errors; run `medialit validate` first",
        file=sys.stderr,
    )
    return True
