"""The hand-in file: one learner's answers, as the book (or live widgets) export them for the teacher.

Two spellings of the same data, both read by :func:`read_handin`:

* **JSON** (``*.json``), validated by ``schema/handin-v1.json``::

    {"format": "medialit-handin", "format_version": 1, "learner": "Ana", "book_version": "0.1.0", "mode": "learn",
     "created": "2026-11-22T10:00:00Z", "exported": "2026-11-22T11:00:00Z",
     "answers": {"disclaimer-002": {"content_hash": "0123456789abcdef",
                                    "answer": {"marks": [{"unit": "article4:7.1", "label": null}], "none": false},
                                    "checks": 2, "confidence": 3, "revealed": false,
                                    "answered_at": "2026-11-22T10:30:00Z"}}}

* **CSV** (``*.csv``, UTF-8), one row per answer, with exactly the columns :data:`CSV_COLUMNS`. The file-level
  columns repeat on every row and must agree; ``answer_json`` holds the raw answer as JSON; ``confidence`` is empty
  for null; ``revealed`` is ``true`` or ``false``. The CSV has no ``created`` column.

A file that cannot be used raises :class:`HandinError` with a :class:`Reason` code. Files over :data:`MAX_BYTES`
(2 MB: a full hand-in is a few kilobytes) are refused unread. Answers are not parsed here: grading does that, so
that one malformed answer costs that answer only.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from medialit import __version__
from medialit.modes import Mode

if TYPE_CHECKING:
    import pandas as pd

    from medialit.exercises import ExerciseSet
    from medialit.live import ExerciseWidget

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "Answer",
    "Handin",
    "HandinError",
    "Reason",
    "collect",
    "display_name",
    "handin_from_results",
    "parse_handin",
    "read_bytes",
    "read_handin",
    "schema",
    "to_dataframe",
]

FORMAT = "medialit-handin"
"""The value of the ``format`` field."""
FORMAT_VERSION = 1
"""The only ``format_version`` this code reads."""
MAX_BYTES = 2 * 1024 * 1024
"""Largest hand-in file read (2 MB); anything bigger is refused as ``oversized`` before it is read."""
CSV_COLUMNS = (
    "format", "format_version", "learner", "book_version", "mode", "exported",
    "exercise", "content_hash", "answer_json", "checks", "confidence", "revealed", "answered_at",
)
"""The header of the CSV variant, in order."""


class Reason(StrEnum):
    """Why a hand-in file, or one answer in it, was not graded."""

    UNREADABLE = "unreadable"
    """The file could not be opened or read."""
    CORRUPT = "corrupt"
    """Not UTF-8, not JSON / CSV, or a CSV with broken rows."""
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
    """A hand-in that breaks the schema (a missing field, a bad date, a name over 200 characters, ...)."""
    DUPLICATE = "duplicate"
    """Another file of the same learner has a newer ``exported`` time."""
    UNKNOWN_EXERCISE = "unknown-exercise"
    """An answer to an exercise the book does not have (answer level)."""
    BAD_ANSWER = "bad-answer"
    """An answer :func:`medialit.scoring.parse` refuses (answer level)."""


class HandinError(ValueError):
    """A hand-in file that cannot be used."""

    def __init__(self, reason: Reason, message: str):
        super().__init__(message)
        self.reason = reason
        """Why, as a :class:`Reason`."""
        self.message = message
        """What is wrong, in a teacher's words."""


@dataclass(frozen=True)
class Answer:
    """One exercise as the learner left it."""

    exercise: str
    """The exercise id."""
    content_hash: str
    """The exercise's content hash when it was answered."""
    raw: Any
    """The raw answer, for :func:`medialit.scoring.parse`."""
    checks: int
    """Times the learner pressed Check."""
    confidence: int | None
    """1 to 3, or ``None``."""
    revealed: bool
    """Whether the answer was shown to the learner first."""
    answered_at: datetime
    """When the answer was last changed."""


