"""medialit: a media-literacy teaching module with auto-checked exercises on two fabricated news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"  # the only place the version is written: pyproject.toml and `medialit --version` read it

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    import pandas as pd

    from medialit.course import Course
    from medialit.errors import ProjectError
    from medialit.handin import Handin
    from medialit.learner import collect, handin_from_results, to_dataframe
    from medialit.live import ExerciseWidget

__all__ = [
    "Course",
    "ProjectError",
    "__version__",
    "collect",
    "hand_in",
    "handin_from_results",
    "my_results",
    "show",
    "to_dataframe",
    "widget",
]

_LAZY = {
    "Course": "medialit.course",
    "ProjectError": "medialit.errors",
    "collect": "medialit.learner",
    "handin_from_results": "medialit.learner",
    "to_dataframe": "medialit.learner",
}
"""Names importable from ``medialit`` whose modules are imported only when the name is first used."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")


def widget(exercise_id: str, **kwargs: Any) -> ExerciseWidget:
    """The live-kernel widget for one exercise; every check is scored in Python."""
    from medialit.live import ExerciseWidget

    return ExerciseWidget.for_exercise(exercise_id, **kwargs)


def show(exercise_id: str, **kwargs: Any) -> ExerciseWidget:
    """Same as :func:`widget`: the widget displays itself when it is the last value of a cell."""
    return widget(exercise_id, **kwargs)


def hand_in(widgets: Iterable[ExerciseWidget], learner: str, path: str | Path | None = None) -> Handin:
    """The learner's answers in these widgets, in the book's hand-in format; written to ``path`` if given.

    ``path`` ending in ``.csv`` writes the CSV variant, anything else JSON: the same files the book's
    "Download my answers" gives, which ``medialit grade`` reads.
    """
    from medialit.learner import collect

    handin = collect(widgets, learner)
    if path is not None:
        handin.write(path)
    return handin


def my_results(widgets: Iterable[ExerciseWidget]) -> pd.DataFrame:
    """One's own results in these widgets as a pandas DataFrame, one row per answered exercise."""
    from medialit.learner import to_dataframe

    return to_dataframe(widgets)
