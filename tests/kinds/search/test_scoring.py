"""The search rule: the verdict earns 1 point when right; the evidence is net-correct (+1 per supporting result,
-1 per weak one, 0 for an open one), never below 0; the searches are recorded, not scored."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.kinds import kind
from medialit.kinds.key import KeyRole, key_view
from medialit.scoring import FormatError, Verdict
from tests.kinds.search.fixture import fixture_exercise


@pytest.fixture(scope="module")
def task(catalogue):
    return fixture_exercise(catalogue)


def answer(verdict, evidence=(), searched=()):
    return {"verdict": verdict, "evidence": list(evidence), "searched": list(searched)}


def test_the_right_verdict_and_the_supporting_result_earn_full_marks(task):
    result = scoring.score(task, answer("refuted", ["atlas-treaty"], ["treaty-text"]))
    assert (result.score, result.max_score) == (2.0, 2.0)
    assert [(i.id, i.verdict, i.credit) for i in result.items] == [
        ("refuted", Verdict.FOUND, 1.0),
        ("atlas-treaty", Verdict.FOUND, 1.0),
    ]


def test_a_weak_source_costs_a_point_and_an_open_one_nothing(task):
    result = scoring.score(task, answer("refuted", ["atlas-treaty", "blog-secret", "lookalike-about"]))
    assert result.score == 1.0 + (1.0 - 1.0)
    verdicts = {i.id: i.verdict for i in result.items}
    assert verdicts == {
        "refuted": Verdict.FOUND,
        "atlas-treaty": Verdict.FOUND,
        "blog-secret": Verdict.FALSE_ALARM,
        "lookalike-about": Verdict.DISCUSSION,
    }
    why = {i.id: i.explanation for i in result.items}
    assert "names no source" in why["blog-secret"]


def test_the_evidence_part_never_goes_below_zero_and_the_verdict_still_counts(task):
    assert scoring.score(task, answer("refuted", ["blog-secret"])).score == 1.0
    wrong = scoring.score(task, answer("confirmed", ["blog-secret"]))
    assert wrong.score == 0.0
    missed = {i.id for i in wrong.items if i.verdict is Verdict.MISSED}
    assert missed == {"refuted", "atlas-treaty"}, "the right verdict and the evidence not ticked are shown as missed"
    assert next(i for i in wrong.items if i.id == "confirmed").credit == 0.0, "a wrong verdict costs nothing"


def test_no_verdict_yet_scores_the_evidence_only(task):
    result = scoring.score(task, answer(None, ["atlas-treaty"]))
    assert result.score == 1.0
    assert [i.id for i in result.items if i.verdict is Verdict.MISSED] == ["refuted"]


def test_searches_are_recorded_not_scored_and_may_be_left_out(task):
    base = scoring.score(task, {"verdict": "refuted", "evidence": ["atlas-treaty"]})
    searched = scoring.score(task, answer("refuted", ["atlas-treaty"], ["treaty-secret", "treaty-text"]))
    assert base == searched
    assert scoring.parse(task, answer("refuted", [], ["treaty-secret", "treaty-text"])).searched == (
        "treaty-secret",
        "treaty-text",
    )


@pytest.mark.parametrize(
    ("raw", "code", "params"),
    [
        ([], "not_object", {"name": "an answer", "type": "a list"}),
        ({"evidence": []}, "missing_fields", {"fields": ["verdict"]}),
        ({"verdict": None, "evidence": [], "choices": []}, "unknown_fields", None),
        ({"verdict": "maybe", "evidence": []}, "no_verdict", {"id": "maybe"}),
        ({"verdict": 3, "evidence": []}, "not_id", {"type": "a number"}),
        ({"verdict": None, "evidence": "atlas-treaty"}, "not_list", {"name": "evidence", "type": "text"}),
        ({"verdict": None, "evidence": ["elsewhere"]}, "no_result", {"id": "elsewhere"}),
        ({"verdict": None, "evidence": ["atlas-treaty", "atlas-treaty"]}, "twice", None),
        ({"verdict": None, "evidence": [], "searched": ["refuted"]}, "no_query", {"id": "refuted"}),
        ({"verdict": None, "evidence": [], "searched": ["treaty-text", "treaty-text"]}, "twice", None),
        ({"verdict": None, "evidence": [], "searched": None}, "not_list", {"name": "searched", "type": "null"}),
        ({"verdict": None, "evidence": [["atlas-treaty"]]}, "not_id", {"type": "a list"}),
    ],
)
def test_malformed_answers_are_format_errors(task, raw, code, params):
    with pytest.raises(FormatError) as caught:
        scoring.parse(task, raw)
    assert caught.value.code == code
    if params is not None:
        assert caught.value.params == params


def test_the_maximum_the_rule_and_the_examples(task):
    assert scoring.max_score(task) == 2.0  # the verdict and one supporting result
    rule = scoring.rule(task)
    assert "A right verdict earns 1 point" in rule and "never goes below 0" in rule
    assert "earns and costs nothing" in rule, "the open result is announced"
    examples = scoring.examples(task)
    assert scoring.score(task, examples.correct).score == 2.0
    assert scoring.score(task, examples.incorrect).score == 0.0
    with pytest.raises(FormatError):
        scoring.parse(task, examples.invalid)


def test_two_right_verdicts_are_both_accepted(task):
    from dataclasses import replace

    both = replace(task, options=tuple(replace(o, correct=o.id != "confirmed") for o in task.options))
    assert scoring.score(both, answer("open", ["atlas-treaty"])).score == 2.0
    assert scoring.score(both, answer("refuted", ["atlas-treaty"])).score == 2.0
    result = scoring.score(both, answer("open"))
    assert not [i for i in result.items if i.verdict is Verdict.MISSED and i.id in ("refuted", "open")]


def test_the_key_lists_the_verdicts_then_every_result_with_why(task):
    view = key_view(task)
    assert [(i.id, i.role) for i in view.items] == [
        ("refuted", KeyRole.RIGHT),
        ("confirmed", KeyRole.WRONG),
        ("open", KeyRole.WRONG),
        ("atlas-treaty", KeyRole.RIGHT),
        ("blog-secret", KeyRole.WRONG),
        ("lookalike-about", KeyRole.OPEN),
    ]
    results = {i.id: i for i in view.items[3:]}
    assert results["blog-secret"].text == "The secret pact nobody told you about (truthwire-daily.example/secret-pact)"
    assert results["blog-secret"].as_dict()["text"] == results["blog-secret"].text


def test_synthetic_answers_follow_ability_and_item_rows_name_what_is_right(task):
    search = kind("search")
    rng = random.Random(4)
    best = search.synthetic(task, rng, 1.0, 0)
    assert best["verdict"] == "refuted" and best["evidence"] == ["atlas-treaty"] and best["searched"]
    assert scoring.score(task, best).score == 2.0
    slipping = search.synthetic(task, rng, 1.0, 1)
    assert "blog-secret" in slipping["evidence"]
    assert search.item_rows(task) == (("refuted", "target"), ("atlas-treaty", "target"))


@settings(max_examples=300, deadline=None)
@given(
    verdict=st.sampled_from(["refuted", "confirmed", "open", None]),
    evidence=st.sets(st.sampled_from(["atlas-treaty", "blog-secret", "lookalike-about"])),
)
def test_the_score_is_the_verdict_plus_the_net_evidence(catalogue, verdict, evidence):
    task = fixture_exercise(catalogue)
    result = scoring.score(task, answer(verdict, sorted(evidence)))
    net = ("atlas-treaty" in evidence) - ("blog-secret" in evidence)
    assert result.score == (verdict == "refuted") + max(0, net)
    assert 0 <= result.score <= result.max_score


def test_the_teacher_s_feedback_pages_name_each_result_by_its_title_and_address(task):
    from medialit.teacher.feedback import _about

    result = scoring.score(task, answer("refuted", ["blog-secret"]))
    about = {item.id: _about(task, item, {}) for item in result.items}
    assert about["refuted"] == "The claim is wrong."
    assert about["blog-secret"] == "The secret pact nobody told you about (truthwire-daily.example/secret-pact)"
