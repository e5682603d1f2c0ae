"""The exercise node and its HTML output (filled from ``templates/exercise.html`` and ``templates/loader.html``).

The first exercise of a page brings the front-end: the bundle of the kinds on that page (:mod:`medialit.frontend`),
so a page with one highlight exercise carries no code of the other kinds."""

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
from medialit.frontend import bundle
from medialit.kinds import ExerciseType

__all__ = ["add_html_only_node", "exercise_node", "inline_json", "skip_node", "visit_exercise_html"]


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


def _loader(kinds: Iterable[str] = tuple(ExerciseType)) -> str:
    """The front-end for a page whose exercises are of ``kinds``: the bundle of those kinds, learners.js, the shim."""
    sources = {"bundle": compact_js(bundle(kinds)), "learners": compact_js(asset_text("learners.js"))}
    shim = compact_js(asset_text("shim.js")).replace("</", "<\\/")
    return _template("loader.html").substitute(sources=inline_json(sources), shim=shim)


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
