"""What several sub-commands need: the project, its catalogue and its exercises."""

from __future__ import annotations

import argparse
from pathlib import Path

from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet, load_exercises
from medialit.project import Project

__all__ = ["load_project"]


def load_project(args: argparse.Namespace) -> tuple[Project, Catalogue, ExerciseSet]:
    """The project named by ``--root`` (or found), its verified catalogue and its exercises with their problems."""
    project = Project(Path(args.root).resolve()) if getattr(args, "root", None) else Project.find()
    catalogue = Catalogue.load(project.catalogue_path)
    return project, catalogue, load_exercises(project.exercises, catalogue)
