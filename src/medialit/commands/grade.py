"""``medialit grade``: re-score hand-ins against the current exercises and write the class's tables and report.

Inputs are hand-in files (``.json``, ``.csv``), folders (searched recursively) and ``.zip`` archives. Every answer
is scored again by the Python engine; scores written in a file are never read. Files over 2 MB are refused.

Writes into ``-o OUTDIR``: ``results.csv``, ``gradebook.csv``, ``items.csv`` (columns in
:mod:`medialit.teacher.tables`), ``rejected.csv`` (every file and answer not graded, with its reason) and
``report.html`` (self-contained, works offline).

Exit codes: 0 everything was graded; 1 some file or answer was not graded (the outputs are still written and list
them); 2 nothing could be graded: no hand-in found, or the exercises have errors (run ``medialit validate``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from medialit.commands.common import exercises_have_errors, load_project
from medialit.handin import MAX_BYTES, display_name
from medialit.teacher.grade import grade_paths
from medialit.teacher.report import ClassReport, write_outputs

HELP = ("Grade hand-in files (.json, .csv), folders and .zip archives against the current exercises; write "
        "results.csv, gradebook.csv, items.csv, rejected.csv and report.html. Exits 1 if anything was not graded.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("handins", nargs="+", type=Path, metavar="HANDIN",
                        help="hand-in files, folders (searched recursively) or .zip archives")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="folder for the CSV files and report.html (created if missing)")
    parser.add_argument("--no-html", action="store_true", help="write the CSV files only")


def run(args: argparse.Namespace) -> int:
    """Grade and write; see the module docstring for the exit codes."""
    _, _, found = load_project(args)
    if exercises_have_errors(found, "grade"):
        return 2
    grades = grade_paths(args.handins, found, progress=sys.stderr.isatty())
    if grades.read == 0:
        print("medialit grade: no hand-in file (.json, .csv) found in " + ", ".join(map(str, args.handins)),
              file=sys.stderr)
        _print_ignored(grades.ignored)
        return 2
    report = ClassReport(grades)
    _print_summary(report)
    written = write_outputs(report, args.output, html=not args.no_html)
    print(f"Wrote {', '.join(p.name for p in written)} to {args.output}")
    return 0 if grades.clean else 1


def _print_summary(report: ClassReport) -> None:
    grades = report.grades
    print(report.summary)
    if grades.rejections:
        print("\nRejected files (not graded):")
        width = max(len(str(r.reason)) for r in grades.rejections)
        for rejection in grades.rejections:
            print(f"  {rejection.reason!s:<{width}}  {display_name(rejection.source, 100)}: {rejection.message}")
        counts = Counter(str(r.reason) for r in grades.rejections)
        print("  by reason: " + ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items())))
        if "duplicate" in counts:
            print("  When a learner handed in more than once, the newest export (its `exported` time) is graded.")
        if "oversized" in counts:
            print(f"  Hand-ins larger than {MAX_BYTES // (1024 * 1024)} MB are refused unread.")
    if grades.answer_problems:
        print(f"\nAnswers not graded ({len(grades.answer_problems)}; the rest of each hand-in was graded, "
              "these exercises score 0):")
        for problem in grades.answer_problems:
            print(f"  {problem.reason}  {display_name(problem.source, 80)} ({display_name(problem.learner, 40)}), "
                  f"{display_name(problem.exercise, 64)}: {problem.message}")
    stale = [(learner, exercise) for learner in grades.learners for exercise in sorted(learner.stale)]
    if stale:
        print(f"\nStale answers ({len(stale)}; graded, but the exercise changed after they were given):")
        for learner, exercise in stale:
            print(f"  {display_name(learner.learner, 40)}: {exercise}")
    _print_ignored(grades.ignored)


def _print_ignored(ignored: tuple[str, ...]) -> None:
    if ignored:
        print(f"\nIgnored {len(ignored)} files that are not hand-ins by their name (.json, .csv, .zip) or are hidden:")
        for name in ignored:
            print(f"  {display_name(name, 120)}")
