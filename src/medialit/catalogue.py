"""The case-study documents: the catalogue in ``seeds/catalogue.yaml`` and the texts it lists."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from medialit.scripts import DEFAULT_LANG, Direction
from medialit.text import Unit, segment

__all__ = ["Catalogue", "CatalogueEntryError", "Document", "Origin", "SeedIntegrityError", "entry_schema"]


class SeedIntegrityError(ValueError):
    """A seed file is missing or its bytes differ from the catalogue's checksum."""


class CatalogueEntryError(SeedIntegrityError):
    """A catalogue entry lacks a field or gives it a value the catalogue does not allow."""


class Origin(StrEnum):
    """Where a document comes from; every catalogue entry must say."""

    CASE_STUDY = "case-study"
    """One of the original case studies, kept as it was found."""
    WRITTEN_FOR_MODULE = "written-for-module"
    """A text written for this module: a practice text, a check form or the final text."""


ORIGINS = ", ".join(repr(o.value) for o in Origin)
"""The allowed values of ``origin``, for error messages."""


@dataclass(frozen=True)
class Document:
    """One case-study document and its segmentation."""

    slug: str
    """Short name used by exercises."""
    label: str
    """How the book names it, e.g. "Document A"."""
    title: str
    """A short descriptive title."""
    path: Path
    """The seed file."""
    sha256: str
    """Expected SHA-256 of the file's bytes."""
    origin: Origin
    """Whether it is an original case study or was written for the module."""
    text: str = field(repr=False)
    """The whole text, decoded as UTF-8."""
    lang: str = DEFAULT_LANG
    """The text's language, a BCP 47 tag (``lang`` in the catalogue; default ``en``)."""
    dir: Direction = Direction.LTR
    """The text's writing direction (``dir`` in the catalogue; default left to right)."""
    no_split_after: tuple[str, ...] = ()
    """Strings a sentence of this text never ends after (``no_split_after`` in the catalogue)."""

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """Every sentence, in reading order."""
        return tuple(segment(self.slug, self.text, self.no_split_after))

    @cached_property
    def unit_index(self) -> dict[str, Unit]:
        """Units by id."""
        return {unit.id: unit for unit in self.units}

    def units_between(self, start: int, end: int) -> tuple[Unit, ...]:
        """Units that overlap the character range ``[start, end)``."""
        return tuple(u for u in self.units if u.start < end and start < u.end)


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Catalogue:
    """All documents listed in a catalogue file."""

    path: Path
    """The catalogue YAML file."""
    documents: tuple[Document, ...]
    """Documents in catalogue order."""

    @classmethod
    def load(cls, path: Path, *, verify: bool = True) -> Catalogue:
        """Read the catalogue and its seed files; with ``verify``, check every checksum."""
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        documents = []
        for entry in raw.get("documents", []):
            origin = _origin(path, entry)
            _check_entry(path, entry)
            seed = path.parent / entry["file"]
            if not seed.is_file():
                raise SeedIntegrityError(f"{path}: seed file {entry['file']!r} is missing")
            if verify and sha256_of(seed) != entry["sha256"]:
                raise SeedIntegrityError(
                    f"{seed}: its SHA-256 is {sha256_of(seed)}, the catalogue expects {entry['sha256']}"
                )
            documents.append(
                Document(
                    slug=entry["slug"],
                    label=entry["label"],
                    title=entry["title"],
                    path=seed,
                    sha256=entry["sha256"],
                    origin=origin,
                    text=seed.read_bytes().decode("utf-8"),
                    lang=entry.get("lang", DEFAULT_LANG),
                    dir=Direction(entry.get("dir", Direction.LTR)),
                    no_split_after=tuple(entry.get("no_split_after", ())),
                )
            )
            _check_no_split_after(path, documents[-1])
        return cls(path=path, documents=tuple(documents))

    def of_origin(self, origin: Origin) -> tuple[Document, ...]:
        """The documents of one origin, in catalogue order."""
        return tuple(d for d in self.documents if d.origin is origin)

    def get(self, slug: str) -> Document:
        """The document with this slug; ``KeyError`` if there is none."""
        for document in self.documents:
            if document.slug == slug:
                return document
        raise KeyError(slug)

    @property
    def slugs(self) -> tuple[str, ...]:
        """Every slug, in catalogue order."""
        return tuple(d.slug for d in self.documents)


