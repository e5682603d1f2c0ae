"""Printable worksheets and their keys: a chapter's documents with numbered sentences, its exercises with answer
space, and the matching key in lesson order. Built as data here, rendered by Jinja templates in ``templates/``."""

from medialit.worksheet.choose import NoSuchChapter, choose_exercises
from medialit.worksheet.key import KeySheet, build_key
from medialit.worksheet.render import key_html, worksheet_html
from medialit.worksheet.sheet import Sheet, build_sheet

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
