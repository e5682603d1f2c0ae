"""The hand-in file format: one learner's answers, as the book (or live widgets) export them for the teacher.

This package is only the format: its data and how it is written (``model.py``), read (``read.py``) and checked
(``check.py``). It imports no widgets and looks at no folder; making a hand-in from live widgets is
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

from medialit.handin.model import (
    CSV_COLUMNS,
    CSV_COLUMNS_V1,
    FORMAT,
    FORMAT_VERSION,
    MAX_ANSWERS,
    MAX_BYTES,
    MAX_NAME,
    MAX_PROBLEMS,
    READ_VERSIONS,
    STORAGE_ANSWERS,
    STORAGE_CURRENT,
    STORAGE_META,
    STORAGE_OLD_ANSWERS,
    STORAGE_OLD_META,
    Answer,
    Handin,
    HandinError,
    HandinProblem,
    Reason,
    browser_contract,
    display_name,
    learner_key,
    schema,
)
from medialit.handin.read import parse_handin, read_bytes, read_handin

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
