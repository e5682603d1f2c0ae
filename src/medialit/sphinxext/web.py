"""The simulated web pages of the search tasks: ``book/web/<id>.yaml`` written as ``<html>/web/<id>.html``.

* ``builder-inited`` reads and validates every page (:mod:`medialit.kinds.search.pages`), so that a broken page
  stops the build early, naming its file, line and field;
* ``build-finished`` (HTML builders) writes, from ``templates/web-page.html`` and ``templates/web-page.css``, one
  light standalone page per simulated page that a search task on a built page opens, plus the pages those link to,
  and nothing else: an exam build holds only the pages its exam's tasks use. Each page is labelled as a simulation,
  shows its made-up address in a fake browser bar, links only to other simulated pages and back to the book, and
  loads nothing but its stylesheet.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from medialit.kinds.search.pages import WebPage, WebPageError, load_pages, web_folder
from medialit.sphinxext.config import course
from medialit.sphinxext.nodes import exercise_node
from medialit.teacher.html import render

__all__ = ["FOLDER", "STYLESHEET", "pages_used", "setup", "write_pages"]

FOLDER = "web"
"""Where the pages go, in the HTML output folder."""
STYLESHEET = "web-page.css"
"""The pages' stylesheet, next to them."""
BANNER = "Simulation: this page was written for this book's search practice. It is not a real website."
"""The line at the top of every simulated page (``templates/web-page.html`` writes it)."""


def _pages(app: Sphinx) -> dict[str, WebPage]:
    """Every simulated page of the project, read once per build."""
    cached: dict[str, WebPage] | None = getattr(app, "_medialit_web", None)
    if cached is None:
        try:
            cached = load_pages(web_folder(course(app).project.root))
        except WebPageError as error:
            raise ExtensionError(f"medialit: {error}") from None
        app._medialit_web = cached  # type: ignore[attr-defined]
    return cached


def pages_used(states: Iterable[dict[str, Any]], pages: dict[str, WebPage]) -> list[str]:
    """The ids of the pages the search tasks in ``states`` open, and of every page linked from those, sorted."""
    todo = [r["page"] for state in states if state.get("search") for r in state["search"]["results"]]
    seen: set[str] = set()
    while todo:
        page = todo.pop()
        if page in seen or page not in pages:
            continue
        seen.add(page)
        todo.extend(link.page for link in pages[page].links)
    return sorted(seen)


def write_pages(folder: Path, chosen: Iterable[str], pages: dict[str, WebPage]) -> None:
    """Write the ``chosen`` pages and their stylesheet into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for page_id in chosen:
        html = render("web-page.html", page=pages[page_id], stylesheet=STYLESHEET, book="../index.html")
        (folder / f"{page_id}.html").write_text(html, encoding="utf-8")
    with resources.as_file(resources.files("medialit").joinpath("templates", STYLESHEET)) as css:
        shutil.copyfile(css, folder / STYLESHEET)


def _states(app: Sphinx) -> list[dict[str, Any]]:
    """The state of every exercise on a built page."""
    return [
        node["state"]
        for docname in sorted(app.env.found_docs)
        for node in app.env.get_doctree(docname).findall(exercise_node)
    ]


def _on_builder_inited(app: Sphinx) -> None:
    """builder-inited: read and validate every simulated page."""
    _pages(app)


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: write the pages that the search tasks on built pages open."""
    if exception is not None or app.builder.format != "html":
        return
    pages = _pages(app)
    states = _states(app)
    chosen = pages_used(states, pages)
    missing = sorted({r["page"] for s in states if s.get("search") for r in s["search"]["results"]} - set(pages))
    if missing:
        raise ExtensionError(f"medialit: search tasks open simulated pages that do not exist: {', '.join(missing)}")
    if chosen:
        write_pages(Path(app.outdir, FOLDER), chosen, pages)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks above."""
    app.connect("builder-inited", _on_builder_inited)
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
