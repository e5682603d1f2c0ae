"""Progress without accounts: a summary on every page and a "My results" page with hand-in and reset.

* Each ``medialit-exercise`` directive notes its exercise on the page (``env.medialit_pages``, kept parallel-safe by
  the ``env-purge-doc`` and ``env-merge-info`` hooks); the ``medialit-my-results`` directive marks the results page.
* ``build-finished`` writes ``_static/medialit/progress.js``: the book's manifest (every exercise in reading order,
  with its page, skill, content hash and maximum score; the book version and build mode; the hand-in format's name,
  version, CSV columns and storage keys from :func:`medialit.handin.browser_contract`) followed by
  ``static/learners.js`` (who is working in this browser) and ``static/progress.js``, which reads the learner's
  saved progress from ``localStorage`` and fills the summary and the results page. ``html-page-context`` links it,
  with its stylesheet, on every page.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from medialit import __version__
from medialit.assets import asset_path, asset_text, compact_js
from medialit.frontend import dom_helpers_script
from medialit.handin import browser_contract
from medialit.model import Skill
from medialit.scoring import max_score
from medialit.sphinxext.config import course, mode
from medialit.sphinxext.nodes import add_html_only_node, inline_json
from medialit.state import ships_key

__all__ = ["MyResultsDirective", "manifest", "note_exercise", "setup"]

RESULTS = "__results__"
"""Key under which ``env.medialit_pages`` remembers the results page."""


class results_node(nodes.General, nodes.Element):
    """Placeholder for the "My results" panel, filled in the browser by ``progress.js``."""


def visit_results_html(self: HTML5Translator, node: results_node) -> None:
    self.body.append(
        '<div class="medialit-results" id="medialit-results">'
        "<noscript><p>Your results need JavaScript switched on.</p></noscript></div>"
    )
    raise nodes.SkipNode


class MyResultsDirective(SphinxDirective):
    """``medialit-my-results``: the learner's results, the hand-in download and the reset button."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _pages(self.env)[RESULTS] = [self.env.docname]
        return [results_node()]


def _pages(env: BuildEnvironment) -> dict[str, list[str]]:
    pages: dict[str, list[str]] | None = getattr(env, "medialit_pages", None)
    if pages is None:
        pages = {}
        env.medialit_pages = pages  # type: ignore[attr-defined]
    return pages


def note_exercise(env: BuildEnvironment, exercise_id: str) -> None:
    """Remember that the page being read holds ``exercise_id``."""
    _pages(env).setdefault(env.docname, []).append(exercise_id)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """env-purge-doc: forget what a re-read page held."""
    pages = _pages(env)
    pages.pop(docname, None)
    if pages.get(RESULTS) == [docname]:
        pages.pop(RESULTS)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """env-merge-info: take over what parallel readers found."""
    _pages(env).update(_pages(other))


def _reading_order(env: BuildEnvironment, root: str) -> Iterator[str]:
    """Every page in table-of-contents order, then any page the contents do not reach."""
    seen: set[str] = set()
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen.add(docname)
        yield docname
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    yield from sorted(set(env.found_docs) - seen)


def manifest(app: Sphinx) -> dict[str, Any]:
    """What ``progress.js`` needs to know about the book."""
    exercises = course(app).exercises
    build_mode = mode(app)  # a build that does not ship an exercise's key does not tell how many answers are right
    pages = _pages(app.env)
    entries = []
    for docname in _reading_order(app.env, app.config.root_doc):
        for exercise_id in pages.get(docname, []):
            exercise = exercises.get(exercise_id)
            entries.append(
                {
                    "id": exercise.id,
                    "title": exercise.title,
                    "skill": str(exercise.skill),
                    "content_hash": exercise.content_hash,
                    "max_score": max_score(exercise) if ships_key(exercise, build_mode) else None,
                    "page": app.builder.get_target_uri(docname),
                }
            )
    results = pages.get(RESULTS)
    return {
        "book_version": __version__,
        "mode": str(mode(app)),
        "results_page": app.builder.get_target_uri(results[0]) if results else None,
        "skills": [{"id": str(skill), "title": skill.heading} for skill in Skill],
        "exercises": entries,
        "handin": browser_contract(),
    }


def _on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """html-page-context: every page shows the progress summary."""
    app.add_css_file("medialit/progress.css")
    app.add_js_file("medialit/progress.js", defer="defer")


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: write the manifest with the script, and the stylesheet, next to the theme's assets."""
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir, "_static", "medialit")
    target.mkdir(parents=True, exist_ok=True)
    code = compact_js(dom_helpers_script()) + "".join(compact_js(asset_text(n)) for n in ("learners.js", "progress.js"))
    script = f"window.MEDIALIT_BOOK = {inline_json(manifest(app))};\n{code}"
    (target / "progress.js").write_text(script, encoding="utf-8")
    shutil.copyfile(asset_path("progress.css"), target / "progress.css")


def setup(app: Sphinx) -> None:
    """Register the results node and the hooks above (the package registers the directive)."""
    add_html_only_node(app, results_node, visit_results_html)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _on_build_finished)
