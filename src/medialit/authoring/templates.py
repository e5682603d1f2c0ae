"""The authoring templates (package data under ``templates/``), read with :mod:`importlib.resources`."""

from __future__ import annotations

from importlib import resources

__all__ = ["template"]


def template(name: str) -> str:
    """Text of ``templates/<name>``."""
    return resources.files("medialit").joinpath("templates", name).read_text(encoding="utf-8")
