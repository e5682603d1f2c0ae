"""``medialit new-case``: add a case study from a text file, with starter exercises and a chapter page."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from medialit.authoring.register import AuthoringError, check_slug, default_label, read_case_text, register
from medialit.authoring.scaffold import page_path, placeholders, scaffold
from medialit.authoring.toc import add_chapter
from medialit.catalogue import Document
from medialit.course import Course, find_project, load_catalogue
from medialit.project import Project
from medialit.scripts import Direction, Language, detect
from medialit.textfile import clean

HELP = (
    "Add a case study: copy the text into seeds/, list it in the catalogue, write one starter exercise per skill "
    "and a chapter page, and add the page to the book."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("text", type=Path, help="the text file (UTF-8), one paragraph per line")
    parser.add_argument("--slug", required=True, help="short name: lower-case letters, digits and hyphens")
    parser.add_argument("--title", help="a short descriptive title (default: made from the slug)")
    parser.add_argument("--label", help='how the book names the text (default: the next free "Document X")')


def run(args: argparse.Namespace) -> int:
    """Add the case study; 0 on success, 2 when it cannot be added as asked."""
    project = find_project(args.root)
    try:
        document = _add(project, args)
    except AuthoringError as error:
        print(f"medialit new-case: {error}", file=sys.stderr)
        return 2
    _show_units(document)
    found = Course.load(project.root, strict=False).exercises
    mine = [p for p in found.problems if Path(p.file).name.startswith(f"{document.slug}-")]
    errors = [p for p in mine if p.severity == "error"]
    print(
        f"\nThe starter exercises pass `medialit validate` with {len(errors)} errors and "
        f"{len(mine) - len(errors)} warnings (each TODO left is a warning)."
    )
    print(
        f"Next: edit the files above, run `medialit validate`, and see the page with "
        f"`medialit preview {document.slug}`."
    )
    return 1 if errors else 0


def _add(project: Project, args: argparse.Namespace) -> Document:
    catalogue = load_catalogue(project)
    check_slug(project, args.slug, catalogue)
    title = args.title or args.slug.replace("-", " ").capitalize()
    # The text is cleaned once, here: the stored copy has no byte-order mark and LF line ends, and its checksum is
    # taken of that copy, so that no starter quote or later step ever sees either.
    cleaned = clean(read_case_text(args.text))
    placeholders(args.slug, cleaned.text)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{args.slug}.txt"
        source.write_bytes(cleaned.text.encode("utf-8"))
        register(project, source, args.slug, title, args.label or default_label(catalogue))
    language = detect(cleaned.text)
    document = _write_language(project, args.slug, language)
    print(
        f"Copied {args.text} to {document.path} and listed it in {project.catalogue_path} "
        f"as {document.label}: {document.title}."
    )
    if cleaned.changes():
        print(f"Cleaned the stored copy: {'; '.join(cleaned.changes())}.")
    direction = "right to left" if language.dir is Direction.RTL else "left to right"
    print(
        f"Language: found {language.script}, so the entry says `lang: {language.lang}` and `dir: {language.dir}` "
        f"({direction}). If that is wrong, change them in {project.catalogue_path}."
    )
    for path in scaffold(project, document):
        print(f"Wrote {path}")
    toc = project.book / "_toc.yml"
    chapter = page_path(project, document.slug).relative_to(project.book).with_suffix("").as_posix()
    if add_chapter(toc, chapter):
        print(f"Added {chapter} to {toc}")
    return document


def _write_language(project: Project, slug: str, language: Language) -> Document:
    """Add ``lang`` and ``dir`` to the catalogue entry just appended (the file's last lines), indented like them."""
    path = project.catalogue_path
    text = path.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    indent = last[: len(last) - len(last.lstrip())]
    path.write_text(
        text.rstrip("\n") + f"\n{indent}lang: {language.lang}\n{indent}dir: {language.dir}\n", encoding="utf-8"
    )
    document = load_catalogue(project).get(slug)
    if (document.lang, document.dir) != (language.lang, language.dir):
        raise AuthoringError(
            f"could not add `lang: {language.lang}` and `dir: {language.dir}` to the entry {slug!r} in {path}: "
            "add them to it by hand"
        )
    return document


def _show_units(document: Document) -> None:
    print(
        f"\n{document.label} has {len(document.units)} sentences; learners select them one by one. "
        "A quote may cover part of a sentence or several sentences of one paragraph."
    )
    width = max(len(u.id) for u in document.units)
    for unit in document.units:
        print(f"  {unit.id:<{width}}  {unit.text}")
