"""The report's charts, drawn with matplotlib's object API (no pyplot, no global state) and returned as SVG text.

Charts show numbers, exercise ids and item ids only; no learner-supplied text is drawn.
"""

from __future__ import annotations

import base64
import io

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["data_uri", "item_difficulty", "score_distribution", "skill_bars", "svg"]

COLOUR = "#2a6f97"


def svg(figure: Figure) -> str:
    """The figure as standalone SVG text."""
    out = io.StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    return out.getvalue()


def data_uri(figure: Figure) -> str:
    """The figure as a ``data:image/svg+xml;base64,...`` URI, for an ``<img>`` that can run nothing."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(figure).encode("utf-8")).decode("ascii")


def score_distribution(gradebook: pd.DataFrame) -> Figure:
    """Histogram of the learners' percent scores in ten bands."""
    figure = Figure(figsize=(6, 3))
    axes = figure.add_subplot()
    axes.hist(gradebook["percent"], bins=range(0, 101, 10), color=COLOUR, edgecolor="white")
    axes.set_xlim(0, 100)
    axes.set_xlabel("score (%)")
    axes.set_ylabel("learners")
    axes.set_title("Score distribution")
    return figure


def skill_bars(gradebook: pd.DataFrame, skills: list[str]) -> Figure:
    """Mean percent per skill."""
    figure = Figure(figsize=(6, 3))
    axes = figure.add_subplot()
    means = [float(gradebook[s].mean()) if len(gradebook) else 0.0 for s in skills]
    axes.barh(skills, means, color=COLOUR)
    axes.set_xlim(0, 100)
    axes.invert_yaxis()
    axes.set_xlabel("mean score (%)")
    axes.set_title("Per skill")
    return figure


def item_difficulty(items: pd.DataFrame) -> Figure:
    """Share of learners who found each target, hardest first."""
    targets = items[items["kind"] == "target"].sort_values("share", kind="stable")
    labels = [f"{e} / {i}" for e, i in zip(targets["exercise"], targets["item"], strict=True)]
    figure = Figure(figsize=(6, max(2.0, 0.3 * len(labels) + 1)))
    axes = figure.add_subplot()
    axes.barh(labels, targets["share"].fillna(0) * 100, color=COLOUR)
    axes.set_xlim(0, 100)
    axes.invert_yaxis()
    axes.set_xlabel("learners who found it (%)")
    axes.set_title("Item difficulty")
    axes.tick_params(axis="y", labelsize=8)
    return figure
