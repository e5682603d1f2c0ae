"""``medialit key``: the printable teacher answer key, as one self-contained HTML page.

Made from ``exercises/`` and the catalogue, like the book's answer-key page, in lesson order (the book's reading
order) or by id. For a PDF, open the page in a browser and print it to PDF: the page has a print stylesheet.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from medialit.commands.common import exercises_have_errors, load_course
from medialit.teacher.key import KeyOrder, answer_key_html

HELP = "Write the printable teacher answer key as one HTML page (print it to PDF from the browser)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("-o", "--output", type=Path, default=Path("key.html"), help="the page (default: key.html)")
    parser.add_argument(
        "--order",
        choices=[o.value for o in KeyOrder],
        default=KeyOrder.LESSON.value,
        help="lesson: as the book's pages embed the exercises (default); id: sorted by exercise id",
    )


def run(args: argparse.Namespace) -> int:
    """Write the key; 0 on success, 1 if the exercises have errors."""
    course = load_course(args)
    catalogue, found = course.catalogue, course.exercises
    if exercises_have_errors(found, "key"):
        return 1
    order = KeyOrder(args.order)
    html = answer_key_html(found, catalogue, course.pages, order)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(html, encoding="utf-8")
    print(
        f"Wrote the answer key for {len(found.exercises)} exercises in {order.words} to {args.output}; "
        "print it to PDF from the browser."
    )
    return 0
