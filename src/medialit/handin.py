"""The hand-in file format: one learner's answers, as the book (or live widgets) export them for the teacher.

This module is only the format: reading, checking and writing it. Making a hand-in from live widgets is
:mod:`medialit.learner`'s job.

Two spellings of the same data, both read by :func:`read_handin`:

* **JSON** (``*.json``), described by ``schema/handin-v2.json``::

    {"format": "medialit-handin", "format_version": 2, "learner": "Ana", "book_version": "0.1.0", "mode": "learn",
     "created": "2026-11-22T10:00:00Z", "exported": "2026-11-22T11:00:00Z",
     "answers": {"disclaimer-002": {"content_hash": "0123456789abcdef",
                                    "answer": {"marks": [{"unit": "article4:7.1", "label": null}], "none": false},
                                    "checks": 2, "confidence": 3, "revealed": false,
                                    "answered_at": "2026-11-22T10:30:00Z",
                                    "first_answer": {"marks": [], "none": true}}}}

  ``first_answer`` is the first answer the learner checked (``null`` if they never pressed Check). Version 1 files
  (``schema/handin-v1.json``) have no ``first_answer`` and are still read: their first answers are unknown.

* **CSV** (``*.csv``, UTF-8), one row per answer, with exactly the columns :data:`CSV_COLUMNS`. The file-level
  columns repeat on every row and must agree; ``answer_json`` holds the raw answer as JSON; ``confidence`` is empty
  for null; ``revealed`` is ``true`` or ``false``; an empty ``exported`` or ``answered_at`` means unknown;
  ``first_answer_json`` is empty for null. The CSV has no ``created`` column. A version 1 CSV has the columns
  :data:`CSV_COLUMNS_V1` (no ``first_answer_json``). A text cell that a spreadsheet could run as a formula (it starts
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, after any apostrophes) is written with one more ``'`` in
  front, which the reader takes off.

Reading never raises anything but :class:`HandinError`, and only for the file as a whole: it is not a readable
hand-in (``corrupt``, ``truncated``, ``oversized``, ``wrong-format``, ``wrong-version``), its shape is wrong
(``invalid``: no learner name, a name over 200 characters, a mode other than learn or exam, answers that are not an
object, an unknown top-level field), its name is blank (``blank-name``) or a JSON object in it repeats a key
(``duplicate-key``). Everything else is judged one field at a time: a field that cannot be used is dropped or
repaired, and the file is still graded, with a :class:`HandinProblem` saying what was done (``bad-field``). Answers
are not parsed here: grading does that, so that one malformed answer costs that answer only.

What a field that cannot be used becomes:

* ``exported``, ``created``, ``answered_at``: ``None`` (unknown). A timestamp is an RFC 3339 date and time *with* its
  offset (``Z`` or ``+01:00``), as the schema says; one without an offset is not read, because the hour it names
  depends on a time zone nobody wrote down. Timestamps are read as UTC.
* ``checks``: 0. ``confidence``: ``None`` (not given). ``first_answer``: ``None`` (unknown). ``revealed``: ``True``,
  since that the answer was not shown cannot be told. ``content_hash``: empty, so the answer is graded and flagged as
  stale. ``book_version``: empty.
* An answer under a key that is not an exercise id, or whose CSV ``answer_json`` is not JSON, is left out.
* The learner name keeps what the learner typed, except that lone surrogates (which no file can encode) become
  U+FFFD.

Limits: files over :data:`MAX_BYTES` are refused unread; at most :data:`MAX_ANSWERS` answers are read per file and
at most :data:`MAX_PROBLEMS` problems listed; JSON nested deeper than :data:`medialit.safejson.MAX_DEPTH` is
``corrupt``; a number too large to use (:data:`medialit.safejson.TOO_LARGE`) makes its field a ``bad-field``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from medialit import safejson
from medialit.errors import MedialitError
from medialit.modes import Mode

__all__ = [
    "CSV_COLUMNS",
    "CSV_COLUMNS_V1",
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_ANSWERS",
    "MAX_BYTES",
    "MAX_NAME",
    "MAX_PROBLEMS",
    "READ_VERSIONS",
    "STORAGE_ANSWERS",
    "STORAGE_CURRENT",
    "STORAGE_META",
    "STORAGE_OLD_ANSWERS",
    "STORAGE_OLD_META",
    "Answer",
    "Handin",
    "HandinError",
    "HandinProblem",
    "Reason",
    "browser_contract",
    "display_name",
    "learner_key",
    "parse_handin",
    "read_bytes",
    "read_handin",
    "schema",
]

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


def _excerpt(value: Any) -> str:
    """A learner's value for a message: a short, escaped excerpt of text, else its JSON kind or a short number."""
    if isinstance(value, str):
        return f'"{display_name(value, 40)}"'
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return display_name(repr(value), 40)
    return "a list" if isinstance(value, list) else "an object"


