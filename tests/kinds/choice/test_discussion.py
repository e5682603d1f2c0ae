"""Discussion options: options on which careful readers differ are accepted ticked or not, and cost nothing."""

from hypothesis import given
from hypothesis import strategies as st

from medialit import scoring
from medialit.model import Exercise, ExerciseType, Option
from medialit.scoring import Verdict
from tests.kinds import made_up


def choice_with_discussion() -> Exercise:
    options = (
        Option("a", "A", True, "fa"),
        Option("b", "B", False, "fb"),
        Option("c", "C", False, "fc"),
        Option("open", "O", False, "Either reading is fair.", discussion=True),
    )
    return made_up.exercise(ExerciseType.CHOICE, options=options, multiple=True)


def test_a_discussion_option_is_accepted_either_way_and_always_explained():
    exercise = choice_with_discussion()
    for choices in (["a"], ["a", "open"]):
        result = scoring.score(exercise, {"choices": choices})
        assert (result.score, result.max_score) == (1, 1)
        assert ("open", Verdict.DISCUSSION, 0.0) in [(i.id, i.verdict, i.credit) for i in result.items]
    assert scoring.score(exercise, {"choices": ["open"]}).score == 0
    assert scoring.examples(exercise).incorrect == {"choices": ["b"]}


@given(st.lists(st.sampled_from("abc"), unique=True))
def test_discussion_options_never_change_the_score(choices):
    exercise = choice_with_discussion()
    base = scoring.score(exercise, {"choices": choices})
    assert scoring.score(exercise, {"choices": [*choices, "open"]}).score == base.score


def test_ticking_everything_scores_zero_on_every_real_multiple_choice(exercise_set):
    for exercise in exercise_set.exercises:
        if exercise.type is ExerciseType.CHOICE and exercise.multiple:
            assert scoring.score(exercise, {"choices": [o.id for o in exercise.options]}).score == 0, exercise.id
