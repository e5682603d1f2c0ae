"""``medialit grade``: re-score hand-ins against the current exercises and write the class's tables and report.

Inputs are hand-in files (``.json``, ``.csv``), folders (searched recursively; symbolic links are listed, never
followed) and ``.zip`` archives. Every answer is scored again by the Python engine; scores written in a file are
never read. Files over 2 MB are refused. The files of one learner are merged, the newest answer to each exercise
counting (see :mod:`medialit.teacher.grade`). ``--score`` chooses first tries or last answers (by default, first tries
for exercises under the assessment setting and last answers for the rest).

Writes into ``-o OUTDIR``, replacing it as a whole: ``results.csv``, ``gradebook.csv``, ``items.csv`` (columns in
:mod:`medialit.teacher.tables`), ``rejected.csv`` (every entry, answer and field not graded, with its reason),
``sources.csv`` (where the answers of learners with several files came from) and ``report.html`` (self-contained,
works offline); with ``--feedback``, ``feedback/<number>-<name>.html``, one page per learner to hand back. An output
folder that is a link or a file, lies inside an input, or holds files medialit did not write is refused before
anything is read.

**Check forms.** When the book has check forms (pages with ``medialit-check-form: A`` / ``B``), the gradebook reports
each learner's first (pre) and second (post) form and the gain apart from the practice score
(:mod:`medialit.teacher.prepost`). Which form came first is decided by the hash of the learner's name, as the book
showed it, unless ``--forms FILE`` (CSV ``learner,first``) names the learner. ``--count-post`` counts the post form
toward ``total``, ``max`` and ``percent``; the pre form never counts.

Exit codes: 0 everything was graded; 1 some entry, answer or field was not graded (the outputs are still written and
list them); 2 nothing could be graded (the outputs are still written when something was read), or the run cannot
start: no hand-in found, the exercises have errors (run ``medialit validate``), the output folder is refused.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from medialit.commands.common import exercises_have_errors, load_course
from medialit.forms import FormOrder, read_form_order
from medialit.handin import MAX_BYTES, display_name
from medialit.teacher.collect import MAX_ZIP_ENTRIES
from medialit.teacher.feedback import sentence_texts
from medialit.teacher.grade import MAX_PROBLEMS_PER_FILE, ScoreOn, grade_paths
from medialit.teacher.outputs import check_output
from medialit.teacher.report import ClassReport, write_outputs

T = TypeVar("T")

HELP = (
    "Grade hand-in files (.json, .csv), folders and .zip archives against the current exercises; write "
    "results.csv, gradebook.csv, items.csv, rejected.csv, sources.csv and report.html. Exits 1 if anything was "
    "not graded, 2 if nothing was."
)
PRINTED = 200
"""Lines printed per list in the summary; the CSV files have them all."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument(
        "handins",
        nargs="+",
        type=Path,
        metavar="HANDIN",
        help="hand-in files, folders (searched recursively) or .zip archives",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUTDIR",
        help="folder for the CSV files and report.html (created if missing, replaced as a whole)",
    )
    parser.add_argument(
        "--score",
        choices=[str(s) for s in ScoreOn],
        default=str(ScoreOn.AUTO),
        help="which answer to each exercise counts: 'auto' (default) counts the first answer checked "
        "for exercises under the assessment setting and the last answer for the rest; 'first' and "
        "'last' count the same for all; a first try an older hand-in did not record counts its last "
        "answer and is counted in the gradebook's first_unknown",
    )
    parser.add_argument(
        "--feedback",
        action="store_true",
        help="also write one feedback page per learner into OUTDIR/feedback/ (each answer, its verdict "
        "and its explanation), to hand back after a test",
    )
    parser.add_argument(
        "--forms",
        type=Path,
        metavar="FILE",
        help="a CSV file with the columns learner,first (A or B) saying which check form each learner did "
        "first; a learner it does not name keeps the order the book showed them (from a hash of their name)",
    )
    parser.add_argument(
        "--count-post",
        action="store_true",
        help="count each learner's second check form (the post form) toward total and percent; the first "
        "form never counts; without this option neither does, and both are reported apart",
    )
    parser.add_argument("--no-html", action="store_true", help="write the CSV files only")


