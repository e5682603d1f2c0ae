"""Highlight answers for the tests."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.keys import focus_unit, press_in
from tests.kinds.answers import JUNK, mostly, with_noise

EMPTY = {"marks": []}


def noisy(state: dict):
    """Answers that are often malformed: junk where ids belong, missing or extra fields."""
    labels = [label["id"] for label in state["labels"]] or [None]
    mark = st.fixed_dictionaries({"unit": mostly(state["unit_ids"])}, optional={"label": mostly(labels)})
    mark = st.one_of(mark, mark, mark, mark, JUNK)
    none = st.one_of(st.booleans(), st.booleans(), JUNK)
    return with_noise(st.fixed_dictionaries({"marks": st.lists(mark, max_size=5)}, optional={"none": none}))


def well_formed(state: dict):
    """Answers that always parse."""
    labels = [label["id"] for label in state["labels"]] or [None]
    mark = st.fixed_dictionaries({"unit": st.sampled_from(state["unit_ids"]), "label": st.sampled_from(labels)})
    marks = st.lists(mark, max_size=6)
    if not state["allow_none"]:
        return marks.map(lambda m: {"marks": m})
    return st.one_of(marks.map(lambda m: {"marks": m, "none": False}), st.just({"marks": [], "none": True}))


def enter(page, state: dict, answer: dict) -> None:
    """Mark the sentences (and tick their kinds), or press "There is none", with the keyboard only."""
    exercise_id = state["id"]
    if answer.get("none"):
        press_in(page, exercise_id, "button.ml-none")
    kinds: dict[str, list[str]] = {}
    for mark in answer["marks"]:
        kinds.setdefault(mark["unit"], []).append(mark["label"])
    labels = [label["id"] for label in state["labels"]]
    for unit, chosen in kinds.items():
        focus_unit(page, exercise_id, unit)
        if not labels:
            page.keyboard.press("Space")
            continue
        for label in dict.fromkeys(chosen):
            page.keyboard.press("Space")  # selects the sentence, or opens its kinds again: the first kind has the focus
            for _ in range(labels.index(label)):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")  # ticks the kind: the picker closes and the sentence has the focus again
