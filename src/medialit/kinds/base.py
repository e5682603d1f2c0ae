"""The contract every exercise kind fulfils: one object per kind (``KIND`` in its folder's ``__init__.py``)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from medialit.catalogue import Catalogue
    from medialit.kinds import ExerciseType
    from medialit.kinds.key import KeyItem
    from medialit.model import Exercise
    from medialit.problems import Severity
    from medialit.scoring.results import Examples, Result

__all__ = ["Kind", "Report"]


class Report(Protocol):
    """Where a kind's validation reports a problem of one exercise file."""

    def add(self, where: Iterable[Any], message: str, fix: str = "", severity: Severity = ...) -> None:
        """Report ``message`` at the field path ``where``, with how to ``fix`` it (an error unless told)."""


class Kind(Protocol):
    """Everything the rest of medialit asks of one exercise kind."""

    @property
    def type(self) -> ExerciseType:
        """The registry entry; its value names the kind's folder (``view.js``, ``score.js``, ``schema.json``)."""

    @property
    def front_end(self) -> tuple[str, ...]:
        """Its JS files under ``medialit/kinds/``, in joining order (``<kind>Score`` and ``<kind>View`` among them)."""

    @property
    def none_without_key(self) -> bool:
        """Whether a keyless build offers "There is none" on every exercise of the kind (so that it tells nothing)."""

    @property
    def assessable(self) -> bool:
        """Whether the assessment setting applies to the kind (false for a kind that is never scored)."""

    @property
    def item_joiner(self) -> str:
        """What stands between the sentences of one result item in text (the two sides of a pair stand apart)."""

    @property
    def prints_documents(self) -> bool:
        """Whether its printed worksheet shows its documents, numbered (its answers are sentence numbers)."""

    @property
    def anchor_fields(self) -> tuple[str, ...]:
        """The fields of a target or distractor holding its quotes; ``()`` when the item itself is the one quote."""

    def parse(self, exercise: Exercise, raw: Any) -> Any:
        """The typed answer for the raw JSON ``raw``, or :class:`~medialit.scoring.FormatError` if malformed."""

    def grade(self, exercise: Exercise, answer: Any) -> Result:
        """The result of a parsed answer."""

    def maximum(self, exercise: Exercise) -> float:
        """The points available."""

    def examples(self, exercise: Exercise) -> Examples:
        """A correct, an incorrect and a malformed raw answer."""

    def rule(self, exercise: Exercise, tell_cost: bool) -> str:
        """How the exercise is scored, in plain words (``tell_cost=False``: nothing that tells how many are right)."""

    def key_items(self, exercise: Exercise) -> tuple[KeyItem, ...]:
        """The answer key's items, in the order every key shows them."""

    def check_fields(self, data: dict[str, Any], report: Report) -> None:
        """Checks on the file's fields that the schema cannot express, made before the exercise is compiled."""

    def check(self, exercise: Exercise, data: dict[str, Any], report: Report) -> None:
        """Checks on the compiled exercise as a whole (``data`` is the file's fields)."""

    def synthetic(self, exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
        """A raw answer a learner of ``ability`` (0 to 1) might give, with ``slips`` wrong marks where that fits."""

    def answer_space(self, exercise: Exercise, catalogue: Catalogue, exam: bool) -> object:
        """The answer space of its printed worksheet, as data for its ``worksheet.html`` (``exam``: nothing keyed)."""

    def item_rows(self, exercise: Exercise) -> tuple[tuple[str, str], ...]:
        """The items of the item analysis, as (item id, row kind: ``target`` or ``view``)."""
