"""The check forms' pages tell the learner which form to do first.

A page with ``medialit-check-form: A`` or ``B`` in its front matter (:mod:`medialit.forms`) gets ``static/forms.js``,
which puts a line under the page's title: "Do form A first, then form B at the end of the module.", from the same hash
of the learner's name as the teacher's tools use.

* ``html-page-context`` links the script on those pages only, after ``progress.js`` (which says who is working);
* ``build-finished`` copies it next to the other scripts of the extension.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from medialit.assets import asset_path
from medialit.sphinxext.config import course

__all__ = ["setup"]

SCRIPT = "forms.js"
AFTER_PROGRESS = 600
"""The script's priority: after ``progress.js`` (added at Sphinx's default, 500)."""


def _on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """html-page-context: a check form's page shows which form comes first."""
    if pagename in course(app).forms.pages:
        app.add_js_file(f"medialit/{SCRIPT}", defer="defer", priority=AFTER_PROGRESS)


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: copy the script next to the theme's assets (never into the book's own ``_static/``)."""
    if exception is not None or app.builder.format != "html" or not course(app).forms.pages:
        return
    target = Path(app.outdir, "_static", "medialit")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(asset_path(SCRIPT), target / SCRIPT)


def setup(app: Sphinx) -> None:
    """Register the hooks above (the package calls this from its own ``setup``)."""
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _on_build_finished)
