"""Problems found in an exercise file: what, where, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

__all__ = ["ExerciseFileError", "Problem", "Severity"]


class Severity(StrEnum):
    """An error stops the file from being used; a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem in one exercise file."""

    file: str
    """The file, as given."""
    line: int | None
    """1-based line of the field, when known."""
    field: str
    """Where in the file, e.g. ``targets[2].quote``; empty for the whole file."""
    message: str
    """What is wrong."""
    fix: str = ""
    """How to fix it, with the nearest correct passage where a quote does not match."""
    severity: Severity = Severity.ERROR
    """Error or warning."""

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        head = f"{where}: {self.severity}: {self.field + ': ' if self.field else ''}{self.message}"
        return head + (f"\n    fix: {self.fix}" if self.fix else "")

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        return asdict(self)


class ExerciseFileError(ValueError):
    """Raised when exercise files have errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
