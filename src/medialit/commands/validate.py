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
from medialit.commands import validate_items
from medialit.commands.common import load_project
from medialit.exercises import ExerciseSet
from medialit.item_bias import BookBias
from medialit.problems import Problem
from medialit.project import Project
from medialit.reveals import reveal_problems

HELP = "Check the catalogue and every exercise file: schema, quotes, ids. Exits 1 if anything has an error."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--items", action="store_true", help=validate_items.ITEMS_HELP)


def run(args: argparse.Namespace) -> int:
    """Print the problems; 0 when there is no error (warnings allowed), else 1."""
    try:
        project, catalogue, found = load_project(args)
    except (SeedIntegrityError, KeyError, TypeError, yaml.YAMLError) as error:
        found = ExerciseSet((), (_catalogue_problem(args, error),))
    else:
        reveals = reveal_problems(found.exercises, project.book, [d.text for d in catalogue.documents])
        found = ExerciseSet(found.exercises, (*found.problems, *reveals))
    bias = None
    if args.items:
        found, bias = _with_item_bias(args, found)
    errors = len(found.errors)
    warnings = len(found.problems) - errors
    if args.format == "json":
        report = {
            "exercises": [e.id for e in found.exercises],
            "errors": errors,
            "warnings": warnings,
            "problems": [p.as_dict() for p in found.problems],
        }
        if bias is not None:
            report["items"] = validate_items.as_dict(bias)
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for problem in found.problems:
            print(problem)
        if bias is not None:
            validate_items.print_table(bias)
        print(f"{len(found.exercises)} exercises valid, {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def _with_item_bias(args: argparse.Namespace, found: ExerciseSet) -> tuple[ExerciseSet, BookBias]:
    """``--items``: the book's choice-item figures, and the exercises with the bias warnings added to the problems."""
    project = Project(Path(args.root).resolve()) if args.root else Project.find()
    bias = validate_items.book_bias(project.book, found.exercises)
    problems = (*found.problems, *validate_items.bias_problems(project.book, bias))
    return ExerciseSet(found.exercises, problems), bias


def _catalogue_problem(args: argparse.Namespace, error: Exception) -> Problem:
    """The catalogue could not be read: say so as one problem, so that ``--format json`` stays machine-readable."""
    project = Project(Path(args.root).resolve()) if args.root else Project.find()
    path = str(project.catalogue_path)
    if isinstance(error, SeedIntegrityError):
        return Problem(
            file=path,
            line=None,
            field="documents",
            message=str(error),
            fix="a text in seeds/ must stay exactly as it was registered: undo the change to it; if the "
            "change is wanted, write the SHA-256 shown here as its `sha256:` in the catalogue",
        )
    if isinstance(error, yaml.YAMLError):
        mark = getattr(error, "problem_mark", None)
        return Problem(
            file=path,
            line=mark.line + 1 if mark else None,
            field="",
            message=f"this is not valid YAML: {getattr(error, 'problem', None) or error}",
            fix="check the indentation of the entry you changed last",
        )
    return Problem(
        file=path,
        line=None,
        field="documents",
        message=f"a catalogue entry is incomplete ({type(error).__name__}: {error})",
        fix="every entry needs `slug`, `label`, `title`, `file` and `sha256`; "
        "`medialit new-case` writes a complete one",
    )
