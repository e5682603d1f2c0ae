"""The registry: every kind is one folder holding its Python, its front-end and its schema fragment."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from medialit.kinds import ExerciseType, all_kinds, kind, kind_of
from medialit.kinds.base import Kind
from tests.kinds.answers import answers_for

MEMBERS = [name for name in dir(Kind) if not name.startswith("_")]


def test_every_registered_kind_is_a_folder_with_its_parts():
    folder = resources.files("medialit").joinpath("kinds")
    for member in ExerciseType:
        own = folder.joinpath(member.value)
        for part in ("__init__.py", "view.js", "score.js", "schema.json"):
            assert own.joinpath(part).is_file(), (member, part)
        assert kind(member).type is member
        assert answers_for(member.value).EMPTY, member  # its tests' answers: tests/kinds/<kind>/answers.py
        assert all(folder.joinpath(part).is_file() for part in kind(member).front_end), member
        assert (
            f"{member.value}/view.js" in kind(member).front_end and f"{member.value}/score.js" in kind(member).front_end
        )


def test_every_kind_fulfils_the_contract():
    assert {"parse", "grade", "maximum", "examples", "rule", "key_items", "check", "synthetic", "item_rows"} <= set(
        MEMBERS
    )
    for each in all_kinds():
        for name in MEMBERS:
            assert hasattr(each, name), (each.type, name)


def test_lookup_by_exercise_and_unknown_kinds(exercise_set):
    for exercise in exercise_set.exercises:
        assert kind_of(exercise) is kind(exercise.type) is kind(str(exercise.type))
    with pytest.raises(ValueError):
        kind("essay")


def test_the_js_names_each_kind_registers_are_exported_by_its_files():
    folder = resources.files("medialit").joinpath("kinds")
    for member in ExerciseType:
        assert f"export const {member.value}Score" in folder.joinpath(member.value, "score.js").read_text("utf-8")
        assert f"export const {member.value}View" in folder.joinpath(member.value, "view.js").read_text("utf-8")


def test_item_rows_and_synthetic_answers_fit_every_exercise(exercise_set):
    import random

    from medialit import scoring

    rng = random.Random(1)
    for exercise in exercise_set.exercises:
        rows = kind_of(exercise).item_rows(exercise)
        assert rows and {row_kind for _, row_kind in rows} <= {"target", "view"}, exercise.id
        for ability in (0.0, 0.5, 1.0):
            raw = kind_of(exercise).synthetic(exercise, rng, ability, 2)
            result = scoring.score(exercise, json.loads(json.dumps(raw)))  # JSON-ready, and it parses
            assert 0 <= result.score <= result.max_score, exercise.id
