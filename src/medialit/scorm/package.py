"""The SCORM package: the built book, the launcher and ``imsmanifest.xml`` in one zip file.

The book must be built first (its HTML folder, ``book/_build/html`` by default). The package reads the book's
manifest from the build (``_static/medialit/progress.js`` starts with ``window.MEDIALIT_BOOK = {...};``, written by
:mod:`medialit.sphinxext.progress`) and adds, for each exercise in that order, the ids an answer can name (its
sentences, kinds and options), which the launcher's short encoding of answers numbers (``codec.js``). The ids tell
nothing of the key. A book built in exam mode ships no key, so the package reports no score.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from medialit.assets import asset_text
from medialit.errors import MedialitError
from medialit.exercises import ExerciseSet
from medialit.model import Exercise
from medialit.scorm.manifest import LAUNCHER, ScormVersion, manifest_xml

__all__ = ["PackageError", "PackageSummary", "answer_ids", "book_manifest", "build_package"]

BOOK_SCRIPT = Path("_static", "medialit", "progress.js")
"""Where the build writes the book's manifest, relative to the HTML folder."""
MANIFEST_PREFIX = "window.MEDIALIT_BOOK = "
LEFT_OUT = frozenset({".buildinfo", ".doctrees"})
"""Build files an LMS has no use for."""
LAUNCHER_FILES = ("launcher.html", "launcher.js", "codec.js")
"""Package data of this folder copied into ``scorm/``."""
START_PAGE = "../index.html"
"""The book's first page, relative to the launcher."""


class PackageError(MedialitError):
    """The package cannot be made: no built book, or a book built from other exercises."""


@dataclass(frozen=True)
class PackageSummary:
    """What was written."""

    path: Path
    """The zip file."""
    version: ScormVersion
    """The SCORM version."""
    files: int
    """Files in the package, the manifest included."""
    exercises: int
    """Exercises in the book."""
    scored: bool
    """Whether the package reports a score (false for a book built in exam mode or with no scored exercise)."""


def book_manifest(html: Path) -> dict[str, Any]:
    """The manifest the build wrote into ``_static/medialit/progress.js``."""
    script = html / BOOK_SCRIPT
    if not script.is_file():
        raise PackageError(f"no built book in {html} (no {BOOK_SCRIPT}): build the book first (medialit build)")
    first = script.read_text(encoding="utf-8").split("\n", 1)[0]
    if not first.startswith(MANIFEST_PREFIX) or not first.endswith(";"):
        raise PackageError(f"{script} does not start with the book's manifest: build the book again")
    try:
        data = json.loads(first[len(MANIFEST_PREFIX) : -1])
    except json.JSONDecodeError as error:
        raise PackageError(f"the book's manifest in {script} cannot be read ({error}): build the book again") from error
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
        raise PackageError(f"the book's manifest in {script} lists no exercises: build the book again")
    return data


def answer_ids(exercise: Exercise) -> list[str]:
    """Every id an answer to ``exercise`` can name: its sentences, kinds and options (a search task's verdicts), then
    a search task's results and searches, each once, in that order."""
    ids = [*exercise.unit_ids, *exercise.label_ids, *(option.id for option in exercise.options)]
    ids += [*(result.id for result in exercise.results), *(query.id for query in exercise.queries)]
    return list(dict.fromkeys(ids))


def _codebook(manifest: dict[str, Any], exercises: ExerciseSet) -> list[dict[str, Any]]:
    known = {exercise.id: exercise for exercise in exercises.exercises}
    book = []
    for entry in manifest["exercises"]:
        exercise = known.get(str(entry.get("id")))
        if exercise is None or exercise.content_hash != entry.get("content_hash"):
            raise PackageError(
                f"the built book's exercise {entry.get('id')!r} differs from exercises/: build the book again"
            )
        book.append({"ids": answer_ids(exercise), "max_score": entry.get("max_score")})
    return book


def _book_files(html: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(html.rglob("*")):
        relative = path.relative_to(html)
        if path.is_file() and not LEFT_OUT.intersection(relative.parts):
            yield relative.as_posix(), path


def _script(name: str, value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{name} = {text};\n"


def build_package(
    html: Path, version: ScormVersion, output: Path, exercises: ExerciseSet, title: str = "Media literacy"
) -> PackageSummary:
    """Write the package of the book built in ``html`` to ``output``."""
    manifest = book_manifest(html)
    codebook = _codebook(manifest, exercises)
    settings = {"version": str(version), "start": START_PAGE, "exercises": codebook}
    added: dict[str, bytes] = {
        "scorm/book.js": (_script("MEDIALIT_BOOK", manifest) + _script("MEDIALIT_SCORM", settings)).encode(),
        "scorm/learners.js": asset_text("learners.js").encode(),
    }
    here = resources.files("medialit").joinpath("scorm")
    for name in LAUNCHER_FILES:
        added[f"scorm/{name}"] = here.joinpath(name).read_bytes()
    book = dict(_book_files(html))
    clash = sorted(set(book) & set(added))
    if clash or "imsmanifest.xml" in book:
        raise PackageError(f"the built book already holds {', '.join(clash) or 'imsmanifest.xml'}")
    names = [*book, *added]
    if LAUNCHER not in names:
        raise PackageError(f"{LAUNCHER} is missing from the package data of medialit: reinstall medialit")
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(version, title, names))
        for name, path in book.items():
            archive.write(path, name)
        for name, data in added.items():
            archive.writestr(name, data)
    scored = any(isinstance(entry.get("max_score"), int | float) and entry["max_score"] > 0 for entry in codebook)
    return PackageSummary(output, version, len(names) + 1, len(codebook), scored)
