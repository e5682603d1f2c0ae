"""JSON written by learners, read so that nothing in it can crash what comes after.

:func:`loads` is :func:`json.loads` with four guards:

* an object that repeats a key raises :class:`JSONError` (``duplicate-key``): which value was meant cannot be told;
* nesting deeper than :data:`MAX_DEPTH` raises :class:`JSONError` (``too-deep``), whether Python's own parser gives up
  (100,000 ``[``) or the value merely nests more than any hand-in needs;
* ``NaN`` and ``Infinity``, which are not JSON, raise :class:`JSONError` (``not-json``);
* a number that cannot be used is read as the string :data:`TOO_LARGE`: an integer of more than :data:`MAX_DIGITS`
  digits (Python refuses to convert 4,300 and more) or a number beyond the range of a float. Every field that takes a
  number then refuses that string, and no id ever equals it.

Lone surrogates (``"\\ud800"`` escapes, which JSON allows and UTF-8 cannot encode) are left in place by
:func:`loads`; :func:`repair` replaces them with U+FFFD.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "TOO_LARGE", "JSONError", "has_surrogates", "loads", "repair", "too_deep"]

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects read; a hand-in needs 6."""
MAX_DIGITS = 100
"""Longest integer read, in digits; a longer one becomes :data:`TOO_LARGE`."""
TOO_LARGE = "<number too large>"
"""What a number that cannot be used is read as."""

_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_LONG_NUMBER = re.compile("[0-9]{" + str(MAX_DIGITS + 1) + "}")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_LONE = re.compile("[\ud800-\udfff]")


class JSONError(ValueError):
    """JSON that cannot be used although it may parse."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        """``duplicate-key``, ``too-deep`` or ``not-json``."""
        self.message = message
        """What is wrong, in plain words."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise JSONError("duplicate-key", f"the key {_short(key)} appears twice in one object")
            seen.add(key)
    return found


def _integer(text: str) -> int | str:
    return int(text) if len(text) <= MAX_DIGITS + 1 and len(text.lstrip("-")) <= MAX_DIGITS else TOO_LARGE


def _float(text: str) -> float | str:
    value = float(text)
    return value if math.isfinite(value) else TOO_LARGE


def _constant(text: str) -> Any:
    raise JSONError("not-json", f"{text} is not a JSON number")


_PLAIN = json.JSONDecoder(object_pairs_hook=_unique, parse_float=_float, parse_constant=_constant)
_GUARDED = json.JSONDecoder(object_pairs_hook=_unique, parse_float=_float, parse_int=_integer, parse_constant=_constant)


def loads(text: str) -> Any:
    """The value in ``text``; :class:`json.JSONDecodeError` if it is not JSON, :class:`JSONError` if unusable."""
    decoder = _GUARDED if _LONG_NUMBER.search(text) else _PLAIN
    try:
        value = decoder.decode(text)
    except RecursionError:
        raise JSONError("too-deep", f"arrays or objects nested more than {MAX_DEPTH} levels deep") from None
    if too_deep(text):
        raise JSONError("too-deep", f"arrays or objects nested more than {MAX_DEPTH} levels deep")
    return value


def too_deep(text: str) -> bool:
    """Whether arrays and objects nest more than :data:`MAX_DEPTH` deep in ``text``, which must be valid JSON."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets))) > MAX_DEPTH


def has_surrogates(text: str) -> bool:
    """Whether the JSON ``text`` may decode to a lone surrogate (it has a ``\\uD800``-``\\uDFFF`` escape)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def repair(value: Any) -> Any:
    """``value`` with every lone surrogate, in keys and strings, replaced by U+FFFD (``value`` at most 64 deep)."""
    if isinstance(value, str):
        return _LONE.sub("\ufffd", value)
    if isinstance(value, list):
        return [repair(item) for item in value]
    if isinstance(value, dict):
        return {repair(key): repair(item) for key, item in value.items()}
    return value


def _short(text: str, size: int = 40) -> str:
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text[:size])
    return f"'{shown}'" if len(text) <= size else f"'{shown}…'"
