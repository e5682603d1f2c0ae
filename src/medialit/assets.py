"""The front-end files shipped as package data (``static/``), read with :mod:`importlib.resources`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["asset_path", "asset_text", "compact_js"]


def asset_path(name: str) -> Path:
    """Filesystem path of ``static/<name>``."""
    return Path(str(resources.files("medialit").joinpath("static", name)))


@cache
def asset_text(name: str) -> str:
    """Text of ``static/<name>``."""
    return resources.files("medialit").joinpath("static", name).read_text(encoding="utf-8")


def compact_js(source: str) -> str:
    """``source`` without indentation, blank lines and whole-line ``//`` comments, for inlining into pages.

    Safe for our own files only, where no string or template literal runs over a line end (a test checks this):
    every line keeps its own line end, so automatic semicolon insertion reads the code as before.
    """
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"
