"""Whatever slip breaks an exercise file's YAML, the message is in plain words, points at a line of the file, and
never raises."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.authoring.yamlmistakes import syntax_problem
from tests.authoring.test_yaml_mistakes import JARGON

ROOT = Path(__file__).resolve().parents[2]
STARTER = (ROOT / "src" / "medialit" / "templates" / "case-contradictions.yaml").read_text(encoding="utf-8")
SLIPS = [":", ": ", '"', "'", "\t", " ", "  ", "- ", "#", "\n", "“", "{", "[", ">-"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(STARTER)), st.sampled_from(SLIPS), st.booleans()),
        min_size=1,
        max_size=3,
    )
)
def test_any_slip_gets_a_plain_message(slips):
    text = STARTER
    for at, slip, insert in slips:
        at = min(at, len(text))
        text = text[:at] + slip + text[at:] if insert else text[:at] + text[at + len(slip) :]
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as error:
        problem = syntax_problem(Path("exercise.yaml"), text, error)
    else:
        return
    words = problem.message + problem.fix
    assert problem.message.startswith("this is not valid YAML: ") and problem.fix
    assert not [j for j in JARGON if j in words], words
    assert problem.line is not None and 1 <= problem.line <= max(1, len(text.splitlines()))