def run(args: argparse.Namespace) -> int:
    """Grade and write; see the module docstring for the exit codes."""
    check_output(args.output, args.handins)
    course = load_course(args)
    catalogue, found = course.catalogue, course.exercises
    if exercises_have_errors(found, "grade"):
        return 2
    order = read_form_order(args.forms) if args.forms is not None else FormOrder()
    grades = grade_paths(
        args.handins,
        found,
        progress=sys.stderr.isatty(),
        score_on=ScoreOn(args.score),
        forms=course.forms,
        form_order=order,
        count_post=args.count_post,
    )
    if grades.read == 0:
        print(
            "medialit grade: no hand-in file (.json, .csv) found in "
            + ", ".join(_text(str(p), 120) for p in args.handins),
            file=sys.stderr,
        )
        return 2
    report = ClassReport(grades)
    _print_summary(report)
    if course.forms:
        _print_forms(report, order)
    sentences = sentence_texts(catalogue, found.exercises) if args.feedback else None
    written = write_outputs(report, args.output, html=not args.no_html, inputs=args.handins, sentences=sentences)
    print(f"Wrote {', '.join(p.name for p in written)} to {_text(str(args.output), 200)}")
    if grades.graded == 0:
        print("medialit grade: nothing could be graded; rejected.csv says why", file=sys.stderr)
        return 2
    return 0 if grades.clean else 1


def _text(text: str, size: int) -> str:
    """``text`` safe for any terminal: controls escaped, cut to ``size``, lone surrogates replaced."""
    return display_name(text, size).encode("utf-8", "replace").decode("utf-8")


def _lines(items: Sequence[T], describe: Callable[[T], str]) -> None:
    for item in items[:PRINTED]:
        print("  " + describe(item))
    if len(items) > PRINTED:
        print(f"  ... and {len(items) - PRINTED} more, listed in rejected.csv")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _print_forms(report: ClassReport, order: FormOrder) -> None:
    paired = report.paired
    print(
        f"\nCheck forms: {_count(paired.both, 'learner')} took both, {paired.only_one} only one "
        "(gradebook.csv: pre_percent, post_percent, gain; they count toward percent only with --count-post)"
    )
    unmatched = order.unmatched(learner.learner for learner in report.grades.learners)
    if unmatched:
        print(
            f"The form-order file names {_count(len(unmatched), 'learner')} with no hand-in here (check the spelling):"
        )
        print(
            "  "
            + ", ".join(_text(name, 100) for name in unmatched[:PRINTED])
            + (" ..." if len(unmatched) > PRINTED else "")
        )


def _print_summary(report: ClassReport) -> None:
    grades = report.grades
    print(report.summary)
    if grades.rejections:
        print("\nNot graded (files and other entries):")
        width = max(len(str(r.reason)) for r in grades.rejections)
        _lines(grades.rejections, lambda r: f"{r.reason!s:<{width}}  {_text(r.source, 100)}: {_text(r.message, 200)}")
        counts = Counter(str(r.reason) for r in grades.rejections)
        print("  by reason: " + ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items())))
        if "oversized" in counts:
            print(f"  Hand-ins larger than {MAX_BYTES // (1024 * 1024)} MB are refused unread.")
        if "symlink" in counts:
            print("  Symbolic links are never followed: copy the files themselves into the class folder.")
        if "too-many-entries" in counts:
            print(f"  At most {MAX_ZIP_ENTRIES} files are read from one .zip archive.")
    if grades.answer_problems:
        print(
            f"\nAnswers and fields not graded ({len(grades.answer_problems)} lines, at most "
            f"{MAX_PROBLEMS_PER_FILE} per file; the rest of each hand-in was graded):"
        )
        _lines(
            grades.answer_problems,
            lambda p: (
                f"{p.reason}  {_text(p.source, 80)} ({_text(p.learner, 40)})"
                f"{', ' + _text(p.exercise, 64) if p.exercise else ''}"
                f"{', ' + _text(p.field, 32) if p.field else ''}: {_text(p.message, 200)}"
            ),
        )
    merged = [learner for learner in grades.learners if len(learner.sources) > 1]
    if merged:
        superseded = grades.sources.superseded if grades.sources is not None else 0
        print(
            f"\nMerged {len(merged)} learners who handed in several files: the newest answer to each exercise "
            f"counts ({superseded} older answers superseded; sources.csv lists them):"
        )
        _lines(merged, lambda g: f"{_text(g.learner, 40)}: {_text(g.source, 200)}")
    if grades.future_exports:
        print(
            f"\nExported in the future ({len(grades.future_exports)} files; graded, but check the learner's clock "
            "or whether the file was edited):"
        )
        _lines(grades.future_exports, lambda source: _text(source, 120))
    stale = [(learner, exercise) for learner in grades.learners for exercise in sorted(learner.stale)]
    if stale:
        print(f"\nStale answers ({len(stale)}; graded, but the exercise changed after they were given):")
        _lines(stale, lambda pair: f"{_text(pair[0].learner, 40)}: {pair[1]}")
