"""The front-end files shipped as package data (``static/``), read with :mod:`importlib.resources`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["asset_path", "asset_text"]


def asset_path(name: str) -> Path:
    """Filesystem path of ``static/<name>``."""
    return Path(str(resources.files("medialit").joinpath("static", name)))


@cache
def asset_text(name: str) -> str:
    """Text of ``static/<name>``."""
    return resources.files("medialit").joinpath("static", name).read_text(encoding="utf-8")
