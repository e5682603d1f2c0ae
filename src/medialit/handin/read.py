"""Reading a hand-in file: its bytes, JSON or CSV decoded into plain data (:mod:`medialit.handin.check` makes the
:class:`~medialit.handin.model.Handin`)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

from medialit import safejson
from medialit.handin.check import _build
from medialit.handin.model import (
    _ESCAPED,
    _LONE_SURROGATE,
    CSV_COLUMNS,
    CSV_COLUMNS_V1,
    FORMAT,
    MAX_ANSWERS,
    MAX_BYTES,
    Handin,
    HandinError,
    Reason,
    _excerpt,
    _Unreadable,
)


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
