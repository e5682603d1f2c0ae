"""A small Sphinx extension: the ``exercise``, ``document`` and ``answer-key`` directives.

* ``exercise ID`` inlines the exercise's JSON state and, once per page, the front-end (``static/widget.js``,
  ``static/scoring.js``) with a tiny model shim (``static/shim.js``). The page needs no kernel, no server and no
  network: it works over http:// and file://.
* ``document SLUG`` shows a case-study document verbatim, one numbered item per paragraph.
* ``answer-key`` lists every exercise's targets, distractors and options with their explanations.
* ``my-results`` shows the learner's results with the hand-in download; every page shows a progress summary
  (``progress.py``).

Settings (``conf.py`` or ``_config.yml`` → ``sphinx.config``):

* ``medialit_root``: the project folder holding ``seeds/`` and ``exercises/`` (default: found from the source
  folder upwards, or ``$MEDIALIT_ROOT``);
* ``medialit_mode``: ``"learn"`` (default) or ``"exam"``; ``$MEDIALIT_MODE`` overrides it. An exam build carries no
  key, explanations, hints or scoring data, and holds only what its allow-list permits (``exam.py``);
* ``medialit_exam_allowlist``: the allow-list of an exam build, relative to the book folder (default ``_exam.yml``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from medialit import __version__
from medialit.assessment import with_page_settings
from medialit.assets import asset_path
from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet, load_exercises
from medialit.modes import Mode
from medialit.project import Project
from medialit.sphinxext import console, exam, hidden_cells, progress, worksheets
from medialit.sphinxext.directives import AnswerKeyDirective, DocumentDirective, ExerciseDirective
from medialit.sphinxext.nodes import add_html_only_node, exercise_node, visit_exercise_html

__all__ = ["setup"]


def _project(app: Sphinx) -> Project:
    if app.config.medialit_root:
        return Project(Path(app.confdir, app.config.medialit_root).resolve())
    return Project.find(Path(app.srcdir))


def load(app: Sphinx) -> tuple[Catalogue, ExerciseSet]:
    """The catalogue and the exercises, loaded once per process and cached on the app."""
    cached = getattr(app, "_medialit_cache", None)
    if cached is None:
        project = _project(app)
        catalogue = Catalogue.load(project.catalogue_path)
        exercises = with_page_settings(load_exercises(project.exercises, catalogue), Path(app.srcdir))
        if exercises.errors:
            raise ExtensionError("medialit: exercise files have errors:\n" + "\n".join(map(str, exercises.errors)))
        cached = app._medialit_cache = (catalogue, exercises)
    return cached


def mode(app: Sphinx) -> Mode:
    """The build mode: the environment variable wins over the configuration."""
    return Mode(os.environ.get("MEDIALIT_MODE") or app.config.medialit_mode)


def _on_config_inited(app: Sphinx, config: Any) -> None:
    """config-inited: put our theme component overrides (accessible names for the theme's buttons) first."""
    config.templates_path.insert(0, str(Path(__file__).resolve().parents[1] / "templates" / "theme"))


def _on_builder_inited(app: Sphinx) -> None:
    """builder-inited: load and validate everything once, so that errors stop the build early."""
    load(app)


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
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
    add_html_only_node(app, exercise_node, visit_exercise_html)
    app.add_directive("exercise", ExerciseDirective)
    app.add_directive("document", DocumentDirective)
    app.add_directive("answer-key", AnswerKeyDirective)
    app.setup_extension("myst_nb")
    hidden_cells.setup(app)
    progress.setup(app)
    exam.setup(app)
    console.setup(app)
    worksheets.setup(app)
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _on_build_finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
