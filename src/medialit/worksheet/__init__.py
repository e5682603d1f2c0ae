"""Printable worksheets and their keys: a chapter's documents with numbered sentences, its exercises with answer
space, and the matching key in lesson order. Built as data here, rendered by Jinja templates in ``templates/``.

The names below are imported when first used, so that a kind's ``sheet`` module can use ``worksheet.numbers``
without loading the rendering (and, through it, the teacher's charts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.lazy import importer

if TYPE_CHECKING:
    from medialit.worksheet.choose import NoSuchChapter, choose_exercises
    from medialit.worksheet.key import KeySheet, build_key
    from medialit.worksheet.render import key_html, worksheet_html
    from medialit.worksheet.sheet import Sheet, build_sheet

_HOMES = {
    "KeySheet": "key",
    "NoSuchChapter": "choose",
    "Sheet": "sheet",
    "build_key": "key",
    "build_sheet": "sheet",
    "choose_exercises": "choose",
    "key_html": "render",
    "worksheet_html": "render",
}
__all__ = [
    "KeySheet",
    "NoSuchChapter",
    "Sheet",
    "build_key",
    "build_sheet",
    "choose_exercises",
    "key_html",
    "worksheet_html",
]

__getattr__ = importer(__name__, _HOMES)
