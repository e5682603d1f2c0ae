"""Copy a new case-study text into ``seeds/`` byte for byte and list it in ``seeds/catalogue.yaml``.

The catalogue is edited as text: the new entry is appended after the existing ones, so the file's comments and layout
stay as they are. The result is read back and checked before the command reports success.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from string import Template

import yaml

from medialit.authoring.templates import template
from medialit.authoring.yamltext import quoted
from medialit.catalogue import Catalogue, Document, Origin, sha256_of
from medialit.errors import MedialitError
from medialit.project import Project

__all__ = ["AuthoringError", "check_slug", "default_label", "read_case_text", "register"]

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}[a-z0-9]$|^[a-z0-9]$")
"""Lower-case letters, digits and inner hyphens; short enough for ``<slug>-contradictions`` to be an exercise id."""


class AuthoringError(MedialitError, ValueError):
    """A case study cannot be added as asked; the message says why and what to do."""


def check_slug(project: Project, slug: str, catalogue: Catalogue) -> None:
    """Refuse a malformed slug, or one already used by the catalogue, a seed, an exercise or a page."""
    if not SLUG.match(slug):
        raise AuthoringError(
            f"the slug {slug!r} cannot be used: use lower-case letters, digits and hyphens only "
            "(at most 49 characters, no hyphen at either end), for example `pool-rumour`"
        )
    if slug in catalogue.slugs:
        raise AuthoringError(
            f"there is already a case study with the slug {slug!r} in {project.catalogue_path}: choose another slug "
            "(to replace it, remove its entry from the catalogue and its files first)"
        )
    taken = [
        path
        for path in (
            project.seeds / f"{slug}.txt",
            project.book / "cases" / f"{slug}.md",
            *(project.exercises / f"{slug}-{skill}.yaml" for skill in ("sourcing", "contradictions", "disclaimer")),
        )
        if path.exists()
    ]
    if taken:
        raise AuthoringError(
            f"the slug {slug!r} is not listed in the catalogue, but these files already exist: "
            + ", ".join(str(p) for p in taken)
            + ". Choose another slug, or remove those files first."
        )


def default_label(catalogue: Catalogue) -> str:
    """The first free "Document X" label (A, B, ... Z, AA, ...), whatever other labels the catalogue uses."""
    used = {d.label for d in catalogue.documents}
    for number in range(len(used) + 1):  # one more number than labels in use: one of them is free
        label = f"Document {_letters(number)}"
        if label not in used:
            return label
    raise AssertionError("unreachable")  # pragma: no cover


def _letters(number: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _one_line(name: str, value: str) -> str:
    value = value.strip()
    if not value or "\n" in value or "\r" in value:
        raise AuthoringError(f"the {name} must be one line of text, not {value!r}")
    return value


def read_case_text(source: Path) -> str:
    """The text of a new case study; :class:`AuthoringError` if it is missing or not UTF-8."""
    if not source.is_file():
        raise AuthoringError(f"there is no file {source}")
    try:
        return source.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise AuthoringError(
            f"{source} is not UTF-8 text ({error.reason} at byte {error.start}): "
            "open it in a text editor and save it as UTF-8"
        ) from None


def register(project: Project, source: Path, slug: str, title: str, label: str) -> Document:
    """Copy ``source`` to ``seeds/<slug>.txt`` and append its catalogue entry; the new :class:`Document`."""
    title, label = _one_line("title", title), _one_line("label", label)
    read_case_text(source)
    seed = project.seeds / f"{slug}.txt"
    catalogue_text = project.catalogue_path.read_text(encoding="utf-8")
    shutil.copyfile(source, seed)
    entry = (
        Template(template("catalogue-entry.yaml")).substitute(
            slug=slug, label=quoted(label), title=quoted(title), file=seed.name, sha256=sha256_of(seed)
        )
        + f"    origin: {Origin.WRITTEN_FOR_MODULE.value}\n"
    )
    new_text = catalogue_text + ("" if catalogue_text.endswith("\n") else "\n") + _indent_like(catalogue_text, entry)
    try:
        listed = (yaml.safe_load(new_text) or {}).get("documents") or []
    except yaml.YAMLError:
        listed = []
    if not listed or listed[-1].get("slug") != slug:
        seed.unlink()
        raise AuthoringError(
            f"cannot append to {project.catalogue_path} automatically, because `documents:` is not its last "
            f"section. Add this entry at the end of the `documents:` list by hand:\n{entry}"
        )
    project.catalogue_path.write_text(new_text, encoding="utf-8")
    from medialit.course import load_catalogue

    return load_catalogue(project).get(slug)


def _indent_like(catalogue_text: str, entry: str) -> str:
    """``entry`` re-indented to match how the catalogue already indents its list items."""
    found = re.search(r"^( *)- slug:", catalogue_text, flags=re.MULTILINE)
    indent = found.group(1) if found else "  "
    return "".join(indent + line[2:] if line.strip() else line for line in entry.splitlines(keepends=True))
