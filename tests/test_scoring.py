"""The scoring engine: every exercise's own examples, worked examples, and properties (hypothesis)."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.model import Anchor, Distractor, Exercise, ExerciseType, Label, Option, Skill, Target
from medialit.scoring import FormatError, Verdict
from medialit.text import Unit

# -- every exercise file through its own examples ------------------------------------------------------------------


def test_every_exercise_passes_its_own_examples(exercise_set):
    for exercise in exercise_set.exercises:
        examples = scoring.examples(exercise)
        right = scoring.score(exercise, examples.correct)
        assert right.score == right.max_score > 0, exercise.id
        wrong = scoring.score(exercise, examples.incorrect)
        assert 0 <= wrong.score < wrong.max_score, exercise.id
        with pytest.raises(FormatError):
            scoring.score(exercise, examples.invalid)


def test_every_exercise_scores_an_empty_answer_zero(exercise_set):
    for exercise in exercise_set.exercises:
        empty = {"highlight": {"marks": []}, "pairs": {"pairs": []}, "choice": {"choices": []}}[exercise.type]
        assert scoring.score(exercise, empty).score == 0, exercise.id


def test_marking_every_sentence_of_a_real_exercise_scores_at_most_half(exercise_set):
    for exercise in exercise_set.exercises:
        if exercise.type is not ExerciseType.HIGHLIGHT:
            continue
        labels = exercise.label_ids or (None,)
        for label in labels:
            marks = [{"unit": u, "label": label} for u in exercise.unit_ids]
            result = scoring.score(exercise, {"marks": marks})
            assert result.score <= result.max_score / 2, (exercise.id, label)


# -- worked examples ---------------------------------------------------------------------------------------------------


def units(n: int, slug: str = "d") -> tuple[Unit, ...]:
    return tuple(Unit(f"{slug}:{i}.1", slug, i, 1, i * 10, i * 10 + 5, f"s{i}") for i in range(1, n + 1))


def anchor(*ids: str) -> Anchor:
    return Anchor(ids[0].split(":")[0], "q", 0, 1, ids)


def highlight(n=6, targets=(), distractors=(), labels=(), allow_none=False) -> Exercise:
    return Exercise(
        id="x", type=ExerciseType.HIGHLIGHT, skill=Skill.SOURCING, title="t", prompt="p", hints=(),
        documents=("d",), units=units(n), targets=tuple(targets), distractors=tuple(distractors),
        labels=tuple(labels), allow_none=allow_none, none_feedback="There is none." if allow_none else "",
    )


def test_partial_credit_by_overlap_and_false_alarms():
    exercise = highlight(targets=[Target("two", (anchor("d:1.1", "d:2.1"),), "spans two"),
                                  Target("one", (anchor("d:4.1"),), "one")],
                         distractors=[Distractor("fine", (anchor("d:5.1"),), "It is fine.")])
    result = scoring.score(exercise, {"marks": [{"unit": "d:1.1"}, {"unit": "d:4.1"}, {"unit": "d:5.1"}]})
    assert result.max_score == 2
    assert result.score == pytest.approx(0.5)  # 0.5 + 1 − 1
    verdicts = {item.id: (item.verdict, item.credit) for item in result.items}
    assert verdicts == {"two": (Verdict.FOUND, 0.5), "one": (Verdict.FOUND, 1.0),
                        "unit:d:5.1": (Verdict.FALSE_ALARM, 1.0)}
    assert result.items[-1].explanation == "It is fine."


def test_labelled_highlight_wrong_kind_is_a_false_alarm():
    kinds = (Label("anon", "Anonymous"), Label("doc", "Secret document"))
    exercise = highlight(targets=[Target("t", (anchor("d:1.1"),), "why", "anon")], labels=kinds)
    wrong = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "doc"}]})
    assert wrong.score == 0
    assert [i.verdict for i in wrong.items] == [Verdict.MISSED, Verdict.FALSE_ALARM]
    assert wrong.items[1].explanation == scoring.MESSAGES["wrong_kind"]
    both = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "doc"}, {"unit": "d:1.1", "label": "anon"}]})
    assert both.score == 0  # tagging every kind does not pay
    with pytest.raises(FormatError, match="needs a kind"):
        scoring.score(exercise, {"marks": [{"unit": "d:1.1"}]})


def test_there_is_none():
    exercise = highlight(allow_none=True)
    assert scoring.score(exercise, {"marks": [], "none": True}).score == 1
    assert scoring.score(exercise, {"marks": []}).score == 0
    assert scoring.score(exercise, {"marks": [{"unit": "d:2.1"}]}).score == 0
    with pytest.raises(FormatError):
        scoring.score(exercise, {"marks": [{"unit": "d:2.1"}], "none": True})
    with_target = highlight(targets=[Target("t", (anchor("d:1.1"),), "why")], allow_none=True)
    claimed = scoring.score(with_target, {"marks": [], "none": True})
    assert claimed.score == 0 and claimed.items[-1].verdict is Verdict.FALSE_ALARM


def pairs_exercise() -> Exercise:
    return Exercise(
        id="p", type=ExerciseType.PAIRS, skill=Skill.CONTRADICTIONS, title="t", prompt="p", hints=(),
        documents=("d", "e"), units=units(4) + units(4, "e"),
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


def choice_exercise(multiple: bool) -> Exercise:
    options = (Option("a", "A", True, "fa"), Option("b", "B", multiple, "fb"),
               Option("c", "C", False, "fc"), Option("d", "D", False, "fd"))
    return Exercise(id="c", type=ExerciseType.CHOICE, skill=Skill.VERIFICATION, title="t", prompt="p", hints=(),
                    documents=(), units=(), options=options, multiple=multiple)


def test_choice_net_correct():
    multiple = choice_exercise(True)
    assert scoring.score(multiple, {"choices": ["a", "b"]}).score == 2
    assert scoring.score(multiple, {"choices": ["a", "c"]}).score == 0
    assert scoring.score(multiple, {"choices": ["a", "b", "c"]}).score == 1
    assert scoring.score(multiple, {"choices": ["a", "b", "c", "d"]}).score == 0
    single = choice_exercise(False)
    wrong = scoring.score(single, {"choices": ["c"]})
    assert wrong.score == 0 and [(i.id, i.verdict) for i in wrong.items] == [
        ("a", Verdict.MISSED), ("c", Verdict.FALSE_ALARM)]
    assert wrong.items[1].explanation == "fc"
    with pytest.raises(FormatError, match="one answer only"):
        scoring.score(single, {"choices": ["a", "b"]})


@pytest.mark.parametrize("raw", [None, [], "marks", {"marks": "d:1.1"}, {"marks": [], "extra": 1},
                                 {"marks": [{"unit": "nope"}]}, {"marks": [], "none": "yes"}, {"marks": [{}]}])
def test_malformed_highlight_answers_are_format_errors(raw):
    with pytest.raises(FormatError):
        scoring.score(highlight(targets=[Target("t", (anchor("d:1.1"),), "why")]), raw)


# -- properties --------------------------------------------------------------------------------------------------------


@st.composite
def highlight_exercises(draw) -> Exercise:
    n = draw(st.integers(2, 30))
    pool = units(n)
    labelled = draw(st.booleans())
    kinds = (Label("k1", "K1"), Label("k2", "K2"), Label("k3", "K3")) if labelled else ()
    n_targets = draw(st.integers(0, n // 2))
    targets = []
    covered: set[str] = set()
    for index in range(n_targets):
        start = draw(st.integers(0, n - 1))
        length = draw(st.integers(1, 3))
        span = tuple(u.id for u in pool[start : start + length])
        if len(covered | set(span)) > n - (len(targets) + 1):
            break  # keep at least as many innocent sentences as targets, as validation requires
        covered |= set(span)
        label = draw(st.sampled_from(kinds)).id if kinds else None
        targets.append(Target(f"t{index}", (anchor(*span),), "why", label))
    return highlight(n, targets, labels=kinds, allow_none=not targets)


@st.composite
def exercise_and_answer(draw):
    exercise = draw(highlight_exercises())
    labels = list(exercise.label_ids) or [None]
    marks = draw(st.lists(st.tuples(st.sampled_from(exercise.unit_ids), st.sampled_from(labels)), max_size=12))
    return exercise, [{"unit": u, "label": lab} for u, lab in marks]


@settings(max_examples=200)
@given(exercise_and_answer())
def test_score_is_within_bounds(case):
    exercise, marks = case
    result = scoring.score(exercise, {"marks": marks})
    assert 0 <= result.score <= result.max_score


@given(highlight_exercises())
def test_the_correct_answer_scores_max(exercise):
    result = scoring.score(exercise, scoring.examples(exercise).correct)
    assert result.score == result.max_score


@given(highlight_exercises())
def test_an_empty_answer_scores_zero(exercise):
    assert scoring.score(exercise, {"marks": []}).score == 0


@given(highlight_exercises(), st.data())
def test_marking_every_sentence_scores_at_most_half(exercise, data):
    labels = list(exercise.label_ids) or [None]
    chosen = data.draw(st.lists(st.sampled_from(labels), min_size=1, unique=True))
    marks = [{"unit": u, "label": lab} for u in exercise.unit_ids for lab in chosen]
    result = scoring.score(exercise, {"marks": marks})
    assert result.score <= result.max_score / 2


@given(exercise_and_answer(), st.randoms())
def test_order_does_not_matter(case, random):
    exercise, marks = case
    shuffled = list(marks)
    random.shuffle(shuffled)
    assert scoring.score(exercise, {"marks": marks}) == scoring.score(exercise, {"marks": shuffled + marks[:1]})


@given(st.lists(st.tuples(st.sampled_from(units(4) + units(4, "e")), st.sampled_from(units(4) + units(4, "e"))),
                max_size=10), st.randoms())
def test_pairs_properties(raw_pairs, random):
    exercise = pairs_exercise()
    pairs = [[a.id, b.id] for a, b in raw_pairs if a.id != b.id]
    result = scoring.score(exercise, {"pairs": pairs})
    assert 0 <= result.score <= result.max_score
    flipped = [list(reversed(p)) for p in pairs]
    random.shuffle(flipped)
    assert scoring.score(exercise, {"pairs": flipped}) == result


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
