"""Reflection: recorded, every view shown, never scored."""

import pytest

from medialit import scoring
from medialit.model import ExerciseType
from medialit.scoring import FormatError


def test_a_reflection_records_the_view_and_shows_every_view_without_a_score(exercise_set):
    from medialit.scoring.results import Verdict

    reflections = [e for e in exercise_set.exercises if e.type is ExerciseType.REFLECTION]
    assert {e.id for e in reflections} == {"impressions-a", "impressions-b"}
    for exercise in reflections:
        assert scoring.max_score(exercise) == 0
        for option in exercise.options:
            result = scoring.score(exercise, {"choices": [option.id]})
            assert (result.score, result.max_score) == (0, 0)
            assert (result.items[0].id, result.items[0].verdict) == (option.id, Verdict.CHOSEN)
            assert {i.id for i in result.items} == {o.id for o in exercise.options}
            assert all(i.verdict is Verdict.VIEW for i in result.items[1:]) and all(i.explanation for i in result.items)
        with pytest.raises(FormatError):
            scoring.score(exercise, {"choices": [o.id for o in exercise.options[:2]]})
