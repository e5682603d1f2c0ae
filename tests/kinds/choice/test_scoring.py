"""Choice scoring: net correct, worked and as properties (hypothesis)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit import scoring
from medialit.model import Exercise, ExerciseType, Option, Skill
from medialit.scoring import FormatError, Verdict
from tests.kinds import made_up


def choice_exercise(multiple: bool) -> Exercise:
    options = (
        Option("a", "A", True, "fa"),
        Option("b", "B", multiple, "fb"),
        Option("c", "C", False, "fc"),
        Option("d", "D", False, "fd"),
    )
    return made_up.exercise(ExerciseType.CHOICE, skill=Skill.VERIFICATION, options=options, multiple=multiple)


def test_choice_net_correct():
    multiple = choice_exercise(True)
    assert scoring.score(multiple, {"choices": ["a", "b"]}).score == 2
    assert scoring.score(multiple, {"choices": ["a", "c"]}).score == 0
    assert scoring.score(multiple, {"choices": ["a", "b", "c"]}).score == 1
    assert scoring.score(multiple, {"choices": ["a", "b", "c", "d"]}).score == 0
    single = choice_exercise(False)
    wrong = scoring.score(single, {"choices": ["c"]})
    assert wrong.score == 0 and [(i.id, i.verdict) for i in wrong.items] == [
        ("a", Verdict.MISSED),
        ("c", Verdict.FALSE_ALARM),
    ]
    assert wrong.items[1].explanation == "fc"
    with pytest.raises(FormatError, match="one answer only"):
        scoring.score(single, {"choices": ["a", "b"]})


@given(st.lists(st.sampled_from("abcd"), unique=True), st.booleans())
def test_choice_properties(choices, multiple):
    exercise = choice_exercise(multiple)
    if not multiple and len(choices) > 1:
        with pytest.raises(FormatError):
            scoring.score(exercise, {"choices": choices})
        return
    result = scoring.score(exercise, {"choices": choices})
    assert 0 <= result.score <= result.max_score
    assert result == scoring.score(exercise, {"choices": list(reversed(choices))})
    if multiple and len(choices) == 4:
        assert result.score <= result.max_score / 2
