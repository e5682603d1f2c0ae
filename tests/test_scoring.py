"""The scoring engine on every exercise file: its own examples, an empty answer, marking everything.

Each kind's worked examples and properties are in ``tests/kinds/<kind>/``.
"""

import pytest

from medialit import scoring
from medialit.model import ExerciseType
from medialit.scoring import FormatError
from tests.kinds.answers import answers_for

# -- every exercise file through its own examples ------------------------------------------------------------------


def test_every_exercise_passes_its_own_examples(exercise_set):
    for exercise in exercise_set.exercises:
        examples = scoring.examples(exercise)
        right = scoring.score(exercise, examples.correct)
        wrong = scoring.score(exercise, examples.incorrect)
        if exercise.type is ExerciseType.REFLECTION:  # no view is right or wrong: never scored
            assert right.score == right.max_score == wrong.score == wrong.max_score == 0, exercise.id
        else:
            assert right.score == right.max_score > 0, exercise.id
            assert 0 <= wrong.score < wrong.max_score, exercise.id
        with pytest.raises(FormatError):
            scoring.score(exercise, examples.invalid)


def test_every_exercise_scores_an_empty_answer_zero(exercise_set):
    for exercise in exercise_set.exercises:
        assert scoring.score(exercise, answers_for(exercise.type).EMPTY).score == 0, exercise.id


def test_marking_every_sentence_of_a_real_exercise_scores_zero(exercise_set):
    for exercise in exercise_set.exercises:
        if exercise.type is not ExerciseType.HIGHLIGHT:
            continue
        labels = exercise.label_ids or (None,)
        for chosen in [*((label,) for label in labels), labels]:
            marks = [{"unit": u, "label": label} for u in exercise.unit_ids for label in chosen]
            result = scoring.score(exercise, {"marks": marks})
            assert result.score == 0, (exercise.id, chosen)
