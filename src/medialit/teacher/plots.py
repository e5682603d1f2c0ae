"""The report's charts, drawn with matplotlib's object API (no pyplot, no global state) and returned as SVG text.

Charts show numbers, exercise ids and item ids only; no learner-supplied text is drawn.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["before_after", "data_uri", "item_difficulty", "score_distribution", "skill_bars", "svg"]

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


def before_after(pairs: Mapping[str, Sequence[tuple[float, float]]]) -> Figure:
    """Per skill, one line per learner from their first check form's percent to their second's."""
    skills = list(pairs)
    figure = Figure(figsize=(max(3.0, 2.2 * len(skills)), 3.4), layout="constrained")
    axes_list = figure.subplots(1, max(1, len(skills)), sharey=True, squeeze=False)[0]
    for axes, skill in zip(axes_list, skills, strict=False):
        for before, after in pairs[skill]:
            axes.plot([0, 1], [before, after], color=COLOUR, alpha=0.35, marker="o", markersize=3, linewidth=1)
        if pairs[skill]:
            means = [sum(p[i] for p in pairs[skill]) / len(pairs[skill]) for i in (0, 1)]
            axes.plot([0, 1], means, color="#b5361c", marker="s", linewidth=2.5, label="class mean")
        axes.set_xticks([0, 1], ["first form", "second form"])
        axes.set_xlim(-0.3, 1.3)
        axes.set_ylim(-5, 105)
        axes.set_title(skill)
    axes_list[0].set_ylabel("score (%)")
    if any(pairs.values()):
        axes_list[0].legend(loc="lower right", fontsize=8)
    figure.suptitle("Before and after, per skill")
    return figure
