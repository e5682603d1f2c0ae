"""Highlight scoring: worked examples and properties (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.kinds.highlight import scoring as highlight_engine
from medialit.model import Exercise
from medialit.scoring import FormatError, Verdict
from tests.kinds.made_up import KINDS, Distractor, Target, anchor, highlight, units


def test_partial_credit_by_overlap_and_false_alarms():
    exercise = highlight(
        targets=[Target("two", (anchor("d:1.1", "d:2.1"),), "spans two"), Target("one", (anchor("d:4.1"),), "one")],
        distractors=[Distractor("fine", (anchor("d:5.1"),), "It is fine.")],
    )
    result = scoring.score(exercise, {"marks": [{"unit": "d:1.1"}, {"unit": "d:4.1"}, {"unit": "d:5.1"}]})
    assert result.max_score == 2
    assert result.score == pytest.approx(0.5)  # 0.5 + 1 − 1
    verdicts = {item.id: (item.verdict, item.credit) for item in result.items}
    assert verdicts == {
        "two": (Verdict.FOUND, 0.5),
        "one": (Verdict.FOUND, 1.0),
        "unit:d:5.1": (Verdict.FALSE_ALARM, 1.0),
    }
    assert result.items[-1].explanation == "It is fine."


def test_labelled_highlight_right_sentence_with_another_kind_earns_half_and_names_the_kind():
    exercise = highlight(targets=[Target("t", (anchor("d:1.1"),), "Nobody is named.", "anon")], labels=KINDS)
    wrong = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "doc"}]})
    assert wrong.score == 0.5
    (item,) = wrong.items  # the mark that earned the half costs nothing
    assert (item.id, item.verdict, item.credit) == ("t", Verdict.FOUND, 0.5)
    assert item.explanation == "Right sentence. The kind here is: Anonymous. Nobody is named."
    two_wrong = [{"unit": "d:1.1", "label": "doc"}, {"unit": "d:1.1", "label": "group"}]
    assert scoring.score(exercise, {"marks": two_wrong}).score == 0.5
    both = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "doc"}, {"unit": "d:1.1", "label": "anon"}]})
    assert both.score == 0.5  # ticking a wrong kind beside the right one does not pay
    assert [(i.id, i.verdict, i.credit) for i in both.items] == [
        ("t", Verdict.FOUND, 1.0),
        ("unit:d:1.1@doc", Verdict.FALSE_ALARM, 0.5),
    ]
    assert both.items[1].explanation == scoring.MESSAGES["wrong_kind"]
    every = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": k.id} for k in KINDS]})
    assert every.score == 0
    with pytest.raises(FormatError, match="needs a kind"):
        scoring.score(exercise, {"marks": [{"unit": "d:1.1"}]})


def test_an_accepted_alternative_kind_earns_full_credit_and_is_named():
    target = Target("t", (anchor("d:1.1"),), "Officials with no names.", "group", ("anon",))
    exercise = highlight(targets=[target], labels=KINDS)
    for kind in ("group", "anon"):
        assert scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": kind}]}).score == 1, kind
    both = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "group"}, {"unit": "d:1.1", "label": "anon"}]})
    assert both.score == 1 and len(both.items) == 1
    half = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "doc"}]})
    assert half.score == 0.5
    assert half.items[0].explanation.startswith("Right sentence. The kind here is: Vague group, or Anonymous.")


def test_a_sentence_holding_two_targets():
    exercise = highlight(
        targets=[Target("a", (anchor("d:1.1"),), "why a", "anon"), Target("b", (anchor("d:1.1"),), "why b", "doc")],
        labels=KINDS,
    )

    def score(*kinds):
        return scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": k} for k in kinds]})

    assert score("anon", "doc").score == 2
    only_one = score("anon")  # the other target's kind does not earn this one half
    assert only_one.score == 1 and only_one.items[1].verdict is Verdict.MISSED
    assert score("group").score == 1  # a kind neither takes: half for each
    assert score("anon", "group").score == 1.5  # the wrong kind earns the second target its half, for free
    assert score("anon", "doc", "group").score == 1.5  # beside two right kinds it costs half


def test_a_mark_on_another_kind_elsewhere_in_a_long_target():
    exercise = highlight(targets=[Target("t", (anchor("d:1.1", "d:2.1"),), "why", "anon")], labels=KINDS)
    result = scoring.score(exercise, {"marks": [{"unit": "d:1.1", "label": "anon"}, {"unit": "d:2.1", "label": "doc"}]})
    assert result.score == 0.75  # (1 + 0.5) / 2
    assert result.items[0].explanation.startswith("Right sentence.")


def dense(n_targets: int, n_units: int, **fields) -> Exercise:
    """``n_targets`` one-sentence targets on the first sentences of ``n_units``."""
    targets = [Target(f"t{i}", (anchor(f"d:{i}.1"),), "why") for i in range(1, n_targets + 1)]
    return highlight(n_units, targets, **fields)


def test_a_wrong_mark_costs_max_1_or_targets_over_innocent_sentences():
    source_heavy = dense(6, 8, allow_none=True)  # 6 targets, 2 innocent sentences: a wrong mark costs 3
    assert highlight_engine.weight(source_heavy) == 3
    everything = {"marks": [{"unit": u} for u in source_heavy.unit_ids]}
    assert scoring.score(source_heavy, everything).score == 0  # 6 − 2 × 3
    assert scoring.score(source_heavy, {"marks": []}).score == 0
    right = [{"unit": f"d:{i}.1"} for i in range(1, 7)]
    one_wrong = scoring.score(source_heavy, {"marks": [*right, {"unit": "d:7.1"}]})
    assert one_wrong.score == 3 and one_wrong.items[-1].credit == 3
    none = scoring.score(source_heavy, {"marks": [], "none": True})
    assert none.items[-1].verdict is Verdict.FALSE_ALARM and none.items[-1].credit == 3
    assert highlight_engine.weight(dense(3, 5)) == 1.5
    assert highlight_engine.weight(dense(3, 6)) == 1  # I = T
    assert highlight_engine.weight(dense(2, 9)) == 1
    assert highlight_engine.weight(highlight(allow_none=True)) == 1  # no targets: "There is none" is the target


def test_the_rule_tells_what_a_wrong_mark_costs():
    assert "Each wrong mark takes 1 point away." in scoring.rule(dense(2, 6))
    assert "Each wrong mark takes 1.5 points away" in scoring.rule(dense(3, 5))
    assert "Each wrong mark takes 3 points away" in scoring.rule(dense(6, 8))
    assert "about 2.67 points" in scoring.rule(dense(8, 11))
    kinds = highlight(targets=[Target("t", (anchor("d:1.1"),), "why", "anon")], labels=KINDS)
    assert "half a point" in scoring.rule(kinds)
    hidden = scoring.rule(dense(6, 8), tell_cost=False)  # an exam must not tell how many sentences are targets
    assert "3" not in hidden and hidden == scoring.rule(dense(1, 8), tell_cost=False)


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


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        "marks",
        {"marks": "d:1.1"},
        {"marks": [], "extra": 1},
        {"marks": [{"unit": "nope"}]},
        {"marks": [], "none": "yes"},
        {"marks": [{}]},
    ],
)
def test_malformed_highlight_answers_are_format_errors(raw):
    with pytest.raises(FormatError):
        scoring.score(highlight(targets=[Target("t", (anchor("d:1.1"),), "why")]), raw)


# -- properties --------------------------------------------------------------------------------------------------------


@st.composite
def highlight_exercises(draw) -> Exercise:
    """Any highlight exercise validation accepts: T ≥ 0 targets (overlapping, over one to three sentences), at least
    one innocent sentence when there are targets (so T > I happens), kinds with accepted alternatives."""
    n = draw(st.integers(2, 30))
    pool = units(n)
    labelled = draw(st.booleans())
    kinds = KINDS if labelled else ()
    n_targets = draw(st.integers(0, 2 * n))
    targets = []
    covered: set[str] = set()
    for index in range(n_targets):
        start = draw(st.integers(0, n - 1))
        length = draw(st.integers(1, 3))
        span = tuple(u.id for u in pool[start : start + length])
        if len(covered | set(span)) == n:
            continue  # keep one innocent sentence, as validation requires
        covered |= set(span)
        label, also = None, ()
        if kinds:
            label = draw(st.sampled_from(kinds)).id
            others = [k.id for k in kinds if k.id != label]
            also = tuple(draw(st.lists(st.sampled_from(others), unique=True, max_size=2)))
        targets.append(Target(f"t{index}", (anchor(*span),), "why", label, also))
    return highlight(n, targets, labels=kinds, allow_none=not targets)


def mark_lists(exercise: Exercise, max_size: int = 12):
    labels = list(exercise.label_ids) or [None]
    pairs = st.lists(st.tuples(st.sampled_from(exercise.unit_ids), st.sampled_from(labels)), max_size=max_size)
    return pairs.map(lambda marks: [{"unit": u, "label": lab} for u, lab in marks])


@st.composite
def exercise_and_answer(draw):
    exercise = draw(highlight_exercises())
    return exercise, draw(mark_lists(exercise))


def innocent_units(exercise: Exercise) -> list[str]:
    covered = {u for t in exercise.targets for u in t.anchors[0].units}
    return [u for u in exercise.unit_ids if u not in covered]


@settings(max_examples=200, deadline=None)  # the machine is shared: time is no property
@given(exercise_and_answer())
def test_score_is_within_bounds(case):
    exercise, marks = case
    result = scoring.score(exercise, {"marks": marks})
    assert 0 <= result.score <= result.max_score


@settings(deadline=None)
@given(highlight_exercises())
def test_the_correct_answer_scores_max(exercise):
    result = scoring.score(exercise, scoring.examples(exercise).correct)
    assert result.score == result.max_score


@settings(deadline=None)
@given(highlight_exercises())
def test_an_empty_answer_scores_zero(exercise):
    assert scoring.score(exercise, {"marks": []}).score == 0


@settings(deadline=None)
@given(highlight_exercises(), st.data())
def test_marking_every_sentence_with_any_kinds_scores_zero(exercise, data):
    labels = list(exercise.label_ids) or [None]
    chosen = data.draw(st.lists(st.sampled_from(labels), min_size=1, unique=True))
    marks = [{"unit": u, "label": lab} for u in exercise.unit_ids for lab in chosen]
    assert scoring.score(exercise, {"marks": marks}).score == 0
    every_kind = [{"unit": u, "label": lab} for u in exercise.unit_ids for lab in labels]
    assert scoring.score(exercise, {"marks": every_kind}).score == 0


@settings(max_examples=200, deadline=None)  # the machine is shared: time is no property
@given(exercise_and_answer(), st.data())
def test_a_mark_on_an_innocent_sentence_never_raises_the_score(case, data):
    exercise, marks = case
    unit = data.draw(st.sampled_from(innocent_units(exercise)))
    label = data.draw(st.sampled_from(list(exercise.label_ids) or [None]))
    before = scoring.score(exercise, {"marks": marks})
    after = scoring.score(exercise, {"marks": [*marks, {"unit": unit, "label": label}]})
    assert after.score <= before.score
    mark_id = f"unit:{unit}" + (f"@{label}" if label else "")
    (item,) = [i for i in after.items if i.id == mark_id]
    assert item.verdict is Verdict.FALSE_ALARM and item.credit == highlight_engine.weight(exercise) >= 1


@settings(max_examples=200, deadline=None)  # the machine is shared: time is no property
@given(exercise_and_answer(), st.data())
def test_a_wrong_kind_beside_every_right_kind_never_raises_the_score(case, data):
    exercise, marks = case
    if not exercise.labels or not exercise.targets:
        return
    target = data.draw(st.sampled_from(exercise.targets))
    unit = data.draw(st.sampled_from(target.anchors[0].units))
    on_unit = [t for t in exercise.targets if unit in t.anchors[0].units]
    accepted = {k for t in on_unit for k in t.kinds}
    wrong = [k for k in exercise.label_ids if k not in accepted]
    if not wrong:
        return
    right = [{"unit": unit, "label": t.label} for t in on_unit]
    before = scoring.score(exercise, {"marks": [*marks, *right]})
    extra = {"unit": unit, "label": data.draw(st.sampled_from(wrong))}
    after = scoring.score(exercise, {"marks": [*marks, *right, extra]})
    assert after.score <= before.score


@settings(deadline=None)
@given(highlight_exercises())
def test_there_is_none_on_a_text_with_targets_costs_the_weight(exercise):
    result = scoring.score(exercise, {"marks": [], "none": True})
    if exercise.targets:
        assert result.score == 0 and result.items[-1].credit == highlight_engine.weight(exercise)
        assert highlight_engine.weight(exercise) == max(1, len(exercise.targets) / len(innocent_units(exercise)))
    else:
        assert result.score == result.max_score == 1


@settings(deadline=None)
@given(exercise_and_answer(), st.randoms())
def test_order_does_not_matter(case, random):
    exercise, marks = case
    shuffled = list(marks)
    random.shuffle(shuffled)
    assert scoring.score(exercise, {"marks": marks}) == scoring.score(exercise, {"marks": shuffled + marks[:1]})
