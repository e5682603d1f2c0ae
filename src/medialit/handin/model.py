"""The hand-in's data (:class:`Handin`, :class:`Answer`, :class:`HandinProblem`), its limits and its error, how it is
written (JSON and CSV), and the values the book's scripts share with it (:func:`browser_contract`)."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from medialit.errors import MedialitError
from medialit.modes import Mode

FORMAT = "medialit-handin"
"""The value of the ``format`` field."""
FORMAT_VERSION = 2
"""The ``format_version`` this code writes."""
READ_VERSIONS = (1, 2)
"""The ``format_version`` values this code reads."""
MAX_BYTES = 2 * 1024 * 1024
"""Largest hand-in file read (2 MB); anything bigger is refused as ``oversized`` before it is read."""
MAX_ANSWERS = 200
"""Answers read per file, in exercise-id order (the book has 29 exercises); the rest are one ``too-many-answers``
problem."""
MAX_PROBLEMS = 20
"""Problems listed per file; any more are counted in one last problem."""
MAX_NAME = 200
"""Longest learner name, in characters; a longer one makes the file ``invalid``."""
CSV_COLUMNS_V1 = (
    "format",
    "format_version",
    "learner",
    "book_version",
    "mode",
    "exported",
    "exercise",
    "content_hash",
    "answer_json",
    "checks",
    "confidence",
    "revealed",
    "answered_at",
)
"""The header of a version 1 CSV, in order."""
CSV_COLUMNS = (*CSV_COLUMNS_V1, "first_answer_json")
"""The header of the CSV variant this code writes (version 2), in order."""

STORAGE_ANSWERS = "medialit:v2:"
"""The book's ``localStorage`` key prefix of an answer: ``<prefix><learner key>:<exercise id>:<content hash>``."""
STORAGE_META = "medialit:v2-meta:"
"""The key prefix of a learner's record ``{created, learner}``: ``<prefix><learner key>``."""
STORAGE_CURRENT = "medialit:v2-current"
"""The key of who is working now: ``{key}``."""
STORAGE_OLD_ANSWERS = "medialit:v1:"
"""The key prefix of an answer saved by an earlier book (``<prefix><exercise id>:<content hash>``), moved on load."""
STORAGE_OLD_META = "medialit:v1-meta"
"""The key of the one learner's record saved by an earlier book, moved on load."""


def browser_contract() -> dict[str, Any]:
    """What the book's scripts must agree on with this module: the format's name and version, the CSV columns and
    the storage keys. The build writes it into the book's manifest (``sphinxext/progress.py``), where
    ``static/learners.js`` and ``static/progress.js`` read it; neither types these values itself."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "csv_columns": list(CSV_COLUMNS),
        "storage": {
            "answers": STORAGE_ANSWERS,
            "meta": STORAGE_META,
            "current": STORAGE_CURRENT,
            "old_answers": STORAGE_OLD_ANSWERS,
            "old_meta": STORAGE_OLD_META,
        },
    }


class Reason(StrEnum):
    """Why a hand-in file, or one answer or field in it, was not graded as written."""

    UNREADABLE = "unreadable"
    """The file could not be opened or read."""
    CORRUPT = "corrupt"
    """Not UTF-8, not JSON / CSV, a CSV with broken rows, or JSON nested too deeply."""
    TRUNCATED = "truncated"
    """The file stops in the middle: JSON or CSV cut short."""
    OVERSIZED = "oversized"
    """Larger than :data:`MAX_BYTES`."""
    UNSUPPORTED = "unsupported"
    """Not a ``.json``, ``.csv`` or ``.zip`` file."""
    WRONG_FORMAT = "wrong-format"
    """Valid JSON / CSV, but not a medialit hand-in."""
    WRONG_VERSION = "wrong-version"
    """A hand-in of another ``format_version``."""
    INVALID = "invalid"
    """A hand-in whose shape is wrong: no learner name, a name over 200 characters, a bad mode, an unknown field."""
    DUPLICATE = "duplicate"
    """Another file of the same learner has a newer ``exported`` time."""
    UNKNOWN_EXERCISE = "unknown-exercise"
    """An answer to an exercise the book does not have (answer level)."""
    BAD_ANSWER = "bad-answer"
    """An answer that cannot be read: :func:`medialit.scoring.parse` refuses it, or it is not JSON (answer level)."""
    BAD_FIELD = "bad-field"
    """One field of an answer or of the file could not be used and was dropped or repaired; the rest is graded."""
    TOO_MANY = "too-many-answers"
    """Answers beyond :data:`MAX_ANSWERS` in one file, which are not read."""
    BLANK_NAME = "blank-name"
    """No learner name once invisible characters and spaces are removed (the whole file)."""
    DUPLICATE_KEY = "duplicate-key"
    """A JSON object in the file repeats a key, or a CSV answers one exercise twice (the whole file)."""


class HandinError(MedialitError, ValueError):
    """A hand-in file that cannot be used."""

    def __init__(self, reason: Reason, message: str):
        super().__init__(message)
        self.reason = reason
        """Why, as a :class:`Reason`."""
        self.message = message
        """What is wrong, in a teacher's words."""


@dataclass(frozen=True)
class HandinProblem:
    """Something in a hand-in that was dropped or repaired while the file was read; the rest is graded."""

    exercise: str | None
    """The exercise id the problem is about, or ``None`` for a file-level field."""
    field: str
    """The field: ``answer``, ``checks``, ``confidence``, ``answered_at``, ``exported``, ``learner``, ..."""
    reason: Reason
    """Why, as a :class:`Reason` (``bad-field``, ``bad-answer`` or ``too-many-answers``)."""
    message: str
    """What was wrong and what was done, in plain words, with at most a short excerpt of what the learner wrote."""


