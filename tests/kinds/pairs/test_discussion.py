"""Discussion pairs: pairs on which careful readers differ are accepted linked or not, and cost nothing."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.model import Exercise, ExerciseType, Target
from medialit.scoring import Verdict
from tests.kinds import made_up
from tests.kinds.made_up import anchor, units


def pairs_with_discussion() -> Exercise:
    return made_up.exercise(
        ExerciseType.PAIRS,
        documents=("d", "e"),
        units=units(4, "d") + units(4, "e"),
        targets=(Target("art", (anchor("d:1.1"), anchor("e:2.1", "e:3.1")), "Article 4 or 5"),),
        discussions=(Target("open", (anchor("d:2.1", "d:3.1"), anchor("e:1.1")), "Two fair readings."),),
    )


DISCUSSION_PAIRS = [["d:2.1", "e:1.1"], ["e:1.1", "d:3.1"]]


def test_a_discussion_pair_is_accepted_either_way_and_always_explained():
    exercise = pairs_with_discussion()
    for pairs in ([], DISCUSSION_PAIRS[:1], DISCUSSION_PAIRS):
        result = scoring.score(exercise, {"pairs": pairs})
        assert (result.score, result.max_score) == (0, 1)
        assert [(i.id, i.verdict, i.credit) for i in result.items] == [
            ("art", Verdict.MISSED, 0.0),
            ("open", Verdict.DISCUSSION, 0.0),
        ]
        assert result.items[1].explanation == "Two fair readings."
        assert result.items[1].units == ("d:2.1", "d:3.1", "e:1.1")
    right = scoring.score(exercise, {"pairs": [["d:1.1", "e:3.1"], *DISCUSSION_PAIRS]})
    assert right.score == right.max_score == 1


@st.composite
def pair_answers(draw):
    exercise = pairs_with_discussion()
    every = [list(p) for p in itertools.combinations(exercise.unit_ids, 2)]
    return draw(st.lists(st.sampled_from(every), max_size=12, unique_by=lambda p: tuple(sorted(p))))


@settings(max_examples=200)
@given(pair_answers(), st.lists(st.sampled_from(DISCUSSION_PAIRS), max_size=2))
def test_discussion_pairs_never_change_the_score(pairs, extra):
    exercise = pairs_with_discussion()
    plain = [p for p in pairs if sorted(p) not in [sorted(d) for d in DISCUSSION_PAIRS]]
    base = scoring.score(exercise, {"pairs": plain})
    assert 0 <= base.score <= base.max_score
    assert scoring.score(exercise, {"pairs": plain + extra}).score == base.score


def test_linking_everything_or_nothing_scores_zero_on_every_real_pairs_exercise(exercise_set):
    for exercise in exercise_set.exercises:
        if exercise.type is not ExerciseType.PAIRS:
            continue
        every = [list(p) for p in itertools.combinations(exercise.unit_ids, 2)]
        assert scoring.score(exercise, {"pairs": every}).score == 0, exercise.id
        assert scoring.score(exercise, {"pairs": []}).score == 0, exercise.id
        linked = [[d.anchors[0].units[0], d.anchors[1].units[0]] for d in exercise.discussions]
        assert scoring.score(exercise, {"pairs": linked}).score == 0, exercise.id
