"""Reflection answers for the tests: a reflection is answered as a single-choice question."""

from __future__ import annotations

from tests.kinds.choice.answers import EMPTY, enter, noisy, well_formed

__all__ = ["EMPTY", "enter", "noisy", "well_formed"]
