"""Lighter pages: each page loads only the assets it uses.

* MyST-NB's stylesheet is linked only on pages with notebook cells, and sphinx-design's only on pages with its
  directives;
* the theme's and extensions' scripts in the page head load with ``defer``, so they no longer hold up the first
  paint and the exercises (only ``documentation_options.js`` stays, because inline scripts name what it defines;
  and on the search page, whose own scripts need ``doctools.js`` first, nothing is deferred);
  sphinx-thebe's script, stylesheet and configuration are left out (the book never starts a kernel);
* Sphinx's search scripts and the search index are loaded only on the search page (the theme override
  ``templates/theme/layout.html``): a search typed on any other page opens the search page, which loads them;
* FontAwesome's script is left out by the override ``templates/theme/static/webpack-macros.html``: the theme's
  stylesheet draws the same icons with FontAwesome's webfont;
* after the build, the theme's stylesheet keeps only the icon rules of the icons the built pages and scripts name,
  and its solid webfont is cut down to the glyphs the stylesheets still draw (``icons.py``);
* last, the stylesheets each page links are joined into one file (``cssbundle.py``): one request instead of ten,
  and no ``@import`` to wait for; each keeps only the rules a built page can match (``cssprune.py``; the book's own
  stylesheets stay whole): the theme's shrinks from 386 KB to about 110 KB, and the browser parses that much less
  before the first paint. The original files stay in the site as they were.

``medialit_light = False`` turns all of this off and gives the theme's stock pages (``make bench`` compares the two).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from medialit.sphinxext.cssbundle import Filter, bundle_stylesheets
from medialit.sphinxext.cssprune import prune_css, site_names
from medialit.sphinxext.icons import lighten

__all__ = ["pruner", "setup", "uses_classes"]

OPTIONAL_CSS: dict[str, tuple[str, ...]] = {
    "mystnb.": ("cell", "output"),
    "sphinx-design": ("sd-",),
}
"""A stylesheet's file-name prefix → the class prefixes a page must use for the stylesheet to be linked."""


DEFERRED_JS = frozenset(
    {
        "doctools.js",
        "sphinx_highlight.js",
        "clipboard.min.js",
        "copybutton.js",
        "sphinx-book-theme.js",
        "togglebutton.js",
        "design-tabs.js",
    }
)
"""Head scripts that wait for the page to be parsed (none of them is needed before; their order is kept)."""

UNUSED_FILES = ("sphinx-thebe.",)
"""File-name prefixes of assets the book never uses: thebe starts a kernel from a CDN, and the book has no kernel."""


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
    unused += UNUSED_FILES
    css_files[:] = [css for css in css_files if not _file_name(css).startswith(tuple(unused))]
    script_files = context.get("script_files")
    if isinstance(script_files, list):
        # The search page's own scripts (searchtools.js, the index) run at once and need doctools.js before them.
        defer = pagename != "search"
        script_files[:] = [_deferred(js) if defer else js for js in script_files if not _thebe(js)]


def _thebe(asset: Any) -> bool:
    """Whether ``asset`` is sphinx-thebe's script or its inline configuration."""
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return _file_name(asset).startswith(UNUSED_FILES) or "thebe" in body.lower()


def _deferred(asset: Any) -> Any:
    """``asset`` with ``defer`` if it is one of :data:`DEFERRED_JS` (a new asset object; Sphinx's stay as they are)."""
    attributes = getattr(asset, "attributes", None)
    if not isinstance(attributes, dict) or _file_name(asset) not in DEFERRED_JS or "defer" in attributes:
        return asset
    return type(asset)(asset.filename, priority=asset.priority, **{**attributes, "defer": "defer"})


OWN_STYLES = Path("_static", "medialit")
"""The book's own stylesheets: written for the pages, never pruned."""


def pruner(site: Path) -> Filter:
    """What :func:`~medialit.sphinxext.cssbundle.bundle_stylesheets` keeps of each stylesheet of the built ``site``:
    the rules a page can match (the book's own stylesheets whole)."""
    names = site_names(site)
    own = (site / OWN_STYLES).resolve()

    pruned: dict[tuple[Path, str], str] = {}  # a stylesheet joined into several files is pruned once

    def keep(path: Path, css: str) -> str:
        if own in path.resolve().parents:
            return css
        if (path, css) not in pruned:
            pruned[path, css] = prune_css(css, names)
        return pruned[path, css]

    return keep


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: trim FontAwesome and unused rules in the built site, then join each page's stylesheets (never
    in the book's own ``_static/``)."""
    if exception is None and app.builder.format == "html" and app.config.medialit_light:
        site = Path(app.outdir)
        lighten(site)
        bundle_stylesheets(site, pruner(site))


def setup(app: Sphinx) -> None:
    """Connect the hooks."""
    app.connect("html-page-context", _on_page_context)
    # After every other hook has written its files into the site (the stylesheets it links, the pages whose classes
    # keep rules), before the exam build's check of the output (priority 999).
    app.connect("build-finished", _on_build_finished, priority=900)
