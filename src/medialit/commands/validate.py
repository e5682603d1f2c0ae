"""``medialit validate``: check every exercise file and list every problem."""

from __future__ import annotations

import argparse
import json
import sys

from medialit.commands.common import load_project

HELP = "Check every exercise file: schema, quotes, ids. Exits 1 if any file has an error."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    """Print the problems; 0 when there is no error (warnings allowed), else 1."""
    _, _, found = load_project(args)
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