@dataclass(frozen=True)
class Answer:
    """One exercise as the learner left it."""

    exercise: str
    """The exercise id."""
    content_hash: str
    """The exercise's content hash when it was answered (empty if the file's could not be read)."""
    raw: Any
    """The raw answer, for :func:`medialit.scoring.parse`."""
    checks: int
    """Times the learner pressed Check (0 if the file's count could not be read)."""
    confidence: int | None
    """1 to 3, or ``None`` (not given, or not readable)."""
    revealed: bool
    """Whether the answer was shown to the learner first (``True`` if the file's value could not be read)."""
    answered_at: datetime | None
    """When the answer was last changed, in UTC; ``None`` if unknown or not readable."""
    first_raw: Any = None
    """The first answer the learner checked; ``None`` if they never pressed Check, or if it is unknown (a version 1
    file, or a field that could not be read)."""


@dataclass(frozen=True)
class Handin:
    """One learner's hand-in."""

    learner: str
    """The name as given (lone surrogates replaced by U+FFFD); compare names with :func:`learner_key`."""
    book_version: str
    """Version of the book answered in (empty if not readable)."""
    mode: Mode
    """Learn or exam build."""
    exported: datetime | None
    """When the file was written, in UTC; ``None`` if unknown or not readable."""
    answers: tuple[Answer, ...]
    """Answers in exercise-id order."""
    created: datetime | None = None
    """When the learner started, if known."""
    problems: tuple[HandinProblem, ...] = ()
    """What was dropped or repaired while reading this file (at most :data:`MAX_PROBLEMS`, then a count)."""

    def as_json(self) -> dict[str, Any]:
        """The JSON spelling (schema ``handin-v2.json``); an unknown time is written as ``null``."""
        data: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "learner": self.learner,
            "book_version": self.book_version,
            "mode": str(self.mode),
        }
        if self.created is not None:
            data["created"] = _stamp(self.created)
        data["exported"] = _stamp(self.exported)
        data["answers"] = {
            a.exercise: {
                "content_hash": a.content_hash,
                "answer": a.raw,
                "checks": a.checks,
                "confidence": a.confidence,
                "revealed": a.revealed,
                "answered_at": _stamp(a.answered_at),
                "first_answer": a.first_raw,
            }
            for a in self.answers
        }
        return data

    def write(self, path: str | Path) -> Path:
        """Write the hand-in to ``path``: CSV if it ends in ``.csv``, else JSON."""
        path = Path(path)
        text = self.as_csv() if path.suffix.lower() == ".csv" else json.dumps(self.as_json(), ensure_ascii=False)
        path.write_text(text, encoding="utf-8", newline="")
        return path

    def as_csv(self) -> str:
        """The CSV spelling: one row per answer; an unknown time is an empty cell."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        exported = _stamp(self.exported) or ""
        for a in self.answers:
            writer.writerow(
                [
                    _neutralise(cell)
                    for cell in (
                        FORMAT,
                        FORMAT_VERSION,
                        self.learner,
                        self.book_version,
                        str(self.mode),
                        exported,
                        a.exercise,
                        a.content_hash,
                        _canonical(a.raw),
                        a.checks,
                        "" if a.confidence is None else a.confidence,
                        "true" if a.revealed else "false",
                        _stamp(a.answered_at) or "",
                        "" if a.first_raw is None else _canonical(a.first_raw),
                    )
                ]
            )
        return out.getvalue()


@cache
def schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The hand-in JSON schema of ``version`` shipped in the package."""
    text = resources.files("medialit").joinpath(f"schema/handin-v{version}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


_ESCAPED_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def display_name(text: str, size: int = 80) -> str:
    """``text`` safe for a terminal and any file: control, format and bidi characters, lone surrogates and line
    separators written as ``\\uXXXX``, cut to ``size``."""
    shown = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _ESCAPED_CATEGORIES else c for c in text[: size + 1]
    )
    return shown if len(shown) <= size else shown[: size - 1] + "…"


_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Characters that change nothing a reader sees in a name: soft hyphen, zero-width space, joiners and non-joiners,
word joiner, byte-order mark, direction marks, embeddings, overrides and isolates, invisible operators."""


def learner_key(name: str) -> str:
    """The form in which two learner names are the same learner; empty for a blank name.

    NFC normalisation, invisible characters (:data:`_INVISIBLE`) removed, runs of white space made one space and
    trimmed, case folded ("Ben", " ben ", "BEN\\u200b" and "Be\\u00adn" are one learner). Lone surrogates compare as
    U+FFFD.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", _repair_text(name)))
    return unicodedata.normalize("NFC", " ".join(text.split()).casefold())


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _repair_text(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)


_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def _neutralise(cell: object) -> object:
    """A text cell with a ``'`` in front if a spreadsheet could read it as a formula, as the book's export does."""
    return "'" + cell if isinstance(cell, str) and _ESCAPED.match("'" + cell) else cell


@dataclass(frozen=True)
class _Unreadable:
    """A CSV ``answer_json`` cell that is not usable JSON: the answer is left out with this message."""

    message: str
    """Why, in plain words."""


def _excerpt(value: Any) -> str:
    """A learner's value for a message: a short, escaped excerpt of text, else its JSON kind or a short number."""
    if isinstance(value, str):
        return f'"{display_name(value, 40)}"'
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return display_name(repr(value), 40)
    return "a list" if isinstance(value, list) else "an object"
