"""medialit: a media-literacy teaching module with auto-checked exercises on two fabricated news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from medialit.widget import ExerciseWidget

__all__ = ["__version__", "show", "widget"]


def widget(exercise_id: str, **kwargs) -> ExerciseWidget:
    """The live-kernel widget for one exercise; every check is scored in Python."""
    from medialit.widget import ExerciseWidget

    return ExerciseWidget.for_exercise(exercise_id, **kwargs)


def show(exercise_id: str, **kwargs) -> ExerciseWidget:
    """Same as :func:`widget`: the widget displays itself when it is the last value of a cell."""
    return widget(exercise_id, **kwargs)
