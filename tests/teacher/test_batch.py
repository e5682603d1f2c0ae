"""The batch path's shortcuts give exactly what the plain computations give: CSV bytes, tables, answer cache."""

from __future__ import annotations

import gc
import math
from collections import Counter, OrderedDict

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.handin import Answer
from medialit.learner import handin_from_results
from medialit.scoring import Verdict, examples
from medialit.teacher import grade_paths, tables
from medialit.teacher.csvfile import FORMULA_STARTS, neutralise, write_csv
from medialit.teacher.gcdefer import full_gc_deferred
from medialit.teacher.grade import Grader

_TEXT = st.text(st.sampled_from([*"ab ,\"'\n\r\t=+-@é€\u202e"]), max_size=6)
_FLOAT = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, -0.0, 0.1 + 0.2, 1e-7, 1e22, 2 / 3])


@st.composite
def _frames(draw) -> pd.DataFrame:
    rows = draw(st.integers(0, 8))
    kinds = draw(st.lists(st.sampled_from(["text", "object", "float", "int", "bool"]), min_size=2, max_size=5))
    columns = {}
    for number, kind in enumerate(kinds):
        name = draw(_TEXT) + str(number)
        if kind == "text":
            columns[name] = pd.Series(draw(st.lists(_TEXT, min_size=rows, max_size=rows)), dtype="str")
        elif kind == "object":
            columns[name] = pd.Series(draw(st.lists(_TEXT | st.none(), min_size=rows, max_size=rows)), dtype=object)
        elif kind == "float":
            columns[name] = pd.Series(draw(st.lists(_FLOAT, min_size=rows, max_size=rows)), dtype=float)
        elif kind == "int":
            columns[name] = pd.Series(
                draw(st.lists(st.integers(-5, 10**12), min_size=rows, max_size=rows)), dtype="int64"
            )
        else:
            columns[name] = pd.Series(draw(st.lists(st.booleans(), min_size=rows, max_size=rows)), dtype=bool)
    return pd.DataFrame(columns)


def _pandas_csv(frame: pd.DataFrame, path) -> bytes:
    neutralise(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")
    return path.read_bytes()


@settings(max_examples=150, deadline=None)
@given(frame=_frames())
def test_write_csv_writes_the_bytes_pandas_writes(frame, tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    assert write_csv(frame, folder / "fast.csv").read_bytes() == _pandas_csv(frame, folder / "pandas.csv")


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"only": ["", "=x", None]}, dtype=object),
        pd.DataFrame({"a": pd.Categorical(["a", "b"]), "b": [1, 2]}),
        pd.DataFrame({"a": ["x", 1.5], "b": [pd.NA, 2]}, dtype=object),
        pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": ["-", "+"]}),
    ],
)
def test_other_tables_are_written_by_pandas(frame, tmp_path):
    assert write_csv(frame, tmp_path / "fast.csv").read_bytes() == _pandas_csv(frame, tmp_path / "pandas.csv")


def test_neutralise_marks_every_risky_text_cell():
    frame = pd.DataFrame({"text": ["=1", "ok", None, "@a", "=1"], "n": [-1, 2, 3, 4, 5]})
    out = neutralise(frame)
    assert out["text"].fillna("").tolist() == ["'=1", "ok", "", "'@a", "'=1"]
    assert list(out["n"]) == [-1, 2, 3, 4, 5]
    assert not any(str(v).startswith(FORMULA_STARTS) for v in out["text"].dropna())


def test_results_are_every_item_of_every_graded_answer(handin_class, exercise_set):
    grades = grade_paths([handin_class.root], exercise_set)
    skills = {e.id: str(e.skill) for e in exercise_set.exercises}
    expected = [
        (
            learner.learner,
            result.exercise,
            skills[result.exercise],
            item.id,
            str(item.verdict),
            item.credit,
            result.score,
            result.max_score,
            result.exercise in learner.stale,
            -1.0 if first is None else first.score,
            checks,
            result.exercise in learner.revealed,
        )
        for learner in grades.learners
        for result, first, checks in zip(learner.results, learner.first_results, learner.checks, strict=True)
        for item in result.items
    ]
    assert any(row[-3] != row[6] for row in expected) and any(row[-3] >= 0 for row in expected)
    assert any(row[-1] for row in expected) and not all(row[-1] for row in expected)
    frame = tables.results(grades).fillna({"first_score": -1.0})
    assert list(frame.itertuples(index=False, name=None)) == expected


def test_item_analysis_counts_every_item_one_by_one(handin_class, exercise_set):
    grades = grade_paths([handin_class.root], exercise_set)
    upper, lower = tables._groups(grades)
    answered, found, credit, alarms = Counter(), Counter(), Counter(), Counter()
    found_upper, found_lower, chosen = Counter(), Counter(), Counter()
    for index, learner in enumerate(grades.learners):
        for result in learner.results:
            answered[result.exercise] += 1
            for item in result.items:
                key = (result.exercise, item.id)
                alarms[key] += item.verdict is Verdict.FALSE_ALARM
                chosen[key] += item.verdict is Verdict.CHOSEN
                if item.verdict is Verdict.FOUND:
                    found[key] += 1
                    credit[key] += item.credit
                    found_upper[key] += index in upper
                    found_lower[key] += index in lower
    frame = tables.items(grades)
    for row in frame.itertuples(index=False):
        key = (row.exercise, row.item)
        assert row.answered == answered[row.exercise]
        if row.kind == "target":
            assert (row.count, row.mean_credit) == (found[key], credit[key] / answered[row.exercise])
        elif row.kind == "view":  # a reflection: how many chose each view, no score
            assert row.count == chosen[key] and row.mean_credit == 0 and math.isnan(row.discrimination)
        else:
            assert row.count == alarms[key] > 0 and math.isnan(row.mean_credit)
    alarmed = Counter(ex for (ex, _), n in alarms.items() if n)
    assert frame[frame["kind"] == "false_alarm"].groupby("exercise").size().to_dict() == {
        ex: min(n, tables.TOP_FALSE_ALARMS) for ex, n in alarmed.items()
    }


def test_an_empty_class_has_empty_tables(tmp_path, exercise_set):
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    grades = grade_paths([tmp_path], exercise_set)
    assert tables.results(grades).empty and tables.gradebook(grades).empty
    assert list(tables.results(grades).columns) == tables.RESULT_COLUMNS


def test_equal_answers_are_graded_once(exercise_set):
    exercise = next(e for e in exercise_set.exercises if e.targets)
    raw = examples(exercise).correct
    moment = handin_from_results("x", []).exported
    grader = Grader(exercise_set.exercises)
    first, _ = grader.handin(handin_from_results("A", [Answer(exercise.id, "", raw, 0, None, False, moment)]), "a")
    reordered = OrderedDict(reversed(list(raw.items())))
    second, _ = grader.handin(
        handin_from_results("B", [Answer(exercise.id, "", reordered, 0, None, False, moment)]), "b"
    )
    assert first.results[0] is second.results[0]
    assert grader.distinct == 1


def test_full_collections_are_deferred_then_restored():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), full_gc_deferred():
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] > 10**6
        raise RuntimeError
    assert gc.get_threshold() == before


def test_unit_order_follows_the_sentences(exercise_set):
    for exercise in exercise_set.exercises:
        assert list(exercise.unit_order) == list(exercise.unit_ids) == [u.id for u in exercise.units]
        assert [exercise.unit_order[u] for u in exercise.unit_ids] == list(np.arange(len(exercise.units)))
