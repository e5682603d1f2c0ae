"""``medialit validate``: check the catalogue and every exercise file, and list every problem.

Errors stop a file from being used (the book will not build); warnings do not. An item id used twice inside one
exercise is an error, because scoring and feedback find items by id; an exercise id used twice across files is an
error too (the second file is left out).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from medialit.catalogue import SeedIntegrityError
from medialit.commands.common import load_project
from medialit.exercises import ExerciseSet
from medialit.problems import Problem
from medialit.project import Project

HELP = "Check the catalogue and every exercise file: schema, quotes, ids. Exits 1 if anything has an error."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    """Print the problems; 0 when there is no error (warnings allowed), else 1."""
    try:
        _, _, found = load_project(args)
    except (SeedIntegrityError, KeyError, TypeError, yaml.YAMLError) as error:
        found = ExerciseSet((), (_catalogue_problem(args, error),))
    errors = len(found.errors)
    warnings = len(found.problems) - errors
    if args.format == "json":
        report = {
            "exercises": [e.id for e in found.exercises],
            "errors": errors,
            "warnings": warnings,
            "problems": [p.as_dict() for p in found.problems],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for problem in found.problems:
            print(problem)
        print(f"{len(found.exercises)} exercises valid, {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def _catalogue_problem(args: argparse.Namespace, error: Exception) -> Problem:
    """The catalogue could not be read: say so as one problem, so that ``--format json`` stays machine-readable."""
    project = Project(Path(args.root).resolve()) if args.root else Project.find()
    path = str(project.catalogue_path)
    if isinstance(error, SeedIntegrityError):
        return Problem(file=path, line=None, field="documents", message=str(error),
                       fix="a text in seeds/ must stay exactly as it was registered: undo the change to it; if the "
                       "change is wanted, write the SHA-256 shown here as its `sha256:` in the catalogue")
    if isinstance(error, yaml.YAMLError):
        mark = getattr(error, "problem_mark", None)
        return Problem(file=path, line=mark.line + 1 if mark else None, field="",
                       message=f"this is not valid YAML: {getattr(error, 'problem', None) or error}",
                       fix="check the indentation of the entry you changed last")
    return Problem(file=path, line=None, field="documents",
                   message=f"a catalogue entry is incomplete ({type(error).__name__}: {error})",
                   fix="every entry needs `slug`, `label`, `title`, `file` and `sha256`; "
                   "`medialit new-case` writes a complete one")
