"""Render worksheets and keys to self-contained HTML pages: Jinja templates and a print stylesheet, both package
data, with autoescaping on (every text from the exercises is escaped)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from markupsafe import Markup

from medialit import __version__
from medialit.teacher.html import render
from medialit.worksheet.key import KeySheet
from medialit.worksheet.sheet import Sheet

__all__ = ["key_html", "worksheet_html"]


@cache
def _stylesheet() -> Markup:
    """The print stylesheet shared by worksheets and keys (package data, trusted: it holds no learner text)."""
    return Markup(resources.files("medialit").joinpath("templates", "worksheet.css").read_text(encoding="utf-8"))


def _points(value: float) -> str:
    return f"{value:g} point" + ("" if value == 1 else "s")


def worksheet_html(sheet: Sheet) -> str:
    """The worksheet as one print-ready HTML page."""
    return render(
        "worksheet.html",
        sheet=sheet,
        css=_stylesheet(),
        version=__version__,
        points=_points,
        letter=lambda i: chr(ord("A") + i),
        kind_letter=lambda i: chr(ord("a") + i),
    )


def key_html(key: KeySheet) -> str:
    """The key as one print-ready HTML page."""
    return render("key.html", key=key, css=_stylesheet(), version=__version__, points=_points)
