"""Exercise files: the real ones are valid; broken ones get errors naming file, line, field and a fix."""

import hashlib
import json
import shutil
import textwrap

import pytest
import yaml

from medialit.catalogue import Catalogue
from medialit.cli import main
from medialit.exercises import load_exercises
from medialit.kinds.highlight import scoring as highlight
from medialit.problems import ExerciseFileError, Severity

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


def problems_for(workspace, text, name="broken.yaml"):
    (workspace / "exercises" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    return load_exercises(workspace / "exercises", catalogue)


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


def test_a_choice_where_ticking_everything_pays_is_an_error(workspace):
    text = GOOD.replace("hints:", "allow_none: false\nhints:")
    assert not problems_for(workspace, text).errors
    # A choice question where ticking everything would pay.
    choice = """\
    schema_version: 1
    id: quiz
    type: choice
    skill: verification
    title: Quiz
    prompt: Which of these are true?
    hints: []
    multiple: true
    options:
      - {id: a, text: A, correct: true, feedback: Right because of A.}
      - {id: b, text: B, correct: true, feedback: Right because of B.}
      - {id: c, text: C, correct: false, feedback: Wrong because of C.}
    """
    (error,) = problems_for(workspace, choice, "quiz.yaml").errors
    assert "ticking everything" in error.message


SHORT_TEXT = (
    "Officials say the plan works. Experts agree, insiders add. A secret memo confirms it.\n"
    "The mayor spoke on Monday. Sources close to the mayor call it a success.\n"
    "Analysts are said to be impressed. A leaked report backs them. The plan began in May.\n"
)
SHORT_TARGETS = [  # (id, quote, explanation, label): six of the eight sentences
    ("officials", "Officials say the plan works.", "No official is named.", "group"),
    ("experts", "Experts agree, insiders add.", "Which experts? Which insiders?", "group"),
    ("memo", "A secret memo confirms it.", "Nobody can read a secret memo.", "doc"),
    ("sources", "Sources close to the mayor call it a success.", "The sources have no names.", "anon"),
    ("analysts", "Analysts are said to be impressed.", "No analyst is named.", "group"),
    ("leaked", "A leaked report backs them.", "Nobody can read the report.", "doc"),
]
SHORT_LABELS = [
    {"id": "anon", "name": "Anonymous"},
    {"id": "group", "name": "Vague group"},
    {"id": "doc", "name": "Secret document"},
]


def short_case(targets=SHORT_TARGETS, labelled=False, also=None) -> str:
    """A highlight exercise on the eight-sentence text; ``also`` maps target ids to their `also_accept`."""
    data = {
        "schema_version": 1,
        "id": "short",
        "type": "highlight",
        "skill": "sourcing",
        "title": "Who says so?",
        "documents": ["short"],
        "prompt": "Mark every sentence that leans on a source no reader could check.",
        "hints": [],
        "targets": [
            {"id": i, "quote": q, "explanation": e}
            | ({"label": k} if labelled else {})
            | ({"also_accept": (also or {})[i]} if i in (also or {}) else {})
            for i, q, e, k in targets
        ],
        "distractors": [{"id": "mayor", "quote": "on Monday", "explanation": "A named person on a named day."}],
    }
    if labelled:
        data["labels"] = SHORT_LABELS
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def short_workspace(workspace):
    """The workspace with one more document of eight sentences, listed in the catalogue with its checksum."""
    seed = workspace / "seeds" / "short.txt"
    seed.write_text(SHORT_TEXT, encoding="utf-8")
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    with (workspace / "seeds" / "catalogue.yaml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(
            f"  - slug: short\n    label: Document S\n    title: A short text\n    file: short.txt\n"
            f"    sha256: {digest}\n    origin: written-for-module\n"
        )
    return workspace


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
    (error,) = found.errors
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
