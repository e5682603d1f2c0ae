"""The contract every exercise kind fulfils, and the kind a folder makes by its modules' names.

A kind's folder holds, as PrairieLearn's element folders do, modules with conventional names: ``scoring`` (``parse``,
``grade``, ``maximum``, ``examples``, ``rule``), ``key`` (``key_items``), ``teacher`` (``synthetic``, ``item_rows``),
``sheet`` (``answer_space``) and, if it has checks of its own, ``checks`` (``check_fields``, ``check``); its
``__init__.py`` holds its settings (``FRONT_END`` and, where they differ from the defaults of :class:`FolderKind`,
``ANCHOR_FIELDS``, ``NONE_WITHOUT_KEY``, ``PRINTS_DOCUMENTS``, ``ASSESSABLE``, ``ITEM_JOINER``).
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from medialit.catalogue import Catalogue
    from medialit.kinds import ExerciseType
    from medialit.kinds.key import KeyItem
    from medialit.model import Exercise
    from medialit.problems import Severity
    from medialit.scoring.results import Examples, Result

__all__ = ["FolderKind", "Kind", "Report", "load_folder"]


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


def _no_field_checks(data: dict[str, Any], report: Report) -> None:
    return None


def _no_checks(exercise: Exercise, data: dict[str, Any], report: Report) -> None:
    return None


@dataclass(frozen=True)
class FolderKind:
    """A :class:`Kind` made from the modules of its folder (see the module's docstring)."""

    type: ExerciseType
    """The registry entry."""
    front_end: tuple[str, ...]
    """Its JS files under ``medialit/kinds/``, in joining order."""
    scoring: ModuleType
    """``parse``, ``grade``, ``maximum``, ``examples``, ``rule``."""
    key: ModuleType
    """``key_items``."""
    teacher: ModuleType
    """``synthetic``, ``item_rows``."""
    sheet: ModuleType
    """``answer_space``."""
    checks: ModuleType | None = None
    """``check_fields`` and ``check``, either optional; ``None`` when the schema checks everything."""
    anchor_fields: tuple[str, ...] = ()
    """The fields of a target or distractor holding its quotes."""
    none_without_key: bool = False
    """Whether a keyless build offers "There is none" on every exercise of the kind."""
    prints_documents: bool = False
    """Whether its printed worksheet shows its documents, numbered."""
    assessable: bool = True
    """Whether the assessment setting applies to the kind."""
    item_joiner: str = " "
    """What stands between the sentences of one result item in text."""

    def parse(self, exercise: Exercise, raw: Any) -> Any:
        return self.scoring.parse(exercise, raw)

    def grade(self, exercise: Exercise, answer: Any) -> Result:
        return cast("Result", self.scoring.grade(exercise, answer))

    def maximum(self, exercise: Exercise) -> float:
        return float(self.scoring.maximum(exercise))

    def examples(self, exercise: Exercise) -> Examples:
        return cast("Examples", self.scoring.examples(exercise))

    def rule(self, exercise: Exercise, tell_cost: bool) -> str:
        return str(self.scoring.rule(exercise, tell_cost))

    def key_items(self, exercise: Exercise) -> tuple[KeyItem, ...]:
        return tuple(self.key.key_items(exercise))

    def check_fields(self, data: dict[str, Any], report: Report) -> None:
        getattr(self.checks, "check_fields", _no_field_checks)(data, report)

    def check(self, exercise: Exercise, data: dict[str, Any], report: Report) -> None:
        getattr(self.checks, "check", _no_checks)(exercise, data, report)

    def synthetic(self, exercise: Exercise, rng: random.Random, ability: float, slips: int) -> Any:
        return self.teacher.synthetic(exercise, rng, ability, slips)

    def answer_space(self, exercise: Exercise, catalogue: Catalogue, exam: bool) -> object:
        return self.sheet.answer_space(exercise, catalogue, exam)

    def item_rows(self, exercise: Exercise) -> tuple[tuple[str, str], ...]:
        return tuple(self.teacher.item_rows(exercise))


_SETTINGS = ("anchor_fields", "none_without_key", "prints_documents", "assessable", "item_joiner")


def load_folder(member: ExerciseType) -> FolderKind:
    """The kind in the folder ``medialit/kinds/<member>/``, made from its modules and its settings."""
    package = f"{__package__}.{member.value}"
    folder = importlib.import_module(package)

    def module(name: str, *, optional: bool = False) -> ModuleType | None:
        try:
            return importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as error:
            if optional and error.name == f"{package}.{name}":
                return None
            raise

    settings = {name: getattr(folder, name.upper()) for name in _SETTINGS if hasattr(folder, name.upper())}
    parts = {name: module(name) for name in ("scoring", "key", "teacher", "sheet")}
    return FolderKind(
        type=member,
        front_end=tuple(folder.FRONT_END),
        scoring=cast(ModuleType, parts["scoring"]),
        key=cast(ModuleType, parts["key"]),
        teacher=cast(ModuleType, parts["teacher"]),
        sheet=cast(ModuleType, parts["sheet"]),
        checks=module("checks", optional=True),
        **settings,
    )
