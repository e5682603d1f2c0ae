"""The JS scoring agrees with Python under Node, without a browser: the shared cases (tests/cases/scoring.json),
every exercise's own examples and random answers (hypothesis), run through the same bundle the book ships."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.frontend import bundle
from medialit.state import exercise_state
from tests.browser.mirror import SYNTHETIC, python_outcome, same, synthetic_state
from tests.kinds.answers import answers_for

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "cases" / "scoring.json"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node is not installed")


def run_in_node(tmp_path: Path, pairs: list[tuple[dict[str, Any], Any]]) -> list[Any]:
    """The bundle's outcome for each (state, raw answer)."""
    (tmp_path / "bundle.mjs").write_text(bundle(), encoding="utf-8")
    (tmp_path / "input.json").write_text(
        json.dumps([{"state": state, "answer": raw} for state, raw in pairs], ensure_ascii=False), encoding="utf-8"
    )
    done = subprocess.run(
        [str(NODE), str(HERE / "run_cases.mjs"), str(tmp_path / "bundle.mjs"), str(tmp_path / "input.json")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    outcomes: list[Any] = json.loads(done.stdout)
    assert len(outcomes) == len(pairs)
    return outcomes


@pytest.fixture
def everything(exercise_set, catalogue):
    """Every exercise of the project and every made-up one, with its state, by id."""
    real = [(e, exercise_state(e, catalogue)) for e in exercise_set.exercises]
    return {e.id: (e, s) for e, s in real + [(e, synthetic_state(e)) for e in SYNTHETIC]}


def test_shared_cases_under_node(tmp_path, everything):
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 20 and any("format_error" in case for case in cases)
    outcomes = run_in_node(tmp_path, [(everything[c["exercise"]][1], c["answer"]) for c in cases])
    for case, js in zip(cases, outcomes, strict=True):
        expected = ["format", case["format_error"]] if "format_error" in case else ["ok", case["result"]]
        assert same(python_outcome(everything[case["exercise"]][0], case["answer"]), expected), case["name"]
        assert same(js, expected), (case["name"], js)


def test_every_exercise_s_examples_under_node(tmp_path, everything):
    pairs = []
    python = []
    for exercise, state in everything.values():
        examples = scoring.examples(exercise)
        for raw in (examples.correct, examples.incorrect, examples.invalid):
            pairs.append((state, raw))
            python.append(python_outcome(exercise, raw))
    outcomes = run_in_node(tmp_path, pairs)
    assert [o[0] for o in outcomes].count("format") == len(everything)  # each invalid example, nothing else
    for (state, raw), p, js in zip(pairs, python, outcomes, strict=True):
        assert same(p, js), (state["id"], raw, p, js)


def test_a_format_error_s_message_comes_from_the_shared_table(tmp_path, everything):
    state = everything["made-up-kinds"][1]
    (outcome,) = run_in_node(tmp_path, [(state, {"marks": [{"unit": "gamma:1.1", "label": "nope"}]})])
    assert outcome[0] == "format"
    assert outcome[1]["code"] == "needs_kind" and outcome[1]["params"] == {
        "unit": "gamma:1.1",
        "kinds": ["anon", "doc"],
    }
    assert outcome[1]["message"] == scoring.FORMAT_MESSAGES["needs_kind"].format(unit="gamma:1.1", kinds="anon, doc")


def test_random_answers_agree_under_node(tmp_path_factory, everything):
    """Batches of random answers to every exercise (mostly well-formed, often malformed) score the same in both."""
    pairs = list(everything.values())
    batches = st.tuples(
        *(
            st.lists(
                st.one_of(kind.well_formed(state), kind.noisy(state)),
                min_size=15,
                max_size=15,
            )
            for _, state in pairs
            for kind in [answers_for(state["type"])]
        )
    )

    @settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(batches)
    def check(drawn):
        asked = [(state, raw) for (_, state), raws in zip(pairs, drawn, strict=True) for raw in raws]
        python = [
            python_outcome(exercise, raw) for (exercise, _), raws in zip(pairs, drawn, strict=True) for raw in raws
        ]
        js = run_in_node(tmp_path_factory.mktemp("node"), asked)
        for (state, raw), p, j in zip(asked, python, js, strict=True):
            assert same(p, j), (state["id"], raw, p, j)

    check()
