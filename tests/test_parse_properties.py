"""Parsing learner data never raises anything but the project's own errors.

Arbitrary JSON values go into every exercise's ``parse`` (only :class:`FormatError` may come out) and into the
hand-in reader, as JSON, as a valid hand-in with one field replaced, as CSV and as raw bytes (only
:class:`HandinError` may come out). A hand-in that is read can always be written back as UTF-8.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.handin import CSV_COLUMNS, Handin, HandinError, parse_handin
from medialit.teacher.synthetic import synthetic_handin
from tests.browser.mirror import SYNTHETIC
from tests.kinds.search.fixture import fixture_exercise

TEXT = st.text(alphabet=st.characters(codec=None), max_size=12) | st.sampled_from(
    ["\ud800", "Ana \ud800", "\u200b", "²", "¹", "=cmd", "article4:7.1", "disclaimer-002", "1" * 5000]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.integers(min_value=2**63, max_value=2**200)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)
JSON = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12
)
ANSWER = (
    st.fixed_dictionaries(
        {},
        optional={
            "marks": JSON,
            "none": JSON,
            "pairs": JSON,
            "choices": JSON,
            "verdict": JSON,
            "evidence": JSON,
            "searched": JSON,
        },
    )
    | JSON
)
FIELDS = [
    ("file", f)
    for f in ("format", "format_version", "learner", "book_version", "mode", "created", "exported", "answers")
] + [
    ("answer", f) for f in ("content_hash", "answer", "checks", "confidence", "revealed", "answered_at", "first_answer")
]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _encodable(handin: Handin) -> None:
    json.dumps(handin.as_json(), ensure_ascii=False).encode("utf-8")
    handin.as_csv().encode("utf-8")


@SETTINGS
@given(raw=ANSWER, data=st.data())
def test_every_exercise_parse_raises_only_format_errors(exercise_set, raw, data):
    exercise = data.draw(st.sampled_from(exercise_set.exercises))
    with contextlib.suppress(scoring.FormatError):
        scoring.parse(exercise, raw)


@SETTINGS
@given(raw=ANSWER, data=st.data())
def test_ids_replaced_by_lists_or_objects_are_format_errors(exercise_set, raw, data):
    exercise = data.draw(st.sampled_from(exercise_set.exercises))
    odd = data.draw(st.lists(TEXT, max_size=2) | st.dictionaries(TEXT, TEXT, max_size=2))
    for answer in (
        {"marks": [{"unit": odd, "label": None}]},
        {"marks": [{"unit": exercise.unit_ids[0], "label": odd}]} if exercise.unit_ids else {"marks": []},
        {"pairs": [[odd, odd]]},
        {"choices": [odd]},
        {"verdict": odd, "evidence": []},
        {"verdict": None, "evidence": [odd]},
        {"verdict": None, "evidence": [], "searched": [odd]},
    ):
        with contextlib.suppress(scoring.FormatError):
            scoring.parse(exercise, answer)


@SETTINGS
@given(raw=ANSWER, data=st.data())
def test_a_search_task_s_parse_raises_only_format_errors(catalogue, raw, data):
    """Search tasks on their own (the book's exercises may hold few): any JSON, and answers close to well-formed."""
    task = data.draw(st.sampled_from([fixture_exercise(catalogue), *(e for e in SYNTHETIC if e.results)]))
    ids = st.sampled_from([*(o.id for o in task.options), *(r.id for r in task.results), *(q.id for q in task.queries)])
    near = st.fixed_dictionaries(
        {"verdict": ids | TEXT | st.none(), "evidence": st.lists(ids | SCALARS, max_size=4)},
        optional={"searched": st.lists(ids | SCALARS, max_size=4) | SCALARS},
    )
    for answer in (raw, data.draw(near)):
        with contextlib.suppress(scoring.FormatError):
            scoring.parse(task, answer)


@functools.cache
def _valid_handin(exercise_set) -> str:
    """One valid hand-in as JSON text, made once (every example starts from a fresh copy)."""
    return json.dumps(synthetic_handin("Ana", exercise_set.exercises, random.Random(3)).as_json())


def _read(data: bytes, name: str) -> None:
    try:
        handin = parse_handin(data, name)
    except HandinError:
        return
    _encodable(handin)


@SETTINGS
@given(value=JSON)
def test_any_json_value_is_read_or_refused(value):
    _read(json.dumps(value).encode("utf-8", "surrogatepass"), "x.json")


@SETTINGS
@given(value=JSON, place=st.sampled_from(FIELDS), ascii_only=st.booleans())
def test_a_valid_hand_in_with_one_field_replaced_is_read_or_refused(exercise_set, value, place, ascii_only):
    handin = json.loads(_valid_handin(exercise_set))
    answer = next(iter(handin["answers"].values()))
    where, field = place
    (handin if where == "file" else answer)[field] = value
    _read(json.dumps(handin, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass"), "x.json")


@SETTINGS
@given(
    cells=st.lists(st.lists(TEXT, min_size=len(CSV_COLUMNS), max_size=len(CSV_COLUMNS)), min_size=1, max_size=3),
    data=st.data(),
)
def test_any_csv_under_the_real_header_is_read_or_refused(exercise_set, cells, data):
    good = synthetic_handin("Ana", exercise_set.exercises, random.Random(1)).as_csv().splitlines()[1]
    rows = [next(csv.reader([good]))] if data.draw(st.booleans()) else []
    for row in cells:
        base = list(rows[0]) if rows and data.draw(st.booleans()) else row
        column = data.draw(st.integers(0, len(CSV_COLUMNS) - 1))
        base[column] = row[column]
        rows.append(base)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    _read(out.getvalue().encode("utf-8", "surrogatepass"), "x.csv")


@SETTINGS
@given(data=st.binary(max_size=200), suffix=st.sampled_from([".json", ".csv", ".txt"]))
def test_any_bytes_are_read_or_refused(data, suffix):
    _read(data, "x" + suffix)


def test_deep_nesting_and_huge_numbers_are_refused_or_repaired(exercise_set):
    for text in ("[" * 100_000, '{"a":' * 50_000):
        try:
            parse_handin(text.encode(), "x.json")
        except HandinError as error:
            assert str(error.reason) in ("corrupt", "truncated")
        else:  # pragma: no cover - the assertion below explains
            raise AssertionError("100,000 nested brackets were read")
    handin = synthetic_handin("Ana", exercise_set.exercises, random.Random(2)).as_json()
    first = next(iter(handin["answers"]))
    handin["answers"][first]["checks"] = int("9" * 4000)  # json.dumps writes it; int("…") of 5,000 digits cannot
    text = json.dumps(handin).replace('"checks": ' + "9" * 4000, '"checks": ' + "9" * 5000)
    read = parse_handin(text.encode(), "x.json")
    assert [p.field for p in read.problems] == ["checks"]
    assert [a.exercise for a in read.answers] == sorted(handin["answers"])