# -- reading ------------------------------------------------------------------------------------------------------
def read_handin(path: str | Path) -> Handin:
    """The hand-in in ``path`` (``.json`` or ``.csv``); :class:`HandinError` if it cannot be used."""
    return parse_handin(read_bytes(path), Path(path).name)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the hand-in file ``path``; one over :data:`MAX_BYTES` is refused unread (``oversized``)."""
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise HandinError(Reason.OVERSIZED, f"{size} bytes, over the {MAX_BYTES} byte limit")
        with open(path, "rb") as handle:
            return handle.read(size + 1)
    except OSError as error:
        raise HandinError(Reason.UNREADABLE, f"cannot read it: {error.strerror or error}") from None


def parse_handin(data: bytes, name: str) -> Handin:
    """The hand-in in ``data``, read as JSON or CSV by the suffix of ``name``; :class:`HandinError` if unusable."""
    if len(data) > MAX_BYTES:
        raise HandinError(Reason.OVERSIZED, f"over the {MAX_BYTES} byte limit")
    suffix = Path(name).suffix.lower()
    if suffix not in (".json", ".csv"):
        raise HandinError(Reason.UNSUPPORTED, "not a .json or .csv file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HandinError(Reason.CORRUPT, f"not UTF-8 text (byte {error.start})") from None
    if suffix == ".json":
        raw = _load_json(text)
        if safejson.has_surrogates(text):
            return _build(safejson.repair(raw), _has_lone_surrogate(raw))
        return _build(raw, False)
    return _build(_load_csv(text), False)


def _has_lone_surrogate(raw: Any) -> bool:
    """Whether the learner name in ``raw`` holds a lone surrogate."""
    learner = raw.get("learner") if isinstance(raw, dict) else None
    return isinstance(learner, str) and _LONE_SURROGATE.search(learner) is not None


def _json_value(text: str) -> Any:
    """``safejson.loads`` with its errors as :class:`HandinError` (a ``JSONDecodeError`` is left to the caller)."""
    try:
        return safejson.loads(text)
    except safejson.JSONError as error:
        reason = Reason.DUPLICATE_KEY if error.kind == "duplicate-key" else Reason.CORRUPT
        raise HandinError(reason, error.message) from None


def _load_json(text: str) -> Any:
    try:
        return _json_value(text)
    except json.JSONDecodeError as error:
        if not text.strip():
            raise HandinError(Reason.TRUNCATED, "the file is empty") from None
        if error.pos >= len(text.rstrip()) or _cut_short(text):
            raise HandinError(Reason.TRUNCATED, "the JSON stops before it is complete") from None
        raise HandinError(Reason.CORRUPT, f"not valid JSON: {error.msg} (line {error.lineno})") from None


def _cut_short(text: str) -> bool:
    """Whether ``text`` ends inside a string or with brackets still open: JSON cut off rather than mangled."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


@dataclass(frozen=True)
class _Unreadable:
    """A CSV ``answer_json`` cell that is not usable JSON: the answer is left out with this message."""

    message: str
    """Why, in plain words."""


_CSV_NUMBER = re.compile(r"[0-9]{1,18}")
"""A count as the CSV writes it: ASCII digits only (``int()`` would take ``٣`` and ``1_0``; ``²`` is ``isdigit()``)."""


