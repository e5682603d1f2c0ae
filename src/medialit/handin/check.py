"""A :class:`~medialit.handin.model.Handin` from decoded hand-in data, checked against the schema: the whole file
is refused only for what :class:`~medialit.handin.model.HandinError` lists; any other field that cannot be used is
dropped or repaired with a :class:`~medialit.handin.model.HandinProblem`."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any

from medialit import safejson
from medialit.handin.model import (
    FORMAT,
    MAX_ANSWERS,
    MAX_NAME,
    MAX_PROBLEMS,
    READ_VERSIONS,
    Answer,
    Handin,
    HandinError,
    HandinProblem,
    Reason,
    _excerpt,
    _repair_text,
    _Unreadable,
    learner_key,
    schema,
)
from medialit.modes import Mode

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
