"""``medialit worksheet``: a chapter's printable worksheet, or its key, as one self-contained HTML page.

The worksheet holds each document the chapter's exercises mark, once, with numbered sentences, then every exercise
with answer space. ``--key`` writes the matching key in the same order; ``--exam`` a worksheet with no key
information at all. Print either page to PDF from any browser (A4 or US Letter).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.commands.common import exercises_have_errors, load_course
from medialit.worksheet import NoSuchChapter, build_key, build_sheet, choose_exercises, key_html, worksheet_html

HELP = "Write a chapter's printable worksheet (or its key) as one HTML page (print it to PDF from the browser)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("chapter", nargs="?", help="a page of the book, e.g. sourcing or document-a")
    parser.add_argument("--exercises", help="instead of a chapter: exercise ids, separated by commas")
    parser.add_argument("--key", action="store_true", help="write the matching answer key instead")
    parser.add_argument(
        "--exam",
        action="store_true",
        help='an exam worksheet: no points and "There is none" on every highlight exercise',
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="the page (default: worksheet-CHAPTER.html, or key-CHAPTER.html with --key)"
    )


def _fail(message: str) -> int:
    print(f"medialit worksheet: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Write the worksheet or key; 0 on success, 1 if the exercises have errors, 2 if it cannot be made."""
    if args.exam and args.key:
        return _fail("an exam has no key to print: leave out --key, or leave out --exam for a lesson's key")
    if (args.chapter is None) == (args.exercises is None):
        return _fail("name a chapter (e.g. sourcing) or give --exercises id1,id2, not both")
    course = load_course(args)
    catalogue, found, pages = course.catalogue, course.exercises, course.pages
    if exercises_have_errors(found, "worksheet"):
        return 1
    ids = [i.strip() for i in (args.exercises or "").split(",") if i.strip()]
    try:
        title, chosen = choose_exercises(found, pages, chapter=args.chapter, ids=ids)
    except NoSuchChapter as error:
        return _fail(str(error))
    name = (args.chapter or "exercises").removesuffix(".md").strip("/").rsplit("/", 1)[-1]
    if args.key:
        page_titles = {i: p.title for p in pages for i in p.exercise_ids}
        html = key_html(build_key(title, chosen, catalogue, order="worksheet order", pages=page_titles))
        output = args.output or Path(f"key-{name}.html")
        what = "key"
    else:
        html = worksheet_html(build_sheet(title, chosen, catalogue, exam=args.exam))
        output = args.output or Path(f"{'exam' if args.exam else 'worksheet'}-{name}.html")
        what = "exam worksheet" if args.exam else "worksheet"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    print(f"Wrote the {what} for {len(chosen)} exercises ({title}) to {output}; print it to PDF from the browser.")
    return 0