def _load_csv(text: str) -> dict[str, Any]:
    if not text.strip():
        raise HandinError(Reason.TRUNCATED, "the file is empty")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        reason = Reason.TRUNCATED if "EOF" in str(error) or "end of data" in str(error) else Reason.CORRUPT
        raise HandinError(reason, f"not valid CSV: {str(error)[:100]}") from None
    header, body = rows[0], [r for r in rows[1:] if r]
    columns = {CSV_COLUMNS: CSV_COLUMNS, CSV_COLUMNS_V1: CSV_COLUMNS_V1}.get(tuple(header))
    if columns is None:
        raise HandinError(Reason.WRONG_FORMAT, "the first row is not the hand-in header " + ",".join(CSV_COLUMNS))
    version = 1 if columns is CSV_COLUMNS_V1 else 2
    if not body:
        raise HandinError(Reason.TRUNCATED, "the header is there but no answer follows")
    for number, row in enumerate(body, start=2):
        if len(row) != len(columns):
            last = number == len(body) + 1 and not text.endswith(("\n", "\r"))
            reason = Reason.TRUNCATED if last and len(row) < len(columns) else Reason.CORRUPT
            raise HandinError(reason, f"row {number} has {len(row)} cells, not {len(columns)}")
    records = [dict(zip(columns, map(_unescape, row), strict=True)) for row in body]
    first = records[0]
    if first["format"] != FORMAT:
        raise HandinError(Reason.WRONG_FORMAT, f'format is {_excerpt(first["format"])}, not "{FORMAT}"')
    if first["format_version"] != str(version):
        raise HandinError(
            Reason.WRONG_VERSION,
            f"format_version {_excerpt(first['format_version'])} with the "
            f"columns of version {version}; this medialit reads versions 1 and 2",
        )
    shared = CSV_COLUMNS[:6]
    for number, record in enumerate(records[1:], start=3):
        for column in shared:
            if record[column] != first[column]:
                raise HandinError(Reason.INVALID, f"row {number}: {column} differs from the first row")
    rows_by_exercise: dict[str, tuple[int, dict[str, str]]] = {}
    for number, record in enumerate(records, start=2):
        exercise = record["exercise"]
        if exercise in rows_by_exercise:
            raise HandinError(Reason.DUPLICATE_KEY, f"row {number}: a second answer to {_excerpt(exercise)}")
        rows_by_exercise[exercise] = (number, record)
    kept = sorted(rows_by_exercise)[:MAX_ANSWERS]
    answers: dict[str, Any] = {e: None for e in rows_by_exercise}  # beyond the cap: counted, never parsed
    for exercise in kept:
        answers[exercise] = _csv_answer(rows_by_exercise[exercise][1])
    exported = first["exported"]
    return {
        "format": FORMAT,
        "format_version": version,
        "learner": first["learner"],
        "book_version": first["book_version"],
        "mode": first["mode"],
        "exported": exported or None,
        "answers": answers,
    }


_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def _neutralise(cell: object) -> object:
    """A text cell with a ``'`` in front if a spreadsheet could read it as a formula, as the book's export does."""
    return "'" + cell if isinstance(cell, str) and _ESCAPED.match("'" + cell) else cell


def _unescape(cell: str) -> str:
    """The cell as it was before the book's CSV export put a ``'`` in front of a possible formula."""
    return cell[1:] if _ESCAPED.match(cell) else cell


def _csv_answer(record: dict[str, str]) -> dict[str, Any]:
    try:
        raw = _json_value(record["answer_json"])
    except json.JSONDecodeError as error:
        raw = _Unreadable(f"answer_json is not valid JSON ({error.msg}); the answer is left out")
    except HandinError as error:
        if error.reason is Reason.DUPLICATE_KEY:
            raise
        raw = _Unreadable(f"answer_json cannot be used ({error.message}); the answer is left out")
    checks, confidence, revealed = record["checks"], record["confidence"], record["revealed"]
    extra = {}
    if "first_answer_json" in record:
        extra["first_answer"] = _csv_first(record["first_answer_json"])
    return extra | {
        "content_hash": record["content_hash"],
        "answer": raw,
        "checks": int(checks) if _CSV_NUMBER.fullmatch(checks) else checks,
        "confidence": None
        if confidence == ""
        else int(confidence)
        if _CSV_NUMBER.fullmatch(confidence)
        else confidence,
        "revealed": {"true": True, "false": False}.get(revealed, revealed),
        "answered_at": record["answered_at"] or None,
    }


def _csv_first(cell: str) -> Any:
    if cell == "":
        return None
    try:
        return _json_value(cell)
    except json.JSONDecodeError as error:
        return _Unreadable(f"first_answer_json is not valid JSON ({error.msg}); the first try is unknown")
    except HandinError as error:
        if error.reason is Reason.DUPLICATE_KEY:
            raise
        return _Unreadable(f"first_answer_json cannot be used ({error.message}); the first try is unknown")


