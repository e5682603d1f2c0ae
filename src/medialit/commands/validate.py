"""``medialit validate``: check the catalogue, every exercise file and the simulated web pages, and list every
problem.

Errors stop a file from being used (the book will not build); warnings do not. An item id used twice inside one
exercise is an error, because scoring and feedback find items by id; an exercise id used twice across files is an
error too (the copy is left out). The book's pages and the exercises must meet: see :mod:`validate_book`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medialit.commands import validate_items
from medialit.commands.common import load_course
from medialit.commands.validate_book import book_problems
from medialit.errors import ProjectError
from medialit.exercises import ExerciseSet
from medialit.item_bias import BookBias
from medialit.kinds.search.pages import read_pages, web_folder
from medialit.reveals import reveal_problems

HELP = (
    "Check the catalogue, every exercise file (schema, quotes, ids) and the book (every exercise on a page, every "
    "page's exercise ids, every page in the table of contents). Exits 1 if anything has an error."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--items", action="store_true", help=validate_items.ITEMS_HELP)


def run(args: argparse.Namespace) -> int:
    """Print the problems; 0 when there is no error (warnings allowed), else 1."""
    book: Path | None = None
    try:
        course = load_course(args)
    except ProjectError as error:
        if not error.problems:
            raise  # no project at all: nothing to list
        found = ExerciseSet((), error.problems)
    else:
        book = course.project.book
        found = course.exercises
        reveals = reveal_problems(found.exercises, book, [d.text for d in course.catalogue.documents])
        pages = book_problems(book, course.project.exercises, found.exercises)
        web = read_pages(web_folder(course.project.root))[1]  # the search tasks' simulated pages
        found = ExerciseSet(found.exercises, (*found.problems, *reveals, *pages, *web))
    bias = None
    if args.items and book is not None:
        found, bias = _with_item_bias(book, found)
    errors = len(found.errors)
    warnings = len(found.problems) - errors
    if args.format == "json":
        report: dict[str, object] = {
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


def _with_item_bias(book: Path, found: ExerciseSet) -> tuple[ExerciseSet, BookBias]:
    """``--items``: the book's choice-item figures, and the exercises with the bias warnings added to the problems."""
    bias = validate_items.book_bias(book, found.exercises)
    problems = (*found.problems, *validate_items.bias_problems(book, bias))
    return ExerciseSet(found.exercises, problems), bias
