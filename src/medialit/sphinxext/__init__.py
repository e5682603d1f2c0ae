"""A small Sphinx extension: the ``medialit-exercise``, ``medialit-document`` and ``medialit-answer-key`` directives.

* ``medialit-exercise ID`` inlines the exercise's JSON state and, once per page, the front-end: one module joined from
  the widget core and the kinds the page uses (:func:`medialit.frontend.bundle`), with a tiny model shim
  (``static/shim.js``). The page needs no kernel, no server and no network: it works over http:// and file://.
* ``medialit-document SLUG`` shows a case-study document verbatim, one numbered item per paragraph.
* ``medialit-answer-key`` lists every exercise's targets, distractors and options with their explanations.
* ``medialit-my-results`` shows the learner's results with the hand-in download; every page shows a progress summary
  (``progress.py``), and a check form's page which form to do first (``checkforms.py``); ``medialit-worksheets``
  links every chapter's printable worksheet (``worksheets.py``); the search tasks' simulated web pages are written
  into ``web/`` (``web.py``).

Every directive is also registered under its older name without the ``medialit-`` prefix (``exercise``,
``document``, ...), unless another extension (sphinx-exercise registers ``exercise``) already has that name, so that
one book can load both.

Settings (``conf.py`` or ``_config.yml`` → ``sphinx.config``):

* ``medialit_root``: the project folder holding ``seeds/`` and ``exercises/`` (default: found from the source
  folder upwards, or ``$MEDIALIT_ROOT``);
* ``medialit_mode``: ``"learn"`` (default) or ``"exam"``; ``$MEDIALIT_MODE`` overrides it. An exam build carries no
  key, explanations, hints or scoring data, and holds only what its allow-list permits (``exam.py``);
* ``medialit_exam_allowlist``: the allow-list of an exam build, relative to the book folder (default ``_exam.yml``).

The course (catalogue, exercises, reading order) and the mode come from ``config.py``, which every module imports.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import is_directive_registered

from medialit import __version__
from medialit.assets import asset_path
from medialit.sphinxext import checkforms, console, exam, hidden_cells, light, progress, web, worksheets
from medialit.sphinxext.config import course
from medialit.sphinxext.directives import AnswerKeyDirective, DocumentDirective, ExerciseDirective
from medialit.sphinxext.nodes import add_html_only_node, exercise_node, visit_exercise_html

__all__ = ["DIRECTIVES", "PREFIX", "setup"]

PREFIX = "medialit-"
"""Every directive the extension registers is named with this prefix; the name without it is an alias."""
DIRECTIVES: dict[str, type[Directive]] = {
    "exercise": ExerciseDirective,
    "document": DocumentDirective,
    "answer-key": AnswerKeyDirective,
    "my-results": progress.MyResultsDirective,
    "worksheets": worksheets.WorksheetsDirective,
}
"""Each directive by its name without :data:`PREFIX`."""


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """config-inited: put our overrides of the book theme's templates (accessible names for its buttons, no
    FontAwesome script, search scripts on the search page only) first; another theme keeps its own."""
    if config.html_theme == "sphinx_book_theme" and config.medialit_light:
        config.templates_path.insert(0, str(Path(__file__).resolve().parents[1] / "templates" / "theme"))


def _register_aliases(app: Sphinx, config: Config) -> None:
    """config-inited (every extension has been set up by now): the old names, where no other extension took them."""
    for name, directive in DIRECTIVES.items():
        if not is_directive_registered(name):
            app.add_directive(name, directive)


def _on_builder_inited(app: Sphinx) -> None:
    """builder-inited: load and validate everything once, so that errors stop the build early."""
    course(app)


def _on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """html-page-context: link the stylesheet only on pages that hold an exercise."""
    if doctree is not None and next(iter(doctree.findall(exercise_node)), None) is not None:
        app.add_css_file("medialit/widget.css")


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: copy the stylesheet next to the theme's assets (never into the book's own ``_static/``)."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir, "_static", "medialit")
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset_path("widget.css"), target / "widget.css")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the settings, directives, node and event hooks."""
    app.add_config_value("medialit_root", "", "env", [str])
    app.add_config_value("medialit_mode", "learn", "env", [str])
    app.add_config_value("medialit_light", True, "env", [bool])
    add_html_only_node(app, exercise_node, visit_exercise_html)
    for name, directive in DIRECTIVES.items():
        app.add_directive(PREFIX + name, directive)
    app.setup_extension("myst_nb")
    hidden_cells.setup(app)
    progress.setup(app)
    checkforms.setup(app)
    exam.setup(app)
    console.setup(app)
    worksheets.setup(app)
    web.setup(app)
    light.setup(app)
    app.connect("config-inited", _on_config_inited)
    app.connect("config-inited", _register_aliases)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _on_build_finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