# -- building a Handin from the decoded file -----------------------------------------------------------------------
_TOP_REQUIRED = frozenset(("format", "format_version", "learner", "book_version", "mode", "exported", "answers"))
_TOP_ALLOWED = _TOP_REQUIRED | {"created"}
_ANSWER_KEYS_V1 = frozenset(("content_hash", "answer", "checks", "confidence", "revealed", "answered_at"))
_ANSWER_KEYS = {1: _ANSWER_KEYS_V1, 2: _ANSWER_KEYS_V1 | {"first_answer"}}
"""The fields of one answer, by format version."""
_MODES = {"learn": Mode.LEARN, "exam": Mode.EXAM}


def _build(raw: Any, name_repaired: bool) -> Handin:
    """The hand-in in the decoded file ``raw``: the file-level shape is required, every other field judged alone."""
    _check_shape(raw)
    if not learner_key(raw["learner"]):
        raise HandinError(Reason.BLANK_NAME, "the learner name is blank")
    if not name_repaired and _conforms(raw):
        handin = _fast(raw)
        if handin is not None:
            return handin
    return _careful(raw, name_repaired)


def _check_shape(raw: Any) -> None:
    """Raise :class:`HandinError` unless ``raw`` has the file-level shape of a hand-in."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise HandinError(Reason.WRONG_FORMAT, f'not a medialit hand-in (no "format": "{FORMAT}")')
    version = raw.get("format_version")
    if type(version) is not int or version not in READ_VERSIONS:
        raise HandinError(
            Reason.WRONG_VERSION, f"format_version {_excerpt(version)}; this medialit reads versions 1 and 2"
        )
    unknown = raw.keys() - _TOP_ALLOWED
    if unknown:
        raise HandinError(Reason.INVALID, f"unknown field {_excerpt(min(unknown))} at the top level")
    learner = raw.get("learner")
    if not isinstance(learner, str):
        raise HandinError(Reason.INVALID, "learner: the learner name is missing or not text")
    if len(learner) > MAX_NAME:
        raise HandinError(Reason.INVALID, f"learner: the name is {len(learner)} characters long; at most {MAX_NAME}")
    mode = raw.get("mode")
    if not isinstance(mode, str) or mode not in _MODES:
        raise HandinError(Reason.INVALID, f'mode is {_excerpt(mode)}, not "learn" or "exam"')
    if not isinstance(raw.get("answers"), dict):
        raise HandinError(Reason.INVALID, "answers: missing, or not an object keyed by exercise id")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The schema's own patterns (timestamp, exercise id, content hash), so the checks cannot drift from it."""
    data = schema()
    return (
        re.compile(data["$defs"]["timestamp"]["pattern"]),
        re.compile(data["properties"]["answers"]["propertyNames"]["pattern"]),
        re.compile(data["$defs"]["answer"]["properties"]["content_hash"]["pattern"]),
    )


def _conforms(raw: dict[str, Any]) -> bool:
    """A fast, conservative form of the schema for the common case: ``True`` only if the schema accepts ``raw``.

    ``False`` means "read it field by field" (:func:`_careful`), which finds what is wrong (or accepts a rarity such
    as ``1.0`` for 1). The test suite holds this function to the schema on generated documents.
    """
    keys = raw.keys()
    if not (_TOP_REQUIRED <= keys <= _TOP_ALLOWED):
        return False
    learner, book, answers, exported = raw["learner"], raw["book_version"], raw["answers"], raw["exported"]
    created = raw.get("created", "2026-01-01T00:00:00Z")
    version = raw["format_version"]
    keys_wanted = _ANSWER_KEYS.get(version) if type(version) is int else None
    if not (
        raw["format"] == FORMAT
        and keys_wanted is not None
        and type(learner) is str
        and 1 <= len(learner) <= MAX_NAME
        and type(book) is str
        and len(book) <= 50
        and raw["mode"] in ("learn", "exam")
        and (exported is None or (type(exported) is str and _is_timestamp(exported)))
        and type(created) is str
        and _is_timestamp(created)
        and type(answers) is dict
        and len(answers) <= MAX_ANSWERS
    ):
        return False
    for exercise, answer in answers.items():
        if not (
            type(exercise) is str
            and _is_exercise_id(exercise)
            and type(answer) is dict
            and answer.keys() == keys_wanted
            and type(answer.get("first_answer", {})) in (dict, type(None))
        ):
            return False
        content, checks, confidence, moment = (
            answer["content_hash"],
            answer["checks"],
            answer["confidence"],
            answer["answered_at"],
        )
        if not (
            type(content) is str
            and _is_content_hash(content)
            and type(answer["answer"]) is dict
            and type(checks) is int
            and checks >= 0
            and (confidence is None or (type(confidence) is int and 1 <= confidence <= 3))
            and type(answer["revealed"]) is bool
            and (moment is None or (type(moment) is str and _is_timestamp(moment)))
        ):
            return False
    return True


