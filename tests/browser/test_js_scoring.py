"""The JS scoring mirrors the Python engine: same results, same items, same format errors (code, params and
message), in a real browser (tests/js/ runs the shared cases under Node too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.state import exercise_state
from tests.browser.mirror import (
    SYNTHETIC,
    agree,
    js_outcomes,
    python_outcome,
    same,
    scoring_page,
    synthetic_state,
)
from tests.kinds.answers import answers_for

pytestmark = pytest.mark.browser
CASES = Path(__file__).resolve().parents[1] / "cases" / "scoring.json"
BATCHES = 5
BATCH_SIZE = 20  # 5 × 20 = 100 random answers per exercise


@pytest.fixture
def js(page, serve, tmp_path):
    """The guarded page, opened next to the bundle of every kind."""
    name = scoring_page(tmp_path)
    page.goto(f"{serve(tmp_path).url}/{name}")
    yield page
    assert page.external_requests == []
    assert page.console_errors == []


@pytest.fixture
def everything(exercise_set, catalogue):
    """Every exercise of the project and every made-up one, with its state: [(exercise, state)]."""
    real = [(e, exercise_state(e, catalogue)) for e in exercise_set.exercises]
    return real + [(e, synthetic_state(e)) for e in SYNTHETIC]


def test_every_exercise_agrees_on_its_own_examples(js, everything):
    for exercise, state in everything:
        examples = scoring.examples(exercise)
        raws = [examples.correct, examples.incorrect, examples.invalid, answers_for(exercise.type).EMPTY]
        python = [python_outcome(exercise, raw) for raw in raws]
        js_side = js_outcomes(js, state, raws)
        for raw, p, j in zip(raws, python, js_side, strict=True):
            assert same(p, j), (exercise.id, raw, p, j)
        assert python[2][0] == js_side[2][0] == "format", exercise.id
        if exercise.type == "reflection":  # never scored
            assert js_side[0][1]["score"] == js_side[0][1]["max_score"] == 0, exercise.id
        else:
            assert js_side[0][1]["score"] == js_side[0][1]["max_score"] > 0, exercise.id


def test_shared_cases(js, everything):
    by_id = {exercise.id: (exercise, state) for exercise, state in everything}
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 20
    for case in cases:
        exercise, state = by_id[case["exercise"]]
        expected = ["format", case["format_error"]] if "format_error" in case else ["ok", case["result"]]
        assert same(python_outcome(exercise, case["answer"]), expected), case["name"]
        (js_side,) = js_outcomes(js, state, [case["answer"]])
        assert same(js_side, expected), (case["name"], js_side)


# -- random answers (hypothesis) -------------------------------------------------------------------------------------


def answers(state: dict):
    """Random answers for the exercise's kind: mostly well-formed, often malformed."""
    kind = answers_for(state["type"])
    return st.one_of(kind.well_formed(state), kind.well_formed(state), kind.noisy(state))


def agreement(js, exercise, state):
    """A hypothesis test: batches of random answers score the same in both engines."""

    @settings(
        max_examples=BATCHES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(raws=st.lists(answers(state), min_size=BATCH_SIZE, max_size=BATCH_SIZE))
    def check(raws):
        python = [python_outcome(exercise, raw) for raw in raws]
        js_side = js_outcomes(js, state, raws)
        for raw, p, j in zip(raws, python, js_side, strict=True):
            assert agree(p, j), (exercise.id, raw, p, j)

    return check


def test_random_answers_agree(js, everything):
    for exercise, state in everything:
        agreement(js, exercise, state)()


def test_exam_state_cannot_be_scored_but_still_parses(js, exercise_set, catalogue):
    exercise = exercise_set.get("disclaimer-002")
    state = exercise_state(exercise, catalogue, with_key=False)
    outcome = js.evaluate(
        """async (state) => {
          const m = await import("./bundle.js");
          m.parse(state, {marks: []});
          try { m.score(state, {marks: []}); return "scored"; } catch (error) { return error.message; }
        }""",
        state,
    )
    assert "exam" in outcome
