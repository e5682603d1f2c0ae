"""Pairs scoring: a worked example and properties (hypothesis)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit import scoring
from medialit.model import Distractor, Exercise, ExerciseType, Target
from medialit.scoring import FormatError
from tests.kinds import made_up
from tests.kinds.made_up import anchor, units


def pairs_exercise() -> Exercise:
    return made_up.exercise(
        ExerciseType.PAIRS,
        documents=("d", "e"),
        units=units(4) + units(4, "e"),
        targets=(Target("art", (anchor("d:1.1"), anchor("e:2.1", "e:3.1")), "Article 4 or 5"),),
        distractors=(Distractor("names", (anchor("d:2.1"), anchor("e:1.1")), "Two names, one treaty."),),
    )


def test_pairs_match_in_either_order_and_distractor_pairs_explain():
    exercise = pairs_exercise()
    assert scoring.score(exercise, {"pairs": [["e:3.1", "d:1.1"]]}).score == 1
    result = scoring.score(exercise, {"pairs": [["d:1.1", "e:2.1"], ["e:1.1", "d:2.1"]]})
    assert result.score == 0
    assert result.items[1].id == "pair:d:2.1|e:1.1" and result.items[1].explanation == "Two names, one treaty."
    with pytest.raises(FormatError):
        scoring.score(exercise, {"pairs": [["d:1.1"]]})


@given(
    st.lists(
        st.tuples(st.sampled_from(units(4) + units(4, "e")), st.sampled_from(units(4) + units(4, "e"))), max_size=10
    ),
    st.randoms(),
)
def test_pairs_properties(raw_pairs, random):
    exercise = pairs_exercise()
    pairs = [[a.id, b.id] for a, b in raw_pairs if a.id != b.id]
    result = scoring.score(exercise, {"pairs": pairs})
    assert 0 <= result.score <= result.max_score
    flipped = [list(reversed(p)) for p in pairs]
    random.shuffle(flipped)
    assert scoring.score(exercise, {"pairs": flipped}) == result
