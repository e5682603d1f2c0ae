"""Search answers for the tests: a verdict, the evidence ticked and the searches run."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from tests.kinds.answers import mostly, with_noise

EMPTY = {"verdict": None, "evidence": [], "searched": []}

# Where the element of the exercise matching a selector lies from the focus: "here", "after" or "before".
WHERE = """([id, selector]) => {
  const target = document.querySelector(`[data-medialit-id='${id}'] ${selector}`);
  if (!target) return 'missing';
  const active = document.activeElement;
  if (active === target) return 'here';
  if (!active || active === document.body) return 'after';
  return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
}"""


def _ids(state: dict, group: str) -> list[str]:
    return [item["id"] for item in state["search"][group]]


def noisy(state: dict):
    """Answers that are often malformed: junk where ids belong, repeated ids, extra fields, missing fields."""
    verdicts = [option["id"] for option in state["options"]]
    return with_noise(
        st.fixed_dictionaries(
            {
                "verdict": mostly([*verdicts, None]),
                "evidence": st.lists(mostly(_ids(state, "results")), max_size=4),
            },
            optional={"searched": st.lists(mostly(_ids(state, "queries")), max_size=3)},
        )
    )


def well_formed(state: dict):
    """Answers that always parse."""
    verdicts = [option["id"] for option in state["options"]]
    return st.fixed_dictionaries(
        {
            "verdict": st.sampled_from([*verdicts, None]),
            "evidence": st.lists(st.sampled_from(_ids(state, "results")), unique=True),
            "searched": st.lists(st.sampled_from(_ids(state, "queries")), unique=True),
        }
    )


def focus(page, exercise_id: str, selector: str, limit: int = 400) -> None:
    """Move the focus to the exercise's element matching ``selector`` with Tab or Shift+Tab only."""
    for _ in range(limit):
        where = page.evaluate(WHERE, [exercise_id, selector])
        if where == "here":
            return
        if where == "missing":
            pytest.fail(f"no {selector} in {exercise_id}")
        page.keyboard.press("Tab" if where == "after" else "Shift+Tab")
    pytest.fail(f"Tab never reached {selector} in {exercise_id}")


def search_by_suggestion(page, state: dict, query_id: str) -> None:
    """Press the suggestion button of a query with the keyboard."""
    index = _ids(state, "queries").index(query_id)
    focus(page, state["id"], f".ml-suggestions button:nth-of-type({index + 1})")
    page.keyboard.press("Enter")


def enter(page, state: dict, answer: dict) -> None:
    """Search by suggestion until each result of the evidence is listed, tick it, then pick the verdict: keyboard
    only."""
    exercise_id = state["id"]
    for result in answer["evidence"]:
        query = next(q for q in state["search"]["queries"] if result in q["results"])
        search_by_suggestion(page, state, query["id"])
        focus(page, exercise_id, f".ml-search-results input[value='{result}']")
        page.keyboard.press("Space")
    if answer["verdict"] is None:
        return
    ids = [option["id"] for option in state["options"]]
    focus(page, exercise_id, ".ml-verdicts input")
    target = ids.index(answer["verdict"])
    if target == 0:
        page.keyboard.press("Space")
    for _ in range(target):
        page.keyboard.press("ArrowDown")
