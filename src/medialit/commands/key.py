"""``medialit key``: the printable teacher answer key, as one self-contained HTML page.

Made from ``exercises/`` and the catalogue, like the book's answer-key page. For a PDF, open the page in a browser
and print it to PDF: the page has a print stylesheet (one exercise never splits across a page where avoidable).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from medialit.commands.common import exercises_have_errors, load_project
from medialit.teacher.key import answer_key_html

HELP = "Write the printable teacher answer key as one HTML page (print it to PDF from the browser)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("-o", "--output", type=Path, default=Path("key.html"), help="the page (default: key.html)")


def run(args: argparse.Namespace) -> int:
    """Write the key; 0 on success, 1 if the exercises have errors."""
    _, catalogue, found = load_project(args)
    if exercises_have_errors(found, "key"):
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(answer_key_html(found, catalogue), encoding="utf-8")
    print(f"Wrote the answer key for {len(found.exercises)} exercises to {args.output}; "
          "print it to PDF from the browser.")
    return 0
