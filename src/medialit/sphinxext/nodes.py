"""The exercise node and its HTML output (filled from ``templates/exercise.html`` and ``templates/loader.html``).

The first exercise of a page brings the front-end: the bundle of the kinds on that page (:mod:`medialit.frontend`),
so a page with one highlight exercise carries no code of the other kinds. It is written as classic scripts, which
run where the parser meets them: the first exercise is on screen before the theme's deferred scripts have run."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from medialit.assets import asset_text, compact_js
from medialit.frontend import classic_bundle
from medialit.handin import browser_contract
from medialit.kinds import ExerciseType

__all__ = [
    "add_html_only_node",
    "exercise_node",
    "inline_json",
    "script_text",
    "skip_node",
    "visit_exercise_html",
]


class exercise_node(nodes.General, nodes.Element):
    """Placeholder for one exercise; attributes ``exercise_id`` and ``state`` (JSON-ready dict)."""


@cache
def _template(name: str) -> Template:
    return Template(resources.files("medialit").joinpath("templates", name).read_text(encoding="utf-8"))


def inline_json(data: Any) -> str:
    """JSON safe to place inside an HTML ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (("</", "<\\/"), ("<!--", "<\\!--"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return text


def script_text(code: str) -> str:
    """JavaScript ``code`` safe to place inside an HTML ``<script>`` element (``</`` and ``<!--`` escaped; both
    stay the same text inside a JavaScript string, template or regular expression, the only places ours hold them)."""
    return code.replace("</", "<\\/").replace("<!--", "<\\!--")


def _loader(kinds: Iterable[str] = tuple(ExerciseType)) -> str:
    """The front-end for a page whose exercises are of ``kinds``, as classic scripts run where the parser meets them:
    the hand-in contract, learners.js, the widget of those kinds (:func:`~medialit.frontend.classic_bundle`) and the
    shim, which renders the exercises parsed so far at once (each later one renders as it is parsed)."""
    return _template("loader.html").substitute(
        # learners.js reads the storage keys from the book's manifest (progress.js, deferred); the exercises render
        # before that script has run, so the page carries the hand-in contract too.
        contract=inline_json(browser_contract()),
        learners=script_text(compact_js(asset_text("learners.js"))),
        widget=script_text(compact_js(classic_bundle(kinds))),
        shim=script_text(compact_js(asset_text("shim.js"))),
    )


def visit_exercise_html(self: Any, node: exercise_node) -> None:
    """Write the placeholder, its state and, on the first exercise of a page, the front-end.

    Each document is written once per page (``script.medialit-document``); an exercise's state names it by its slug
    and the page's host puts the two together again.
    """
    written: set[str] = getattr(self, "_medialit_documents", set())
    self._medialit_documents = written
    state = dict(node["state"])
    for document in state["documents"]:
        if document["slug"] not in written:
            written.add(document["slug"])
            self.body.append(
                _template("document.html").substitute(
                    slug=self.encode(document["slug"]), document=inline_json(document)
                )
            )
    state["documents"] = [document["slug"] for document in state["documents"]]
    self.body.append(
        _template("exercise.html").substitute(id=self.encode(node["exercise_id"]), state=inline_json(state))
    )
    if not getattr(self, "_medialit_loaded", False):
        self.body.append(_loader({other["state"]["type"] for other in self.document.findall(exercise_node)}))
        self._medialit_loaded = True
    raise nodes.SkipNode


def skip_node(self: Any, node: nodes.Element) -> None:
    """Non-HTML builders leave exercises out."""
    raise nodes.SkipNode


def add_html_only_node(app: Sphinx, node: type[nodes.Element], visit: Callable[[Any, Any], None]) -> None:
    """Register ``node`` with an HTML visitor; every other builder leaves it out."""
    skip = (skip_node, None)
    app.add_node(node, html=(visit, None), latex=skip, text=skip, man=skip, texinfo=skip)