def _fast(raw: dict[str, Any]) -> Handin | None:
    """The hand-in for a ``raw`` that :func:`_conforms`; ``None`` if a timestamp names no real moment."""
    exported = _moment(raw["exported"]) if raw["exported"] is not None else None
    created = _moment(raw["created"]) if raw.get("created") is not None else None
    if (exported is None and raw["exported"] is not None) or (created is None and raw.get("created") is not None):
        return None
    answers = []
    for exercise, a in sorted(raw["answers"].items()):
        moment = _moment(a["answered_at"]) if a["answered_at"] is not None else None
        if moment is None and a["answered_at"] is not None:
            return None
        answers.append(
            Answer(
                exercise,
                a["content_hash"],
                a["answer"],
                a["checks"],
                a["confidence"],
                a["revealed"],
                moment,
                a.get("first_answer"),
            )
        )
    return Handin(
        learner=raw["learner"],
        book_version=raw["book_version"],
        mode=_MODES[raw["mode"]],
        exported=exported,
        answers=tuple(answers),
        created=created,
    )


class _Problems:
    """The problems found in one file, kept to :data:`MAX_PROBLEMS` plus a count of the rest."""

    def __init__(self) -> None:
        self.listed: list[HandinProblem] = []
        self.more = 0

    def add(self, exercise: str | None, field: str, message: str, reason: Reason = Reason.BAD_FIELD) -> None:
        if len(self.listed) < MAX_PROBLEMS:
            self.listed.append(HandinProblem(exercise, field, reason, message))
        else:
            self.more += 1

    def final(self) -> tuple[HandinProblem, ...]:
        if not self.more:
            return tuple(self.listed)
        summary = HandinProblem(
            None, "answers", Reason.BAD_FIELD, f"and {self.more} more problems in this file, not listed one by one"
        )
        return (*self.listed, summary)


def _careful(raw: dict[str, Any], name_repaired: bool) -> Handin:
    """The hand-in for ``raw`` read field by field: a field that cannot be used becomes a :class:`HandinProblem`."""
    problems = _Problems()
    learner = raw["learner"]
    if name_repaired:
        problems.add(
            None, "learner", "the name held characters no file can store (lone surrogates); they are shown as \ufffd"
        )
    book = raw.get("book_version")
    if not (isinstance(book, str) and len(book) <= 50):
        problems.add(
            None,
            "book_version",
            f"book_version is {_excerpt(book)}, not a version of up to 50 characters; left empty"
            if "book_version" in raw
            else "book_version is missing; left empty",
        )
        book = ""
    exported = _time_field(raw, "exported", None, problems)
    created = _time_field(raw, "created", None, problems, required=False, nullable=False)
    answers = raw["answers"]
    ids = sorted(answers)
    if len(ids) > MAX_ANSWERS:
        problems.add(
            None,
            "answers",
            f"the file holds {len(ids)} answers; only the first {MAX_ANSWERS} (by exercise id) are read",
            Reason.TOO_MANY,
        )
        ids = ids[:MAX_ANSWERS]
    read = []
    for exercise in ids:
        if not _is_exercise_id(exercise):
            problems.add(
                None,
                "exercise",
                f"an answer is filed under {_excerpt(exercise)}, which is not an exercise id; it is left out",
            )
            continue
        answer = _careful_answer(exercise, answers[exercise], problems, raw["format_version"])
        if answer is not None:
            read.append(answer)
    return Handin(
        learner=_repair_text(learner),
        book_version=book,
        mode=_MODES[raw["mode"]],
        exported=exported,
        answers=tuple(read),
        created=created,
        problems=problems.final(),
    )


