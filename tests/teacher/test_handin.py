"""The hand-in format: schema, both spellings, every reason a file is refused, and building one from widgets."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.handin import (
    CSV_COLUMNS,
    MAX_BYTES,
    HandinError,
    Reason,
    parse_handin,
    read_handin,
    schema,
)
from medialit.learner import collect, to_dataframe
from medialit.modes import Mode
from medialit.scoring import examples
from medialit.teacher.synthetic import synthetic_handin


@pytest.fixture
def handin(exercise_set):
    return synthetic_handin("Ana", exercise_set.exercises, random.Random(3))


def _properties(node, where="$"):
    """Every (where, property schema) in the schema."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{where}.{name}", value
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}[{index}]")


def test_the_schema_documents_every_property_and_rejects_unknown_keys():
    data = schema()
    assert data["$schema"].endswith("2020-12/schema")
    for where, prop in _properties(data):
        assert prop.get("description"), f"{where} has no description"
    objects = [data, data["$defs"]["answer"]]
    assert all(o["additionalProperties"] is False for o in objects)


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_json_and_csv_read_back_the_same(tmp_path, handin, suffix):
    path = tmp_path / f"ana{suffix}"
    path.write_text(json.dumps(handin.as_json()) if suffix == ".json" else handin.as_csv(), encoding="utf-8")
    back = read_handin(path)
    assert back.answers == handin.answers
    assert (back.learner, back.mode, back.exported) == (handin.learner, handin.mode, handin.exported)


def test_the_csv_header_is_the_documented_one(handin):
    assert handin.as_csv().splitlines()[0] == ",".join(CSV_COLUMNS)


def _refused(data: bytes, name: str = "x.json") -> Reason:
    with pytest.raises(HandinError) as caught:
        parse_handin(data, name)
    assert caught.value.message
    return caught.value.reason


def test_each_broken_file_gets_its_reason(handin):
    good = json.dumps(handin.as_json())
    csv_text = handin.as_csv()
    assert _refused(b"") is Reason.TRUNCATED
    assert _refused(good[:-10].encode()) is Reason.TRUNCATED
    assert _refused(b'{"format": "medialit-handin" "x": 1}') is Reason.CORRUPT
    assert _refused(b"\xff\xfe garbage") is Reason.CORRUPT
    assert _refused(b'{"some": "other json"}') is Reason.WRONG_FORMAT
    assert _refused(b"[1, 2, 3]") is Reason.WRONG_FORMAT
    assert _refused(good.replace('"format_version": 2', '"format_version": 3').encode()) is Reason.WRONG_VERSION
    assert _refused(good.replace('"mode": "learn"', '"mode": "party"').encode()) is Reason.INVALID
    assert _refused(good.replace('"learner": "Ana"', '"learner": ""').encode()) is Reason.BLANK_NAME
    assert _refused(good.replace('"learner": "Ana"', '"learner": "Ana", "score": 100').encode()) is Reason.INVALID
    assert _refused(b" " * (MAX_BYTES + 1)) is Reason.OVERSIZED
    assert _refused(good.encode(), "x.txt") is Reason.UNSUPPORTED
    assert _refused(csv_text[:-25].encode(), "x.csv") is Reason.TRUNCATED
    assert _refused(b"a,b,c\n1,2,3\n", "x.csv") is Reason.WRONG_FORMAT
    assert _refused(csv_text.replace(",2,Ana,", ",3,Ana,").encode(), "x.csv") is Reason.WRONG_VERSION


def test_read_handin_reports_a_missing_file(tmp_path):
    with pytest.raises(HandinError) as caught:
        read_handin(tmp_path / "nobody.json")
    assert caught.value.reason is Reason.UNREADABLE


def test_exam_hand_ins_are_read(handin):
    data = handin.as_json()
    data["mode"] = "exam"
    assert parse_handin(json.dumps(data).encode(), "exam.json").mode is Mode.EXAM


def test_collect_builds_a_valid_hand_in_from_live_widgets(exercise_set, catalogue):
    from medialit.live import ExerciseWidget

    widgets = [ExerciseWidget(e, catalogue) for e in exercise_set.exercises[:3]]
    widgets[0].check(examples(widgets[0].exercise).correct, confidence=3)
    widgets[1].check(examples(widgets[1].exercise).incorrect)
    handin = collect(widgets, "Ana")
    assert [a.exercise for a in handin.answers] == sorted([widgets[0].exercise.id, widgets[1].exercise.id])
    again = parse_handin(json.dumps(handin.as_json()).encode(), "ana.json")
    assert again.answers == handin.answers
    frame = to_dataframe(widgets)
    first = frame.set_index("exercise").loc[widgets[0].exercise.id]
    assert first["score"] == first["max_score"]
    assert first["confidence"] == 3
    assert to_dataframe(handin, exercise_set).equals(frame)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 5) | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), version=st.sampled_from([1, 2]))
def test_the_fast_check_never_accepts_what_the_schema_refuses(data, version):
    from jsonschema import Draft202012Validator

    from medialit.handin.check import _conforms

    doc = {
        "format": "medialit-handin",
        "format_version": version,
        "learner": "Ana",
        "book_version": "0.1.0",
        "mode": "learn",
        "exported": "2026-11-22T11:00:00Z",
        "answers": {
            "disclaimer-002": {
                "content_hash": "0123456789abcdef",
                "answer": {"marks": []},
                "checks": 1,
                "confidence": None,
                "revealed": False,
                "answered_at": "2026-11-22T10:30:00Z",
            }
        },
    }
    answer = doc["answers"]["disclaimer-002"]
    if version == 2:
        answer["first_answer"] = {"marks": [], "none": True}
    target = data.draw(st.sampled_from([doc, answer]))
    key = data.draw(st.sampled_from([*target, "extra"]))
    if data.draw(st.booleans()):
        target[key] = data.draw(_json | st.sampled_from(["2026-11-22T10:30:00+01:00", "2026-11-22", "exam", 1.0, 3]))
    else:
        target.pop(key, None)
    if _conforms(doc):
        assert Draft202012Validator(schema(version)).is_valid(doc)


@pytest.mark.parametrize("name", ['=HYPERLINK("x")', "'=1+1", "-Ana", "'Ana", "+1", "@me", "Ana"])
def test_a_name_a_spreadsheet_could_run_is_neutralised_and_reads_back_as_typed(tmp_path, handin, name):
    handin = dataclasses.replace(handin, learner=name)
    path = handin.write(tmp_path / "x.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[1][2] == ("'" + name if name.lstrip("'")[:1] in "=+-@" else name)
    assert read_handin(path).learner == name


def test_a_hand_in_with_unknown_times_is_read(handin):
    data = handin.as_json()
    data["exported"] = None
    for answer in data["answers"].values():
        answer["answered_at"] = None
    back = parse_handin(json.dumps(data).encode(), "x.json")
    assert back.exported is None and all(a.answered_at is None for a in back.answers) and not back.problems