def _origin(path: Path, entry: object) -> Origin:
    """The entry's ``origin``; :class:`CatalogueEntryError`, naming file and entry, if it is missing or unknown."""
    if not isinstance(entry, dict):
        raise CatalogueEntryError(f"{path}: every entry under `documents:` must be a mapping, not {entry!r}")
    name = f"the entry {entry.get('slug')!r}" if isinstance(entry.get("slug"), str) else "an entry without a slug"
    value = entry.get("origin")
    if value is None:
        raise CatalogueEntryError(
            f"{path}: {name} has no `origin`; add `origin: case-study` (an original case study) or "
            "`origin: written-for-module` (a text written for the module)"
        )
    try:
        return Origin(value)
    except ValueError:
        raise CatalogueEntryError(f"{path}: {name} has `origin: {value!r}`, which is not one of {ORIGINS}") from None


@cache
def entry_schema() -> dict[str, Any]:
    """The JSON schema of one catalogue entry (``schema/catalogue-v1.json``)."""
    whole: dict[str, Any] = json.loads(
        resources.files("medialit").joinpath("schema", "catalogue-v1.json").read_text(encoding="utf-8")
    )
    return {**whole["$defs"]["entry"], "$schema": whole["$schema"]}


_FIXES = {
    "lang": "write a language tag such as en, ar, he, ko or ja",
    "dir": "write ltr (left to right) or rtl (right to left, e.g. Arabic or Hebrew)",
    "no_split_after": 'write a list of different short strings in quotes, e.g. no_split_after: ["Bros."]',
}
"""How to fix each optional field of an entry."""


def _check_entry(path: Path, entry: dict[str, Any]) -> None:
    """:class:`CatalogueEntryError`, naming file, entry, field and fix, if the entry has a field the schema does not
    know or an optional field (``lang``, ``dir``, ``no_split_after``) it does not allow. A missing or malformed
    required field is left to the loader, whose own error names it."""
    fields = entry_schema()["properties"]
    required = set(entry_schema()["required"])
    name = f"the entry {entry.get('slug')!r}" if isinstance(entry.get("slug"), str) else "an entry without a slug"
    unknown = sorted(str(key) for key in entry if key not in fields)
    if unknown:
        raise CatalogueEntryError(
            f"{path}: {name} has the field `{unknown[0]}`, which a catalogue entry does not have; check its "
            f"spelling (the fields are {', '.join(fields)})"
        )
    validator = jsonschema.Draft202012Validator(entry_schema())
    for error in validator.iter_errors(entry):
        key = str(error.absolute_path[0]) if error.absolute_path else ""
        if key in fields and key not in required:
            raise CatalogueEntryError(
                f"{path}: {name} has `{key}: {entry[key]!r}`, which cannot be used: {_FIXES[key]}"
            )


def _check_no_split_after(path: Path, document: Document) -> None:
    """:class:`CatalogueEntryError` for a ``no_split_after`` string that keeps no sentence together: as written, it
    is never followed by a sentence end in the text (a missing full stop, a typing mistake)."""
    for entry in document.no_split_after:
        if segment(document.slug, document.text, (entry,)) == segment(document.slug, document.text):
            raise CatalogueEntryError(
                f"{path}: the entry {document.slug!r} has `no_split_after: {entry!r}`, but no sentence of "
                f"{document.path.name} ends right after {entry!r}, so it changes nothing: write it exactly as it "
                "stands in the text where the sentence is split wrongly, with its full stop"
            )