def _careful_answer(exercise: str, record: Any, problems: _Problems, version: int) -> Answer | None:
    """One answer read field by field; ``None`` if it is left out (its CSV ``answer_json`` is not JSON)."""
    if not isinstance(record, dict):
        # The record itself stands where the answer should be: grading reports it as an answer it cannot read.
        return Answer(exercise, "", record, 0, None, True, None)
    raw = record.get("answer")
    if isinstance(raw, _Unreadable):
        problems.add(exercise, "answer", raw.message, Reason.BAD_ANSWER)
        return None
    unknown = record.keys() - _ANSWER_KEYS[version]
    if unknown:
        problems.add(
            exercise,
            min(unknown)[:40],
            f"unknown field {_excerpt(min(unknown))}"
            + (f" and {len(unknown) - 1} more" if len(unknown) > 1 else "")
            + " ignored",
        )
    content = record.get("content_hash")
    if not (isinstance(content, str) and _is_content_hash(content)):
        problems.add(
            exercise,
            "content_hash",
            _field_message(record, "content_hash", "16 hex digits") + "; the answer is graded as possibly out of date",
        )
        content = ""
    checks = _whole(record.get("checks"))
    if checks is None or checks < 0:
        problems.add(
            exercise, "checks", _field_message(record, "checks", "a whole number from 0 up") + "; counted as 0"
        )
        checks = 0
    confidence = record.get("confidence")
    if confidence is not None:
        confidence = _whole(confidence)
        if confidence not in (1, 2, 3):
            problems.add(
                exercise, "confidence", _field_message(record, "confidence", "1, 2, 3 or null") + "; read as not given"
            )
            confidence = None
    elif "confidence" not in record:
        problems.add(exercise, "confidence", "confidence is missing; read as not given")
    revealed = record.get("revealed")
    if not isinstance(revealed, bool):
        problems.add(
            exercise,
            "revealed",
            _field_message(record, "revealed", "true or false") + "; counted as shown, since it cannot be ruled out",
        )
        revealed = True
    answered_at = _time_field(record, "answered_at", exercise, problems)
    first = record.get("first_answer") if version >= 2 else None
    if isinstance(first, _Unreadable):
        problems.add(exercise, "first_answer", first.message)
        first = None
    elif version >= 2 and not isinstance(first, dict | None):
        problems.add(
            exercise,
            "first_answer",
            _field_message(record, "first_answer", "an answer or null") + "; the first try is unknown",
        )
        first = None
    elif version >= 2 and "first_answer" not in record:
        problems.add(exercise, "first_answer", "first_answer is missing; the first try is unknown")
    return Answer(exercise, content, raw, checks, confidence, revealed, answered_at, first)


def _whole(value: Any) -> int | None:
    """``value`` as a whole number (``2.0`` is 2, as in JSON Schema), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _field_message(record: Mapping[str, Any], field: str, wanted: str) -> str:
    if field not in record:
        return f"{field} is missing"
    value = record[field]
    if value == safejson.TOO_LARGE:
        return f"{field} is a number too large to read"
    return f"{field} is {_excerpt(value)}, not {wanted}"


def _time_field(
    record: Mapping[str, Any],
    field: str,
    exercise: str | None,
    problems: _Problems,
    *,
    required: bool = True,
    nullable: bool = True,
) -> datetime | None:
    """The moment in ``record[field]``; ``None`` (with a problem unless it is an allowed ``null`` or absence)."""
    if field not in record:
        if required:
            problems.add(exercise, field, f"{field} is missing; the time is unknown")
        return None
    value = record[field]
    if value is None and nullable:
        return None
    moment = _moment(value) if isinstance(value, str) and _is_timestamp(value) else None
    if moment is None:
        problems.add(
            exercise,
            field,
            f"{field} is {_excerpt(value)}, not a date and time with its offset "
            "(such as 2026-11-22T10:30:00Z); the time is unknown",
        )
    return moment


@lru_cache(maxsize=65536)
def _is_timestamp(text: str) -> bool:
    """Whether ``text`` matches the schema's timestamp pattern (a class shares most of its timestamps)."""
    return _patterns()[0].search(text) is not None


@lru_cache(maxsize=4096)
def _is_exercise_id(text: str) -> bool:
    """Whether ``text`` matches the schema's pattern of exercise ids."""
    return _patterns()[1].search(text) is not None


@lru_cache(maxsize=4096)
def _is_content_hash(text: str) -> bool:
    """Whether ``text`` matches the schema's pattern of content hashes."""
    return _patterns()[2].search(text) is not None


@lru_cache(maxsize=65536)
def _moment(text: str) -> datetime | None:
    """The moment a timestamp names, in UTC; ``None`` if it names none (a 13th month, a year beyond 9999 in UTC)."""
    try:
        moment = datetime.fromisoformat(text)
        return moment.astimezone(UTC) if moment.tzinfo else None
    except (ValueError, OverflowError):
        return None
