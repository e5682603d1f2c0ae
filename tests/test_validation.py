"""Exercise files: the real ones are valid; broken ones get errors naming file, line, field and a fix."""

import json
import shutil

import pytest

from medialit.cli import main
from medialit.problems import ExerciseFileError, Severity
from tests.kinds.files import problems_for

GOOD = """\
schema_version: 1
id: broken
type: highlight
skill: disclaimer
title: Find the disclaimer
documents: [article4]
prompt: Select the sentence that says the story is not real.
hints: [Look near the end., Look for the word pseudonyms.]
targets:
  - id: disclaimer
    quote: All names of people and organizations appearing in this story are pseudonyms.
    explanation: This is the disclaimer of Document B.
distractors:
  - id: headline
    quote: Putin Does Not Deny Reports
    explanation: This is a headline, not a disclaimer.
"""


@pytest.fixture
def workspace(tmp_path, project):
    shutil.copytree(project.seeds, tmp_path / "seeds")
    (tmp_path / "exercises").mkdir()
    return tmp_path


def test_the_real_exercises_are_valid(exercise_set):
    assert exercise_set.exercises
    assert not exercise_set.errors


def test_a_good_file_passes(workspace):
    found = problems_for(workspace, GOOD)
    assert [e.id for e in found.exercises] == ["broken"] and not found.problems


def test_straight_quotes_name_file_field_and_nearest_passage(workspace):
    text = GOOD.replace(
        "quote: Putin Does Not Deny Reports",
        'quote: "Russia\'s President Vladimir Putin confirmed"',
    )
    found = problems_for(workspace, text)
    (error,) = found.errors
    assert error.file.endswith("broken.yaml")
    assert error.field == "distractors[0].quote"
    assert error.line == 15
    assert "Russia’s President Vladimir Putin confirmed" in error.fix
    assert "curly quotes" in error.fix
    assert not found.exercises


def test_a_hyphen_for_an_em_dash_is_explained(workspace):
    text = GOOD.replace("documents: [article4]", "documents: [article4, kursk]").replace(
        "quote: Putin Does Not Deny Reports",
        "document: kursk\n    quote: not merely a tactical maneuver-it is a calculated step",
    )
    (error,) = problems_for(workspace, text).errors
    assert "maneuver—it is" in error.fix and "dash" in error.fix


def test_a_quote_across_a_paragraph_break(workspace):
    text = GOOD.replace(
        "quote: Putin Does Not Deny Reports",
        'quote: "are pseudonyms.\\nPutin Does Not Deny"',
    )
    (error,) = problems_for(workspace, text).errors
    assert error.field == "distractors[0].quote" and "paragraph break" in error.message


def test_a_missing_field(workspace):
    text = GOOD.replace("prompt: Select the sentence that says the story is not real.\n", "")
    (error,) = problems_for(workspace, text).errors
    assert "'prompt' is missing" in error.message


def test_an_unknown_exercise_type(workspace):
    (error, *_) = problems_for(workspace, GOOD.replace("type: highlight", "type: essay")).errors
    assert error.field == "type" and "'essay' is not allowed" in error.message and "highlight" in error.message
    assert error.line == 3


def test_an_unknown_field_is_rejected(workspace):
    (error,) = problems_for(workspace, GOOD + "difficulty: hard\n").errors
    assert "difficulty" in error.message


def test_duplicate_item_ids(workspace):
    (error, *_) = problems_for(workspace, GOOD.replace("id: headline", "id: disclaimer")).errors
    assert "used 2 times" in error.message


def test_duplicate_exercise_ids_across_files(workspace):
    problems_for(workspace, GOOD, "a.yaml")
    found = problems_for(workspace, GOOD, "b.yaml")
    (error,) = found.errors
    assert error.file.endswith("b.yaml") and "already used" in error.message
    assert len(found.exercises) == 1


def test_a_pair_pointing_at_a_missing_passage(workspace):
    text = """\
    schema_version: 1
    id: pairs
    type: pairs
    skill: contradictions
    title: Pairs
    documents: [kursk, article4]
    prompt: Link the two sentences that disagree.
    hints: ["One is about the treaty.", "Which article number is named?"]
    targets:
      - id: article
        first: {quote: "the treaty’s Article 5"}
        second: {document: article4, quote: "activation of Article 7"}
        explanation: The two articles name different clauses.
    """
    (error,) = problems_for(workspace, text).errors
    assert error.field == "targets[0].second.quote"
    assert "activation of Article 4" in error.fix


def test_yaml_syntax_errors_have_line_numbers(workspace):
    text = GOOD.replace("title: Find the disclaimer", "title: [unclosed")
    (error,) = problems_for(workspace, text).errors
    assert "not valid YAML" in error.message and error.line is not None and error.line >= 5


def test_allow_none_false_is_accepted(workspace):
    text = GOOD.replace("hints:", "allow_none: false\nhints:")
    assert not problems_for(workspace, text).errors


def test_a_missing_distractor_is_a_warning(workspace):
    text = GOOD[: GOOD.index("distractors:")]
    found = problems_for(workspace, text)
    assert not found.errors
    (warning,) = found.problems
    assert warning.severity is Severity.WARNING and warning.field == "distractors"


def test_require_valid_raises_with_every_problem(workspace):
    found = problems_for(workspace, GOOD.replace("type: highlight", "type: essay"))
    with pytest.raises(ExerciseFileError) as caught:
        found.require_valid()
    assert caught.value.problems == list(found.errors)


def test_cli_lists_all_errors_and_exits_non_zero(workspace, capsys):
    problems_for(workspace, GOOD.replace("type: highlight", "type: essay"), "one.yaml")
    problems_for(workspace, GOOD.replace("id: broken", "id: other").replace("Reports", "Rumours"), "two.yaml")
    assert main(["--root", str(workspace), "validate"]) == 1
    out = capsys.readouterr().out
    assert "one.yaml:3" in out and "two.yaml" in out and "0 exercises valid, 2 errors" in out


def test_cli_json_format(workspace, capsys):
    problems_for(workspace, GOOD)
    assert main(["--root", str(workspace), "validate", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"exercises": ["broken"], "errors": 0, "warnings": 0, "problems": []}
