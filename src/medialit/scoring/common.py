"""Small helpers shared by the exercise kinds."""

from __future__ import annotations

import math
from typing import Any

from medialit.scoring.results import FormatError

__all__ = ["expect_id", "expect_keys", "expect_list", "js_sorted", "json_type", "net_score", "tidy"]


def json_type(value: Any) -> str:
    """What kind of JSON value ``value`` is, in words (the front-end says the same of the same value)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "something else"


def js_sorted(names: set[str]) -> list[str]:
    """``names`` in the order JavaScript's plain ``sort()`` gives (by UTF-16 code unit), so both sides agree."""
    return sorted(names, key=lambda name: name.encode("utf-16-be", "surrogatepass"))


def expect_keys(
    raw: Any, allowed: tuple[str, ...], required: tuple[str, ...], name: str = "an answer"
) -> dict[str, Any]:
    """``raw`` as a dict with only ``allowed`` keys and every ``required`` one, else :class:`FormatError`."""
    if not isinstance(raw, dict):
        raise FormatError("not_object", name=name, type=json_type(raw))
    unknown = {key for key in raw if key not in allowed}
    if unknown:
        raise FormatError("unknown_fields", fields=js_sorted(unknown), expected=list(allowed))
    missing = [key for key in required if key not in raw]
    if missing:
        raise FormatError("missing_fields", fields=missing)
    return raw


def expect_list(value: Any, name: str) -> list[Any]:
    """``value`` if it is a list, else :class:`FormatError`."""
    if not isinstance(value, list):
        raise FormatError("not_list", name=name, type=json_type(value))
    return value


def expect_id(value: Any, known: set[str] | dict[str, int], code: str) -> str:
    """``value`` if it is one of the ``known`` ids, else :class:`FormatError` ``code`` (or ``not_id``)."""
    if not isinstance(value, str):
        raise FormatError("not_id", type=json_type(value))
    if value not in known:
        raise FormatError(code, id=value)
    return value


def net_score(earned: float, lost: float) -> float:
    """Net-correct: points earned minus points lost, never below zero."""
    return max(0.0, earned - lost)


def tidy(value: float) -> float:
    """``value`` rounded to 9 decimal places, so that a sum of fractions (1/3 + 1/3 + 1/3, or 4 − 3 × 4/3) comes out
    exact. Computed as ``floor(value · 10⁹ + 0.5) / 10⁹``, the same steps as the JS mirror."""
    return math.floor(value * 1e9 + 0.5) / 1e9
