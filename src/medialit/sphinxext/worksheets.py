"""The printable worksheets and keys of every chapter, in the teacher section of a learn build.

builder-inited (HTML builders, learn mode only, and only if a page of the book holds the ``medialit-worksheets``
directive): for every page of the book with exercises, except the teacher pages and My results, ``medialit.worksheet``
writes ``teachers/worksheets/<chapter>.html`` (the worksheet) and ``<chapter>-key.html`` (its key in lesson order) into
a folder beside the output, which is added to ``html_extra_path``, so that Sphinx copies them into the built book. The
teacher guide's ``medialit-worksheets`` directive links to them. An exam build writes none: its allow-list admits no
teacher page; nor does a chapter's preview, which has no teacher guide.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from medialit.modes import Mode
from medialit.reading_order import BookPage, page_text, reading_order
from medialit.sphinxext.config import course, mode
from medialit.worksheet import build_key, build_sheet, key_html, worksheet_html

__all__ = ["FOLDER", "WorksheetsDirective", "chapters", "setup"]

FOLDER = "teachers/worksheets"
"""Where the worksheets go in the built book."""
_SKIPPED = ("teachers/", "my-results")
_LINKS = re.compile(r"\{(?:medialit-)?worksheets\}")
"""The directive that links the worksheets, by its name or its older alias."""


def chapters(pages: tuple[BookPage, ...]) -> list[BookPage]:
    """The pages that get a worksheet: every page with exercises, except the teacher pages and My results."""
    return [p for p in pages if p.exercise_ids and not p.name.startswith(_SKIPPED)]


def _on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html" or mode(app) is not Mode.LEARN:
        return
    pages = reading_order(Path(app.srcdir))
    if not any(_LINKS.search(page_text(Path(app.srcdir), page)) for page in pages):
        return  # no page links them (a chapter's preview): nothing to write
    loaded = course(app)
    catalogue, exercises = loaded.catalogue, loaded.exercises
    known = {e.id: e for e in exercises.exercises}
    titles = {i: p.title for p in pages for i in p.exercise_ids}
    root = Path(app.outdir).parent / "medialit-worksheets"
    shutil.rmtree(root, ignore_errors=True)
    target = root / FOLDER
    target.mkdir(parents=True)
    for page in chapters(pages):
        chosen = [known[i] for i in page.exercise_ids if i in known]
        (target / f"{page.short_name}.html").write_text(
            worksheet_html(build_sheet(page.title, chosen, catalogue)), encoding="utf-8"
        )
        (target / f"{page.short_name}-key.html").write_text(
            key_html(build_key(page.title, chosen, catalogue, order="worksheet order", pages=titles)), encoding="utf-8"
        )
    app.config.html_extra_path = [*app.config.html_extra_path, str(root)]


class WorksheetsDirective(SphinxDirective):
    """``medialit-worksheets``: one line per chapter, linking its worksheet and its key (on a ``teachers/`` page)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        listing = nodes.bullet_list()
        for page in chapters(reading_order(Path(self.env.app.srcdir))):
            line = nodes.paragraph()
            line += nodes.strong(text=page.title)
            line += nodes.Text(f" ({len(page.exercise_ids)} exercises): ")
            base = FOLDER.removeprefix("teachers/")
            line += nodes.reference(text="worksheet", refuri=f"{base}/{page.short_name}.html")
            line += nodes.Text(", ")
            line += nodes.reference(text="key", refuri=f"{base}/{page.short_name}-key.html")
            item = nodes.list_item()
            item += line
            listing += item
        return [listing]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the builder-inited hook (the package registers the directive)."""
    app.connect("builder-inited", _on_builder_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
