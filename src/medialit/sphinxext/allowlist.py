"""The exam allow-list: which pages and which built files an exam build may contain.

The allow-list is a small YAML file in the book folder (``_exam.yml``), validated by ``schema/exam-v1.json``. An
exam build reads only the pages it names; when the build has finished, :func:`disallowed_files` lists every file of
the output folder that the allow-list does not permit, and the build fails if there is one. So a file that carries
the key cannot slip into an exam unnoticed, whichever page, extension or theme would write it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from medialit.errors import MedialitError
from medialit.yamlfile import YamlFile, field_path

__all__ = [
    "ALWAYS_ALLOWED",
    "AllowList",
    "AllowListError",
    "disallowed_files",
    "glob_regex",
    "load_allowlist",
    "schema",
]


ALWAYS_ALLOWED = ("web/*.html", "web/web-page.css")
"""Files every exam may hold: the simulated web pages of the search tasks and their stylesheet. They carry nothing
of the key (no verdict, no "evidence or not"), and ``sphinxext/web.py`` writes only those that a search task on an
allowed page opens, with the pages they link to."""


class AllowListError(MedialitError, ValueError):
    """The allow-list file cannot be read or breaks its schema; the message names the file, line and field."""


@cache
def schema() -> dict[str, Any]:
    """The allow-list JSON schema shipped in the package."""
    data: dict[str, Any] = json.loads(resources.files("medialit").joinpath("schema/exam-v1.json").read_text("utf-8"))
    return data


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob pattern over ``/``-separated paths: ``*`` and ``?`` stay inside one folder, ``**`` crosses folders."""
    out = ""
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
        elif pattern.startswith("**", index):
            out += ".*"
            index += 2
        elif pattern[index] == "*":
            out += "[^/]*"
            index += 1
        elif pattern[index] == "?":
            out += "[^/]"
            index += 1
        else:
            out += re.escape(pattern[index])
            index += 1
    return re.compile(out, re.DOTALL)


@dataclass(frozen=True)
class AllowList:
    """What an exam build may contain."""

    pages: tuple[str, ...]
    """Docnames of the pages an exam contains."""
    files: tuple[str, ...]
    """Glob patterns of the other built files allowed, relative to the HTML output folder."""
    source: str = ""
    """The file the allow-list was read from, for messages."""

    def permits(self, path: str) -> bool:
        """Whether the built file at ``path`` (relative, ``/``-separated) may be part of an exam."""
        if path.endswith(".html") and path[: -len(".html")] in self.pages:
            return True
        return any(glob_regex(pattern).fullmatch(path) for pattern in (*self.files, *ALWAYS_ALLOWED))


def _problem(yaml_file: YamlFile, where: tuple[Any, ...], message: str) -> str:
    line = yaml_file.line_of(where)
    place = str(yaml_file.path) + (f":{line}" if line else "")
    name = field_path(where)
    return f"{place}: {name + ': ' if name else ''}{message}"


def load_allowlist(path: Path) -> AllowList:
    """Read and validate the allow-list at ``path``; raises :class:`AllowListError` naming the file and field."""
    try:
        yaml_file = YamlFile.read(path)
    except OSError as error:
        raise AllowListError(f"{path}: the exam allow-list cannot be read: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise AllowListError(f"{path}: the exam allow-list is not valid YAML: {error}") from None
    errors = sorted(
        jsonschema.Draft202012Validator(schema()).iter_errors(yaml_file.data),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    if errors:
        raise AllowListError("\n".join(_problem(yaml_file, tuple(e.absolute_path), e.message) for e in errors))
    return AllowList(pages=tuple(yaml_file.data["pages"]), files=tuple(yaml_file.data["files"]), source=str(path))


def disallowed_files(folder: Path, allow: AllowList) -> list[str]:
    """Every file (or symlink, or anything but a folder) under ``folder`` that ``allow`` does not permit, sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        name = path.relative_to(folder).as_posix()
        if path.is_symlink() or not allow.permits(name):
            found.append(name)
    return found
