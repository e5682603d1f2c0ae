"""Pairs answers for the tests."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.keys import focus_unit, press_in
from tests.kinds.answers import JUNK, mostly, with_noise

EMPTY = {"pairs": []}


def noisy(state: dict):
    """Answers that are often malformed: junk where ids belong, pairs of the wrong size."""
    units = state["unit_ids"]
    pair = st.lists(mostly(units), min_size=2, max_size=2)
    pair = st.one_of(pair, pair, pair, pair, st.lists(mostly(units), max_size=3), JUNK)
    return with_noise(st.fixed_dictionaries({"pairs": st.lists(pair, max_size=4)}))


def well_formed(state: dict):
    """Answers that always parse."""
    pair = st.lists(st.sampled_from(state["unit_ids"]), min_size=2, max_size=2, unique=True)
    return st.lists(pair, max_size=5).map(lambda p: {"pairs": p})


def enter(page, state: dict, answer: dict) -> None:
    """Select the two sentences of each pair and press Add pair, with the keyboard only."""
    for first, second in answer["pairs"]:
        for unit in (first, second):
            focus_unit(page, state["id"], unit)
            page.keyboard.press("Space")
        press_in(page, state["id"], "button.ml-add-pair")
