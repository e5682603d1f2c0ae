"""MyST-NB's "hide-input" toggle, written without its fixed ``aria-label``.

MyST-NB gives the toggle's ``<summary>`` the name "Toggle hidden content" while it shows "Show code cell source".
A name that differs from the visible text fails WCAG 2.5.3 (axe: ``label-content-name-mismatch``). Here the visible
text is the name, so what a speech-input user reads is what they can say.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


def visit_hidden_cell(self: HTML5Translator, node: nodes.Element) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {escape(classes)}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hidden_cell(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def setup(app: Sphinx) -> None:
    """Replace MyST-NB's HTML visitor for hidden code cells (MyST-NB must be set up first)."""
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_hidden_cell))