@dataclass(frozen=True)
class Handin:
    """One learner's hand-in."""

    learner: str
    """The name as given."""
    book_version: str
    """Version of the book answered in."""
    mode: Mode
    """Learn or exam build."""
    exported: datetime
    """When the file was written."""
    answers: tuple[Answer, ...]
    """Answers in exercise-id order."""
    created: datetime | None = None
    """When the learner started, if known."""

    def as_json(self) -> dict[str, Any]:
        """The JSON spelling (schema ``handin-v1.json``)."""
        data: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "learner": self.learner,
            "book_version": self.book_version, "mode": str(self.mode),
        }
        if self.created is not None:
            data["created"] = _stamp(self.created)
        data["exported"] = _stamp(self.exported)
        data["answers"] = {
            a.exercise: {"content_hash": a.content_hash, "answer": a.raw, "checks": a.checks,
                         "confidence": a.confidence, "revealed": a.revealed, "answered_at": _stamp(a.answered_at)}
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
        """The CSV spelling: one row per answer."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for a in self.answers:
            writer.writerow([
                FORMAT, FORMAT_VERSION, self.learner, self.book_version, str(self.mode), _stamp(self.exported),
                a.exercise, a.content_hash, _canonical(a.raw), a.checks,
                "" if a.confidence is None else a.confidence, "true" if a.revealed else "false",
                _stamp(a.answered_at),
            ])
        return out.getvalue()


@cache
def schema() -> dict:
    """The hand-in JSON schema shipped in the package."""
    return json.loads(resources.files("medialit").joinpath("schema/handin-v1.json").read_text("utf-8"))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def display_name(text: str, size: int = 80) -> str:
    """``text`` safe for a terminal: control and bidi-format characters written as ``\\uXXXX``, cut to ``size``."""
    shown = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text[: size + 1]
    )
    return shown if len(shown) <= size else shown[: size - 1] + "…"


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
    """The hand-in in ``data``, read as JSON or CSV by the suffix of ``name``."""
    if len(data) > MAX_BYTES:
        raise HandinError(Reason.OVERSIZED, f"over the {MAX_BYTES} byte limit")
    suffix = Path(name).suffix.lower()
    if suffix not in (".json", ".csv"):
        raise HandinError(Reason.UNSUPPORTED, "not a .json or .csv file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HandinError(Reason.CORRUPT, f"not UTF-8 text (byte {error.start})") from None
    raw = _load_json(text) if suffix == ".json" else _load_csv(text)
    return _build(raw)


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
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


def _load_csv(text: str) -> dict[str, Any]:
    if not text.strip():
        raise HandinError(Reason.TRUNCATED, "the file is empty")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        reason = Reason.TRUNCATED if "EOF" in str(error) else Reason.CORRUPT
        raise HandinError(reason, f"not valid CSV: {error}") from None
    header, body = rows[0], [r for r in rows[1:] if r]
    if tuple(header) != CSV_COLUMNS:
        raise HandinError(Reason.WRONG_FORMAT, "the first row is not the hand-in header " + ",".join(CSV_COLUMNS))
    if not body:
        raise HandinError(Reason.TRUNCATED, "the header is there but no answer follows")
    for number, row in enumerate(body, start=2):
        if len(row) != len(CSV_COLUMNS):
            last = number == len(body) + 1 and not text.endswith(("\n", "\r"))
            reason = Reason.TRUNCATED if last and len(row) < len(CSV_COLUMNS) else Reason.CORRUPT
            raise HandinError(reason, f"row {number} has {len(row)} cells, not {len(CSV_COLUMNS)}")
    records = [dict(zip(CSV_COLUMNS, map(_unescape, row), strict=True)) for row in body]
    first = records[0]
    if first["format"] != FORMAT:
        raise HandinError(Reason.WRONG_FORMAT, f"format is {first['format']!r}, not {FORMAT!r}")
    if first["format_version"] != str(FORMAT_VERSION):
        raise HandinError(Reason.WRONG_VERSION, f"format_version {first['format_version']!r}; "
                          f"this medialit reads version {FORMAT_VERSION}")
    shared = CSV_COLUMNS[:6]
    for number, record in enumerate(records[1:], start=3):
        for column in shared:
            if record[column] != first[column]:
                raise HandinError(Reason.INVALID, f"row {number}: {column} differs from the first row")
    answers: dict[str, Any] = {}
    for number, record in enumerate(records, start=2):
        if record["exercise"] in answers:
            raise HandinError(Reason.INVALID, f"row {number}: a second answer to {record['exercise']!r}")
        answers[record["exercise"]] = _csv_answer(record, number)
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "learner": first["learner"],
            "book_version": first["book_version"], "mode": first["mode"], "exported": first["exported"],
            "answers": answers}


_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def _unescape(cell: str) -> str:
    """The cell as it was before the book's CSV export put a ``'`` in front of a possible formula."""
    return cell[1:] if _ESCAPED.match(cell) else cell


def _csv_answer(record: dict[str, str], number: int) -> dict[str, Any]:
    try:
        raw = json.loads(record["answer_json"])
    except json.JSONDecodeError:
        raise HandinError(Reason.INVALID, f"row {number}: answer_json is not valid JSON") from None
    checks: Any = int(record["checks"]) if record["checks"].isdigit() else record["checks"]
    confidence: Any = record["confidence"]
    confidence = None if confidence == "" else int(confidence) if confidence.isdigit() else confidence
    revealed: Any = {"true": True, "false": False}.get(record["revealed"], record["revealed"])
    return {"content_hash": record["content_hash"], "answer": raw, "checks": checks, "confidence": confidence,
            "revealed": revealed, "answered_at": record["answered_at"]}


def _build(raw: Any) -> Handin:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise HandinError(Reason.WRONG_FORMAT, f"not a medialit hand-in (no \"format\": \"{FORMAT}\")")
    if raw.get("format_version") != FORMAT_VERSION:
        raise HandinError(Reason.WRONG_VERSION, f"format_version {raw.get('format_version')!r}; "
                          f"this medialit reads version {FORMAT_VERSION}")
    error = None if _conforms(raw) else jsonschema.exceptions.best_match(_validator().iter_errors(raw))
    if error is not None:
        where = "/".join(map(str, error.absolute_path)) or "the top level"
        raise HandinError(Reason.INVALID, f"{where}: {_short(error.message)}")
    try:
        return Handin(
            learner=raw["learner"],
            book_version=raw["book_version"],
            mode=Mode(raw["mode"]),
            exported=_moment(raw["exported"]),
            created=_moment(raw["created"]) if "created" in raw else None,
            answers=tuple(
                Answer(exercise, a["content_hash"], a["answer"], a["checks"], a["confidence"], a["revealed"],
                       _moment(a["answered_at"]))
                for exercise, a in sorted(raw["answers"].items())
            ),
        )
    except ValueError as error:
        raise HandinError(Reason.INVALID, f"a date cannot be read: {error}") from None


_TOP_REQUIRED = frozenset(("format", "format_version", "learner", "book_version", "mode", "exported", "answers"))
_TOP_ALLOWED = _TOP_REQUIRED | {"created"}
_ANSWER_KEYS = frozenset(("content_hash", "answer", "checks", "confidence", "revealed", "answered_at"))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The schema's own patterns (timestamp, exercise id, content hash), so the fast check cannot drift from it."""
    data = schema()
    return (re.compile(data["$defs"]["timestamp"]["pattern"]),
            re.compile(data["properties"]["answers"]["propertyNames"]["pattern"]),
            re.compile(data["$defs"]["answer"]["properties"]["content_hash"]["pattern"]))


def _conforms(raw: dict) -> bool:
    """A fast, conservative form of the schema for the common case: ``True`` only if the schema accepts ``raw``.

    ``False`` means "ask jsonschema", which then finds the error (or accepts a rarity such as ``1.0`` for 1). The
    test suite holds this function to the schema on generated documents.
    """
    keys = raw.keys()
    if not (_TOP_REQUIRED <= keys <= _TOP_ALLOWED):
        return False
    learner, book, answers, exported = raw["learner"], raw["book_version"], raw["answers"], raw["exported"]
    created = raw.get("created", exported)
    if not (raw["format"] == FORMAT and type(raw["format_version"]) is int and raw["format_version"] == FORMAT_VERSION
            and type(learner) is str and 1 <= len(learner) <= 200
            and type(book) is str and len(book) <= 50 and raw["mode"] in ("learn", "exam")
            and type(exported) is str and _is_timestamp(exported) and type(created) is str and _is_timestamp(created)
            and type(answers) is dict and len(answers) <= 1000):
        return False
    for exercise, answer in answers.items():
        if not (type(exercise) is str and _is_exercise_id(exercise) and type(answer) is dict
                and answer.keys() == _ANSWER_KEYS):
            return False
        content, checks, confidence, moment = (answer["content_hash"], answer["checks"], answer["confidence"],
                                               answer["answered_at"])
        if not (type(content) is str and _is_content_hash(content) and type(answer["answer"]) is dict
                and type(checks) is int and checks >= 0
                and (confidence is None or (type(confidence) is int and 1 <= confidence <= 3))
                and type(answer["revealed"]) is bool and type(moment) is str and _is_timestamp(moment)):
            return False
    return True


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


def _short(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


@lru_cache(maxsize=65536)
def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- building -----------------------------------------------------------------------------------------------------
def handin_from_results(
    learner: str,
    answers: Iterable[Answer],
    *,
    mode: Mode = Mode.LEARN,
    created: datetime | None = None,
    exported: datetime | None = None,
    book_version: str = __version__,
) -> Handin:
    """A hand-in made of ``answers``; ``exported`` defaults to now."""
    now = datetime.now(UTC).replace(microsecond=0)
    return Handin(learner=learner, book_version=book_version, mode=mode, exported=exported or now,
                  answers=tuple(sorted(answers, key=lambda a: a.exercise)), created=created)


def collect(widgets: Iterable[ExerciseWidget], learner: str, *, mode: Mode = Mode.LEARN) -> Handin:
    """A hand-in of every live widget that has a submission (the latest one of each)."""
    now = datetime.now(UTC).replace(microsecond=0)
    answers = [
        Answer(exercise=w.exercise.id, content_hash=w.exercise.content_hash, raw=w.submission.get("answer"),
               checks=int(w.submission.get("count", 0)), confidence=w.submission.get("confidence"),
               revealed=bool(w.revealed), answered_at=now)
        for w in widgets if w.submission
    ]
    return handin_from_results(learner, answers, mode=mode, exported=now)


def to_dataframe(source: Handin | Iterable[ExerciseWidget], exercises: ExerciseSet | None = None) -> pd.DataFrame:
    """One's own results, one row per answered exercise, scored by the Python engine.

    ``source`` is a :class:`Handin` or live widgets. ``exercises`` defaults to the widgets' own exercises, else to the
    project found from the current folder. Columns: ``exercise``, ``skill``, ``score``, ``max_score``, ``checks``,
    ``confidence``, ``revealed``, ``stale`` (the exercise changed since), ``problem`` (why it was not scored).
    """
    import pandas as pd

    from medialit.scoring import FormatError, score

    if isinstance(source, Handin):
        handin = source
        known = _project_exercises() if exercises is None else {e.id: e for e in exercises.exercises}
    else:
        widgets = list(source)
        handin = collect(widgets, "me")
        known = {w.exercise.id: w.exercise for w in widgets}
        if exercises is not None:
            known = {e.id: e for e in exercises.exercises}
    rows = []
    for answer in handin.answers:
        exercise = known.get(answer.exercise)
        row: dict[str, Any] = {"exercise": answer.exercise, "skill": None, "score": None, "max_score": None,
                               "checks": answer.checks, "confidence": answer.confidence,
                               "revealed": answer.revealed, "stale": False, "problem": ""}
        if exercise is None:
            row["problem"] = "no such exercise in this book"
        else:
            row["skill"] = str(exercise.skill)
            row["stale"] = answer.content_hash != exercise.content_hash
            try:
                result = score(exercise, answer.raw)
            except FormatError as error:
                row["problem"] = str(error)
            else:
                row["score"], row["max_score"] = result.score, result.max_score
        rows.append(row)
    return pd.DataFrame(rows, columns=["exercise", "skill", "score", "max_score", "checks", "confidence", "revealed",
                                       "stale", "problem"])


def _project_exercises() -> Mapping[str, Any]:
    from medialit.catalogue import Catalogue
    from medialit.exercises import load_exercises
    from medialit.project import Project

    project = Project.find()
    found = load_exercises(project.exercises, Catalogue.load(project.catalogue_path))
    return {e.id: e for e in found.exercises}
