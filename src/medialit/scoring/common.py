"""Small helpers shared by the exercise types."""

from __future__ import annotations

import math
from typing import Any

from medialit.scoring.results import FormatError

__all__ = ["expect_keys", "expect_list", "net_score", "tidy"]


def expect_keys(raw: Any, allowed: set[str], required: set[str]) -> dict:
    """``raw`` as a dict with only ``allowed`` keys and every ``required`` one, else :class:`FormatError`."""
    if not isinstance(raw, dict):
        raise FormatError(f"an answer must be an object, not {type(raw).__name__}")
    keys = raw.keys()
    if not keys <= allowed:
        raise FormatError(f"unknown answer fields {sorted(keys - allowed)}; expected {sorted(allowed)}")
    if not required <= keys:
        raise FormatError(f"missing answer fields {sorted(required - keys)}")
    return raw


def expect_list(value: Any, name: str) -> list:
    """``value`` if it is a list, else :class:`FormatError`."""
    if not isinstance(value, list):
        raise FormatError(f"{name} must be a list, not {type(value).__name__}")
    return value


def net_score(earned: float, lost: float) -> float:
    """Net-correct: points earned minus points lost, never below zero."""
    return max(0.0, earned - lost)


def tidy(value: float) -> float:
    """``value`` rounded to 9 decimal places, so that a sum of fractions (1/3 + 1/3 + 1/3, or 4 − 3 × 4/3) comes out
    exact. Computed as ``floor(value · 10⁹ + 0.5) / 10⁹``, the same steps as the JS mirror."""
    return math.floor(value * 1e9 + 0.5) / 1e9
