"""``medialit init``: write a ready course folder (seeds and catalogue, exercises, book) from the installed package.

A wheel carries the course as ``medialit/course/`` (``setup.py`` copies it in); a source checkout installed in
editable mode has no copy, so its own ``seeds/``, ``exercises/`` and ``book/`` are used.
"""

from __future__ import annotations

import argparse
import importlib.resources
import shutil
from pathlib import Path

from medialit.errors import MedialitError

__all__ = ["COURSE_FOLDERS", "course_source", "write_course"]

HELP = "Write a ready course folder (texts, exercises, book) to build and serve; the folder must be empty."

COURSE_FOLDERS = ("seeds", "exercises", "book")
"""The folders of a course, in the package and in the folder written."""

NOT_COURSE = shutil.ignore_patterns(
    "_build", "_preview", "__pycache__", ".ipynb_checkpoints", ".jupyter_cache", "*.pyc", ".DS_Store"
)
"""Build output and caches, never copied."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("folder", nargs="?", default=".", help="the folder to write (default: the current folder)")
    parser.add_argument(
        "--force", action="store_true", help="write into a folder that is not empty (course files are replaced)"
    )


def run(args: argparse.Namespace) -> int:
    """Write the course; 0 on success (a :class:`MedialitError` when the folder is in the way)."""
    target = Path(args.folder)
    write_course(target, force=args.force)
    shown = args.folder if args.folder != "." else "the current folder"
    print(f"Wrote the course to {shown}: seeds/, exercises/, book/.")
    where = "" if args.folder == "." else f"cd {args.folder} && "
    print(f"Next: {where}medialit validate && medialit build && medialit serve")
    return 0


def course_source() -> Path:
    """The folder holding the course: the package's ``course/``, else the source checkout the package runs from."""
    bundled = importlib.resources.files("medialit") / "course"
    if isinstance(bundled, Path) and (bundled / "seeds" / "catalogue.yaml").is_file():
        return bundled
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / "pyproject.toml").is_file() and all((checkout / f).is_dir() for f in COURSE_FOLDERS):
        return checkout
    raise MedialitError("this installation of medialit carries no course; reinstall it from a wheel or a source copy")


def write_course(target: Path, *, force: bool = False) -> Path:
    """Copy the course into ``target`` (created if missing); refuse a non-empty folder unless ``force``."""
    if target.exists() and not target.is_dir():
        raise MedialitError(f"{target} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise MedialitError(f"{target} is not empty; pick an empty folder, or add --force to write into it anyway")
    source = course_source()
    target.mkdir(parents=True, exist_ok=True)
    for folder in COURSE_FOLDERS:
        shutil.copytree(source / folder, target / folder, ignore=NOT_COURSE, dirs_exist_ok=True)
    return target
