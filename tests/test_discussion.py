"""Discussion items: pairs and options on which careful readers differ are accepted either way, and cost nothing."""

import itertools
import shutil
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.model import Anchor, Exercise, ExerciseType, Option, Skill, Target
from medialit.scoring import Verdict
from medialit.state import exercise_state
from medialit.text import Unit


def units(n: int, slug: str) -> tuple[Unit, ...]:
    return tuple(Unit(f"{slug}:{i}.1", slug, i, 1, i * 10, i * 10 + 5, f"s{i}") for i in range(1, n + 1))


def anchor(*ids: str) -> Anchor:
    return Anchor(ids[0].split(":")[0], "q", 0, 1, ids)


def pairs_with_discussion() -> Exercise:
    return Exercise(
        id="p",
        type=ExerciseType.PAIRS,
        skill=Skill.CONTRADICTIONS,
        title="t",
        prompt="p",
        hints=(),
        documents=("d", "e"),
        units=units(4, "d") + units(4, "e"),
        targets=(Target("art", (anchor("d:1.1"), anchor("e:2.1", "e:3.1")), "Article 4 or 5"),),
        discussions=(Target("open", (anchor("d:2.1", "d:3.1"), anchor("e:1.1")), "Two fair readings."),),
    )


def choice_with_discussion() -> Exercise:
    options = (
        Option("a", "A", True, "fa"),
        Option("b", "B", False, "fb"),
        Option("c", "C", False, "fc"),
        Option("open", "O", False, "Either reading is fair.", discussion=True),
    )
    return Exercise(
        id="c",
        type=ExerciseType.CHOICE,
        skill=Skill.CONTRADICTIONS,
        title="t",
        prompt="p",
        hints=(),
        documents=(),
        units=(),
        options=options,
        multiple=True,
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


def test_a_discussion_option_is_accepted_either_way_and_always_explained():
    exercise = choice_with_discussion()
    for choices in (["a"], ["a", "open"]):
        result = scoring.score(exercise, {"choices": choices})
        assert (result.score, result.max_score) == (1, 1)
        assert ("open", Verdict.DISCUSSION, 0.0) in [(i.id, i.verdict, i.credit) for i in result.items]
    assert scoring.score(exercise, {"choices": ["open"]}).score == 0
    assert scoring.examples(exercise).incorrect == {"choices": ["b"]}


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


@given(st.lists(st.sampled_from("abc"), unique=True))
def test_discussion_options_never_change_the_score(choices):
    exercise = choice_with_discussion()
    base = scoring.score(exercise, {"choices": choices})
    assert scoring.score(exercise, {"choices": [*choices, "open"]}).score == base.score


def test_linking_everything_or_nothing_scores_zero_on_every_real_pairs_exercise(exercise_set):
    for exercise in exercise_set.exercises:
        if exercise.type is not ExerciseType.PAIRS:
            continue
        every = [list(p) for p in itertools.combinations(exercise.unit_ids, 2)]
        assert scoring.score(exercise, {"pairs": every}).score == 0, exercise.id
        assert scoring.score(exercise, {"pairs": []}).score == 0, exercise.id
        linked = [[d.anchors[0].units[0], d.anchors[1].units[0]] for d in exercise.discussions]
        assert scoring.score(exercise, {"pairs": linked}).score == 0, exercise.id


def test_ticking_everything_scores_zero_on_every_real_multiple_choice(exercise_set):
    for exercise in exercise_set.exercises:
        if exercise.type is ExerciseType.CHOICE and exercise.multiple:
            assert scoring.score(exercise, {"choices": [o.id for o in exercise.options]}).score == 0, exercise.id


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
