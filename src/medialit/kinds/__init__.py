"""The exercise kinds. Each kind is one folder here (its Python, its front-end, its schema fragment); this file is
the registry: one line per kind in :class:`ExerciseType`, whose value names the folder.

A kind's folder is imported the first time it is needed, so that :mod:`medialit.model` can use the enum below while
the kinds use the model.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from medialit.kinds.base import Kind

__all__ = ["ExerciseType", "all_kinds", "kind", "kind_of"]


class ExerciseType(StrEnum):
    """The kinds of exercise (the registry): each value is the folder under ``medialit/kinds/`` holding the kind."""

    HIGHLIGHT = "highlight"
    PAIRS = "pairs"
    CHOICE = "choice"
    SEARCH = "search"
    """A simulated search: search, open simulated pages, then give a verdict and tick the evidence for it."""
    REFLECTION = "reflection"
    """A first reaction: pick the view closest to yours; every view gets feedback; never scored."""


class _Typed(Protocol):
    @property
    def type(self) -> ExerciseType: ...


def kind(name: ExerciseType | str) -> Kind:
    """The kind registered as ``name``; ``ValueError`` for a name the registry does not hold."""
    return _loaded(ExerciseType(name))


@cache
def _loaded(member: ExerciseType) -> Kind:
    """The kind in ``member``'s folder, made once."""
    from medialit.kinds.base import load_folder

    return load_folder(member)


def kind_of(exercise: _Typed) -> Kind:
    """The kind of ``exercise``."""
    return kind(exercise.type)


def all_kinds() -> tuple[Kind, ...]:
    """Every registered kind, in registry order."""
    return tuple(kind(member) for member in ExerciseType)
