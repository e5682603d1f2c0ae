"""Choice answers for the tests (a reflection's are the same)."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.keys import press_in
from tests.kinds.answers import mostly, with_noise

EMPTY = {"choices": []}


def noisy(state: dict):
    """Answers that are often malformed: junk where option ids belong, extra fields."""
    options = [option["id"] for option in state["options"]]
    return with_noise(st.fixed_dictionaries({"choices": st.lists(mostly(options), max_size=4)}))


def well_formed(state: dict):
    """Answers that always parse: one option, or several where the question takes several."""
    options = [option["id"] for option in state["options"]]
    size = len(options) if state["multiple"] else 1
    return st.lists(st.sampled_from(options), max_size=size, unique=True).map(lambda c: {"choices": c})


def enter(page, state: dict, answer: dict) -> None:
    """Tick the options with the keyboard only (in a radio group the arrows move and select)."""
    exercise_id = state["id"]
    chosen = set(answer["choices"])
    ids = [option["id"] for option in state["options"]]
    press_in(page, exercise_id, ".ml-options input", key="Shift")  # Shift alone: only reach the first box
    if state["multiple"]:
        for index, option in enumerate(ids):
            if index:
                page.keyboard.press("Tab")
            if option in chosen:
                page.keyboard.press("Space")
        return
    (wanted,) = chosen
    target = ids.index(wanted)
    if target == 0:
        page.keyboard.press("Space")
    for _ in range(target):
        page.keyboard.press("ArrowDown")
