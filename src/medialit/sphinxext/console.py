"""Pages that log no console errors: two fixes for what Jupyter Book 1's theme and extensions write into each page.

* sphinx-thebe adds its inline configuration (``const THEBE_JS_URL = ...``) on every ``env-before-read-docs``, and
  Jupyter Book fires that event more than once, so most pages carried the same ``<script>`` twice and the second
  one failed ("Identifier 'THEBE_JS_URL' has already been declared"). ``html-page-context`` drops every repeat of an
  inline script that the page already has.
* pydata-sphinx-theme sets the colour mode from ``localStorage.mode`` or else the page context's ``default_mode``
  (``html_context``); left empty, every visit before the learner picks a mode logged "Got invalid theme mode".
  ``config-inited`` sets it to ``"auto"`` (follow the system) unless the book chose one.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

__all__ = ["drop_repeated_inline_scripts", "setup"]


def drop_repeated_inline_scripts(scripts: list[Any]) -> None:
    """Remove, in place, every inline script (no file, a ``body``) whose body an earlier one already has."""
    seen: set[str] = set()
    keep = []
    for script in scripts:
        body = getattr(script, "attributes", {}).get("body") if not getattr(script, "filename", None) else None
        if body is not None:
            if body in seen:
                continue
            seen.add(body)
        keep.append(script)
    scripts[:] = keep


def _on_config_inited(app: Sphinx, config: Any) -> None:
    """config-inited: a valid colour mode for the theme's first page view."""
    context = dict(config.html_context or {})
    context.setdefault("default_mode", "auto")
    config.html_context = context


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """html-page-context: each inline script once per page."""
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        drop_repeated_inline_scripts(scripts)


def setup(app: Sphinx) -> None:
    """Connect the two hooks above (the page hook late, after other extensions added their scripts)."""
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _on_page_context, priority=900)
