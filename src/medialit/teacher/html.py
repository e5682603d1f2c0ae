"""Render the teacher's HTML pages from Jinja2 templates shipped as package data, with autoescaping always on."""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2

__all__ = ["render"]


def _load(name: str) -> str:
    """``templates/<name>``, or a kind's own template when ``name`` starts with ``kinds/``."""
    folder = resources.files("medialit")
    path = folder.joinpath(*name.split("/")) if name.startswith("kinds/") else folder.joinpath("templates", name)
    return path.read_text(encoding="utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: object) -> str:
    """``templates/<template>`` rendered with ``context``; every value is HTML-escaped unless marked safe."""
    return _environment().get_template(template).render(**context)
