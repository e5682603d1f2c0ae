"""Lighter pages: each page loads only the assets it uses.

* MyST-NB's stylesheet is linked only on pages with notebook cells, and sphinx-design's only on pages with its
  directives;
* Sphinx's search scripts and the search index are loaded only on the search page (the theme override
  ``templates/theme/layout.html``): a search typed on any other page opens the search page, which loads them;
* FontAwesome's script is left out by the override ``templates/theme/static/webpack-macros.html``: the theme's
  stylesheet draws the same icons with FontAwesome's webfont;
* after the build, the theme's stylesheet keeps only the icon rules of the icons the built pages and scripts name,
  and its solid webfont is cut down to the glyphs the stylesheets still draw (``icons.py``).

``medialit_light = False`` turns all of this off and gives the theme's stock pages (``make bench`` compares the two).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from medialit.sphinxext.icons import lighten

__all__ = ["setup", "uses_classes"]

OPTIONAL_CSS: dict[str, tuple[str, ...]] = {
    "mystnb.": ("cell", "output"),
    "sphinx-design": ("sd-",),
}
"""A stylesheet's file-name prefix → the class prefixes a page must use for the stylesheet to be linked."""


def uses_classes(doctree: nodes.document, prefixes: tuple[str, ...]) -> bool:
    """Whether any element of ``doctree`` has a class that starts with one of ``prefixes``."""
    for element in doctree.findall(nodes.Element):
        classes: list[str] = element.get("classes", [])
        if any(name.startswith(prefixes) for name in classes):
            return True
    return False


def _file_name(asset: object) -> str:
    """The file name of a linked asset (Sphinx's asset objects keep their path in ``filename``)."""
    return Path(str(getattr(asset, "filename", asset))).name


def _on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """html-page-context: drop the optional stylesheets this page does not use (Sphinx restores them for the next)."""
    css_files = context.get("css_files")
    if not app.config.medialit_light or not isinstance(css_files, list):
        return
    unused = [
        prefix for prefix, classes in OPTIONAL_CSS.items() if doctree is None or not uses_classes(doctree, classes)
    ]
    if unused:
        css_files[:] = [css for css in css_files if not _file_name(css).startswith(tuple(unused))]


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: trim FontAwesome in the built site (never in the book's own ``_static/``)."""
    if exception is None and app.builder.format == "html" and app.config.medialit_light:
        lighten(Path(app.outdir))


def setup(app: Sphinx) -> None:
    """Connect the hooks."""
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _on_build_finished)
