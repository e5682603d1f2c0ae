"""The exercise schema is the join of the base and every kind's fragment; the shipped file is that join."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from medialit.exercises import _schema_problems, schema
from medialit.kinds import ExerciseType
from medialit.kinds.schema import JOINED, fragment, joined_schema


def test_the_shipped_schema_is_the_join_of_the_fragments():
    shipped = json.loads(resources.files("medialit").joinpath(JOINED).read_text(encoding="utf-8"))
    assert shipped == joined_schema(), "run: python -m medialit.kinds.schema"
    assert schema() == joined_schema()


def test_the_join_is_a_valid_schema_that_refuses_unknown_fields():
    joined = joined_schema()
    jsonschema.Draft202012Validator.check_schema(joined)
    assert joined["additionalProperties"] is False
    assert joined["properties"]["type"]["enum"] == [member.value for member in ExerciseType]
    assert all(isinstance(field, dict) and field.get("description") for field in joined["properties"].values())


def test_every_field_of_a_fragment_is_described_and_other_kinds_fields_are_refused():
    joined = joined_schema()
    for member in ExerciseType:
        part = fragment(member)
        assert part["description"], member
        for name, field in part.get("properties", {}).items():
            assert field.get("description"), (member, name)
            assert name in joined["properties"], (member, name)
        (branch,) = [b for b in joined["allOf"] if b["if"]["properties"]["type"]["const"] == member.value]
        refused = {name for name, rule in branch["then"]["properties"].items() if rule is False}
        others = {name for m in ExerciseType if m is not member for name in fragment(m).get("properties", {})}
        assert refused == others - set(part.get("properties", {})), member


def test_a_field_of_another_kind_is_refused():
    validator = jsonschema.Draft202012Validator(joined_schema())
    choice = {
        "schema_version": 1,
        "id": "c-1",
        "type": "choice",
        "skill": "sourcing",
        "title": "Choose",
        "prompt": "Choose one of these.",
        "hints": [],
        "options": [
            {"id": "a", "text": "A", "correct": True, "feedback": "Right, a."},
            {"id": "b", "text": "B", "correct": False, "feedback": "Not b."},
        ],
    }
    assert not list(validator.iter_errors(choice))
    wrong = {**choice, "labels": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}]}
    problems = [problem for error in validator.iter_errors(wrong) for problem in _schema_problems(error, wrong)]
    assert [(where, message) for where, message, _ in problems] == [
        (("labels",), "`labels` does not belong in this type of exercise")
    ]
