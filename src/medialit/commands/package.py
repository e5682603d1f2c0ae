"""``medialit package``: the built book as one activity for a learning platform (a SCORM 1.2 or 2004 package).

The book must be built first (``medialit build``); the package holds that build, so build it in exam mode for an exam
(``medialit build --mode exam``: no key, no score reported; the teacher grades from the hand-ins as usual).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from medialit.commands.common import exercises_have_errors, load_course
from medialit.scorm import ScormVersion, build_package

HELP = "Make a SCORM package of the built book, to import into a learning platform such as Moodle or Canvas."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument(
        "--scorm",
        choices=[v.value for v in ScormVersion],
        required=True,
        help="the SCORM version: 1.2 (accepted by most platforms) or 2004 (4th edition)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("course.zip"), help="the zip file (default: course.zip)"
    )
    parser.add_argument(
        "--html", type=Path, help="the built book's HTML folder (default: the project's book/_build/html)"
    )
    parser.add_argument("--title", default="Media literacy", help="the activity's title (default: Media literacy)")


def run(args: argparse.Namespace) -> int:
    """Write the package; 0 on success, 1 if the exercises have errors."""
    course = load_course(args)
    if exercises_have_errors(course.exercises, "package"):
        return 1
    html = args.html if args.html is not None else course.project.book / "_build" / "html"
    done = build_package(html, ScormVersion(args.scorm), args.output, course.exercises, args.title)
    score = "a score and" if done.scored else "no score (no key in this build), only"
    print(
        f"Wrote the SCORM {done.version} package of {done.exercises} exercises ({done.files} files) to {done.path}; "
        f"it reports {score} the learner's answers."
    )
    return 0
