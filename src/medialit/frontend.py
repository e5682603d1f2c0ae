"""The widget's front-end as one ES module, joined from its parts for the kinds a page uses.

The static book loads modules from Blob URLs, where one module cannot import another, so the parts are joined into
one: the DOM helpers (``static/dom.js``), the shared scoring (``static/scoring.js``), each kind's files (its
:attr:`~medialit.kinds.base.Kind.front_end`: ``view.js``, ``score.js`` and what they build on), and the core
(``static/widget.js``). Each part is an ES module of its own (so that TypeScript checks it); the joiner drops its
``import`` lines and ``export`` words, runs each kind's part in a function of its own (so that its private names
cannot clash with another part's) handing out only what it exports, registers each kind (``<kind>Score`` in
``SCORERS``, ``<kind>View`` in ``VIEWS``), fills the format messages from
:data:`~medialit.scoring.messages.FORMAT_MESSAGES`, and exports ``default { render }`` with the scoring entry points
the shim needs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from medialit.kinds import ExerciseType, kind
from medialit.scoring.messages import FORMAT_MESSAGES

__all__ = [
    "ENTRY_POINTS",
    "bundle",
    "bundle_parts",
    "classic_bundle",
    "dom_helpers_script",
    "drop_doc_comments",
    "strip_module",
]

ENTRY_POINTS = ("FormatError", "formatMessage", "parse", "grade", "score")
"""What the bundle exports beside ``default { render }``."""

_IMPORT = re.compile(r'^import \{[^}]*\} from "[^"]+";\n', re.MULTILINE)
_EXPORT_DEFAULT = re.compile(r"^export default .*;\n", re.MULTILINE)
_EXPORT = re.compile(r"^export (?=(?:async )?function |const |let |class )", re.MULTILINE)
_LEFT = re.compile(r"^(?:import|export)\b.*$", re.MULTILINE)
_EXPORTED = re.compile(r"^export (?:async )?(?:function|const|let|class) (\w+)", re.MULTILINE)


def _read(path: str) -> str:
    return resources.files("medialit").joinpath(path).read_text(encoding="utf-8")


def strip_module(source: str, path: str = "") -> str:
    """``source`` without its one-line ``import`` statements, ``export default`` line and ``export`` words.

    ``ValueError`` if an ``import`` or ``export`` line of another shape is left: the joined module would break.
    """
    text = _EXPORT.sub("", _EXPORT_DEFAULT.sub("", _IMPORT.sub("", source)))
    left = _LEFT.search(text)
    if left:
        raise ValueError(f"{path or 'a part'}: cannot join a module holding {left[0]!r}")
    return text


def bundle_parts(kinds: Iterable[ExerciseType | str]) -> tuple[str, ...]:
    """The files joined for ``kinds``, relative to the package, in order (each once)."""
    files = ["static/dom.js", "static/scoring.js"]
    for member in ExerciseType:  # registry order: the same kinds always give the same bundle
        if member in {ExerciseType(k) for k in kinds}:
            files.extend(f"kinds/{part}" for part in kind(member).front_end if f"kinds/{part}" not in files)
    return (*files, "static/widget.js")


def drop_doc_comments(source: str) -> str:
    """``source`` without the block comments (JSDoc) that fill whole lines: they are for TypeScript and readers,
    not for the page. A comment inside a line of code stays."""
    kept = []
    inside = False
    for line in source.splitlines(keepends=True):
        code = line.strip()
        if inside or code.startswith("/*"):
            inside = not code.endswith("*/")
        else:
            kept.append(line)
    return "".join(kept)


def _part(path: str) -> str:
    """One part as it goes into the bundle: a kind's part runs in its own function and hands out its exports."""
    source = _read(path)
    text = drop_doc_comments(strip_module(source, path))
    if not path.startswith("kinds/"):
        return text
    names = ", ".join(_EXPORTED.findall(source))
    return f"const {{ {names} }} = (() => {{\n{text}return {{ {names} }};\n}})();\n"


@cache
def _joined(kinds: frozenset[ExerciseType]) -> str:
    """The parts for ``kinds`` and the registry, without the exports."""
    body = "".join(_part(path) for path in bundle_parts(kinds))
    chosen = [member for member in ExerciseType if member in kinds]
    registry = [f"Object.assign(FORMAT_MESSAGES, {json.dumps(FORMAT_MESSAGES, ensure_ascii=False)});"]
    registry += [f"SCORERS[{json.dumps(m.value)}] = {m.value}Score;" for m in chosen]
    registry += [f"VIEWS[{json.dumps(m.value)}] = {m.value}View;" for m in chosen]
    return f"{body}\n" + "\n".join(registry) + "\n"


def bundle(kinds: Iterable[ExerciseType | str] = tuple(ExerciseType)) -> str:
    """One ES module with the widget for ``kinds`` (default: every kind) and the scoring entry points."""
    exports = f"export {{ {', '.join(ENTRY_POINTS)} }};\nexport default {{ render }};\n"
    return _joined(frozenset(ExerciseType(k) for k in kinds)) + exports


def classic_bundle(kinds: Iterable[ExerciseType | str] = tuple(ExerciseType)) -> str:
    """The same front-end as :func:`bundle`, as a classic script: the module's exports go into
    ``window.medialit.widget`` (``default`` included) and no other name leaves it. A page runs it where the parser
    meets it, so its first exercise renders without waiting for the page's other scripts."""
    exports = ", ".join(ENTRY_POINTS)
    return (
        '(() => {\n"use strict";\n'
        + _joined(frozenset(ExerciseType(k) for k in kinds))
        + "window.medialit = window.medialit || {};\n"
        + f"window.medialit.widget = {{ {exports}, default: {{ render }} }};\n"
        + "})();\n"
    )


def dom_helpers_script() -> str:
    """A classic script putting the DOM helpers of ``static/dom.js`` in ``window.medialit.dom`` (for progress.js),
    with no other global."""
    helpers = drop_doc_comments(strip_module(_read("static/dom.js"), "static/dom.js"))
    return (
        "(() => {\n"
        + helpers
        + "window.medialit = window.medialit || {};\nwindow.medialit.dom = { h, points };\n})();\n"
    )
