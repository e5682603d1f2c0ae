"""Each kind's answers for the tests, found by the kind's name: ``tests/kinds/<kind>/answers.py`` holds its empty
answer, hypothesis strategies for well-formed and noisy answers, and how to enter an answer with the keyboard."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

__all__ = ["JUNK", "answers_for", "mostly", "with_noise"]

# Things that are not ids: every JSON kind, but no integral float (a browser cannot tell 2.0 from 2).
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([1.5, -0.25, 1e-07, 0.1, 123456.789, 2.5e-300]),
    st.text(st.characters(blacklist_categories=("Cs", "Cn")), max_size=6),
    st.lists(st.integers(0, 2), max_size=2),
    st.dictionaries(st.sampled_from(["a", "unit"]), st.integers(0, 1), max_size=2),
)


def answers_for(kind: str) -> ModuleType:
    """The answers module of ``kind``."""
    return importlib.import_module(f"tests.kinds.{kind}.answers")


def mostly(values: list[Any], junk: st.SearchStrategy[Any] = JUNK) -> st.SearchStrategy[Any]:
    """Mostly one of ``values``, sometimes junk."""
    good = st.sampled_from(values) if values else st.nothing()
    return st.one_of(good, good, good, good, junk)


def with_noise(answer: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A well-formed-looking answer, sometimes with an extra field, sometimes replaced by junk."""
    return st.one_of(answer, answer, answer, answer.map(lambda a: {**a, "extra": 1}), JUNK)
