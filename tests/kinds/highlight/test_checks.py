"""Highlight's own validation: more targets than innocent sentences is fine, every sentence a target is not, and
`also_accept` names other labels of the exercise."""

from medialit.kinds.highlight import scoring as highlight
from tests.kinds.files import SHORT_TARGETS, problems_for, short_case, short_workspace


def test_a_source_heavy_text_may_have_more_targets_than_innocent_sentences(workspace):
    found = problems_for(short_workspace(workspace), short_case())
    assert not found.errors, found.errors
    (exercise,) = found.exercises
    assert len(exercise.units) == 8 and len(exercise.targets) == 6
    assert highlight.weight(exercise) == 3  # 6 targets, 2 innocent sentences


def test_an_exercise_where_every_sentence_is_a_target_is_an_error(workspace):
    every = [
        *SHORT_TARGETS,
        ("mayor-said", "The mayor spoke", "Spoke about what?", "group"),
        ("may", "The plan began in May.", "Which May? No year is given.", "group"),
    ]
    found = problems_for(short_workspace(workspace), short_case(every))
    # The case's distractor sits in the mayor's sentence, now a target too: that is an error of its own.
    both, error = found.errors
    assert both.field == "distractors[0].quote" and "keyed both as a target ('mayor-said'" in both.message
    assert error.file.endswith("broken.yaml") and error.field == "targets"
    assert error.message == "the exercise asks nothing: every sentence is a target"
    assert not found.exercises


def test_also_accept_names_other_labels_of_the_exercise(workspace):
    short_workspace(workspace)
    wrong = short_case(labelled=True, also={"officials": ["anon"], "sources": ["anon"], "analysts": ["insiders"]})
    found = problems_for(workspace, wrong)
    assert [(e.field, e.message) for e in found.errors] == [
        ("targets[3].also_accept[0]", "'anon' is already this target's `label`"),
        ("targets[4].also_accept[0]", "unknown label 'insiders'"),
    ]
    found = problems_for(workspace, short_case(labelled=True, also={"officials": ["anon"]}))
    assert not found.errors
    assert found.exercises[0].targets[0].also_accept == ("anon",)
    (error,) = problems_for(workspace, short_case(also={"officials": ["anon"]})).errors
    assert error.field == "targets[0].also_accept[0]" and "no labels" in error.fix
    (error,) = problems_for(workspace, short_case(labelled=True, also={"officials": []})).errors
    assert error.field == "targets[0].also_accept"
