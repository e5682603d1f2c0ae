"""The case-study documents: the catalogue in ``seeds/catalogue.yaml`` and the texts it lists."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from medialit.text import Unit, segment

__all__ = ["Catalogue", "Document", "SeedIntegrityError"]


class SeedIntegrityError(ValueError):
    """A seed file is missing or its bytes differ from the catalogue's checksum."""


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
    text: str = field(repr=False)
    """The whole text, decoded as UTF-8."""

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """Every sentence, in reading order."""
        return tuple(segment(self.slug, self.text))

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
                    text=seed.read_bytes().decode("utf-8"),
                )
            )
        return cls(path=path, documents=tuple(documents))

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
