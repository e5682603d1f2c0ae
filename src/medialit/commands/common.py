"""What several sub-commands need: the course of the project named by ``--root`` (or found), and a check on it."""

from __future__ import annotations

import argparse
import sys

from medialit.course import Course
from medialit.exercises import ExerciseSet

__all__ = ["exercises_have_errors", "load_course"]


def load_course(args: argparse.Namespace) -> Course:
    """The course named by ``--root`` (or found), its exercise errors left in it for the command to report.

    Raises :class:`medialit.errors.ProjectError` when there is no project or its catalogue or book cannot be read.
    """
    root = getattr(args, "root", None)
    return Course.load(root or None, strict=False)


def exercises_have_errors(found: ExerciseSet, command: str) -> bool:
    """True, with a message on stderr, when the exercises have errors that ``command`` cannot work with."""
    if not found.errors:
        return False
    print(
        f"medialit {command}: the exercises have {len(found.errors)} errors; run `medialit validate` first",
        file=sys.stderr,
    )
    return True
