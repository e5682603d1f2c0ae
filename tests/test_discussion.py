"""Discussion items across kinds: the real exercises, the rule, the browser key and the file format (each kind's
scoring of them is in tests/kinds/pairs and tests/kinds/choice)."""

import shutil
import textwrap

import pytest

from medialit import scoring
from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.model import Skill
from medialit.state import exercise_state
from tests.kinds.choice.test_discussion import choice_with_discussion


def test_the_skill_s_exercises_keep_a_scored_question_and_explain_both_readings(exercise_set):
    skill = [e for e in exercise_set.exercises if e.skill is Skill.CONTRADICTIONS]
    assert {e.id for e in skill} >= {
        "contradictions-a",
        "contradictions-b",
        "contradictions-across",
        "contradiction-or-tension",
        "final-lake-contradictions",
    }
    for exercise in skill:
        assert scoring.max_score(exercise) >= 1, exercise.id
        for item in exercise.discussions:
            assert len(item.explanation.split(". ")) >= 2, (exercise.id, item.id)
        for option in exercise.options:
            assert not (option.discussion and option.correct), (exercise.id, option.id)


def test_the_rule_tells_that_open_questions_cost_nothing(exercise_set):
    assert "open question" in scoring.rule(exercise_set.get("contradictions-b"))
    assert "open question" in scoring.rule(choice_with_discussion())
    assert "open question" not in scoring.rule(exercise_set.get("contradiction-or-tension"))


def test_the_browser_key_carries_discussion_items(exercise_set, catalogue):
    state = exercise_state(exercise_set.get("contradictions-b"), catalogue)
    assert [d["id"] for d in state["key"]["discussions"]] == ["overland-vs-china", "disclaimer-vs-headline"]
    assert [t["id"] for t in state["key"]["targets"]] == ["confirmed-vs-not-deny", "pseudonyms-vs-putin"]
    assert state["max_score"] == 2
    choice = exercise_state(choice_with_discussion(), catalogue)
    assert [o["id"] for o in choice["key"]["options"] if o["discussion"]] == ["open"]
    assert exercise_state(choice_with_discussion(), catalogue, with_key=False)["key"] is None


# -- the file format --------------------------------------------------------------------------------------------------

PAIRS = """\
schema_version: 1
id: open-pairs
type: pairs
skill: contradictions
title: Open pairs
documents: [article4]
prompt: Link the sentences that cannot both be true.
hints: []
targets:
  - id: names
    first:
      quote: All names of people and organizations appearing in this story are pseudonyms.
    second:
      quote: Russia’s President Vladimir Putin confirmed
    explanation: A real name where every name is said to be made up.
  - id: headline
    discussion: true
    first:
      quote: All names of people and organizations appearing in this story are pseudonyms.
    second:
      quote: Putin Does Not Deny Reports
    explanation: Part of the story, or a separate report? Both readings are fair.
distractors:
  - id: rumours
    first:
      quote: rumors of North Korean troops joining Russian ranks in Ukraine
    second:
      quote: North Korean soldiers had indeed arrived in Russian territory
    explanation: Both can be true at once.
"""

CHOICE = """\
schema_version: 1
id: open-choice
type: choice
skill: contradictions
title: Open choice
prompt: Tick every pair that cannot both be true.
hints: []
multiple: true
options:
  - id: right
    text: Right.
    correct: true
    feedback: This one is right.
  - id: wrong
    text: Wrong.
    correct: false
    feedback: This one is wrong.
  - id: open
    text: Open.
    discussion: true
    feedback: Either reading is fair.
"""


@pytest.fixture
def load(tmp_path, project):
    shutil.copytree(project.seeds, tmp_path / "seeds")
    (tmp_path / "exercises").mkdir()

    def run(text: str):
        (tmp_path / "exercises" / "x.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
        return load_exercises(tmp_path / "exercises", Catalogue.load(tmp_path / "seeds" / "catalogue.yaml"))

    return run


def test_discussion_items_are_read_from_the_file(load):
    pairs = load(PAIRS)
    assert not pairs.problems
    (exercise,) = pairs.exercises
    assert [t.id for t in exercise.targets] == ["names"] and [t.id for t in exercise.discussions] == ["headline"]
    choice = load(CHOICE)
    assert not choice.problems
    assert [(o.id, o.correct, o.discussion) for o in choice.exercises[0].options] == [
        ("right", True, False),
        ("wrong", False, False),
        ("open", False, True),
    ]


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (
            PAIRS.replace("  - id: names\n", "  - id: names\n    discussion: true\n"),
            "targets",
            "at least one target pair without `discussion: true`",
        ),
        (CHOICE.replace("multiple: true", "multiple: false"), "options[2].discussion", "needs `multiple: true`"),
        (
            CHOICE.replace("    discussion: true\n", "    discussion: true\n    correct: false\n"),
            "options[2].correct",
            "neither right nor wrong",
        ),
        (CHOICE.replace("    discussion: true\n", ""), "options[2]", "'correct' is missing"),
        (CHOICE.replace("    discussion: true\n", "    discussion: false\n"), "options[2].discussion", "not allowed"),
        (
            CHOICE.replace(
                "  - id: wrong",
                "  - id: right-too\n    text: Also right.\n    correct: true\n"
                "    feedback: This one is right too.\n  - id: wrong",
            ),
            "options",
            "as many wrong ones",
        ),
    ],
)
def test_discussion_mistakes_are_errors(load, text, field, words):
    found = load(text)
    assert not found.exercises
    assert any(p.field == field and words in p.message + p.fix for p in found.errors), found.errors
