"""The exercise widget for a live kernel: the same ES module as the static book, scored by the Python engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from medialit.assets import asset_path
from medialit.catalogue import Catalogue
from medialit.frontend import bundle
from medialit.model import Exercise
from medialit.modes import Mode
from medialit.scoring import FormatError, Result, score
from medialit.state import exercise_state, ships_key

__all__ = ["ExerciseWidget"]


class ExerciseWidget(anywidget.AnyWidget):
    """One exercise. Set ``submission`` (or call :meth:`check`) and read ``result``."""

    _esm = bundle()  # every kind: one module for any exercise
    _css = asset_path("widget.css")

    state = traitlets.Dict().tag(sync=True)
    submission = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)
    result = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)
    revealed = traitlets.Bool(False).tag(sync=True)
    hints_shown = traitlets.Int(0).tag(sync=True)

    def __init__(self, exercise: Exercise, catalogue: Catalogue, **kwargs: Any):
        self._exercise = exercise
        super().__init__(state=exercise_state(exercise, catalogue, with_key=ships_key(exercise, Mode.LEARN)), **kwargs)

    @classmethod
    def for_exercise(cls, exercise_id: str, root: str | Path | None = None, **kwargs: Any) -> ExerciseWidget:
        """The widget for ``exercise_id`` in the project at ``root`` (default: found from the cwd)."""
        from medialit.course import Course

        course = Course.load(root)
        return cls(course.exercise(exercise_id), course.catalogue, **kwargs)

    @property
    def exercise(self) -> Exercise:
        """The exercise shown."""
        return self._exercise

    @traitlets.observe("submission")
    def _score(self, change: dict[str, Any]) -> None:
        submission = change["new"]
        if not submission:
            self.set_trait("result", None)
            return
        try:
            result = score(self._exercise, submission.get("answer"))
        except FormatError as error:
            self.result = {"error": str(error)}
            return
        # Under the assessment setting the page only records the answer, as in the static book.
        self.result = (
            {"recorded": True, "exercise": self._exercise.id} if self._exercise.assessment else result.as_dict()
        )

    def check(self, answer: Any, confidence: int | None = None) -> Result | None:
        """Submit a raw answer as the front-end would; the scored :class:`Result`, or ``None`` if malformed."""
        count = (self.submission or {}).get("count", 0) + 1
        first = (self.submission or {}).get("first_answer", answer)
        self.submission = {"answer": answer, "count": count, "confidence": confidence, "first_answer": first}
        if self.result is None or "error" in self.result:
            return None
        return score(self._exercise, answer)
