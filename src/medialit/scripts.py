"""A text's language and writing direction, told from the letters it is written in.

``medialit new-case`` writes what :func:`detect` finds into the text's catalogue entry (``lang``, ``dir``), where the
author can change it. The rule is simple, so that an author can predict it: the script with the most letters wins.
Arabic or Hebrew letters give ``ar`` or ``he``, right to left; Hangul gives ``ko``; Japanese kana give ``ja``;
Chinese characters without kana give ``zh``; anything else is taken as English, left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["DEFAULT_LANG", "Direction", "Language", "detect"]

DEFAULT_LANG = "en"
"""The language of a catalogue entry that names none."""


class Direction(StrEnum):
    """The direction a text is written in (HTML's ``dir``)."""

    LTR = "ltr"
    """Left to right, as English, Korean or Japanese."""
    RTL = "rtl"
    """Right to left, as Arabic or Hebrew."""


@dataclass(frozen=True)
class Language:
    """What :func:`detect` found."""

    lang: str
    """A BCP 47 language tag, e.g. ``ar``."""
    dir: Direction
    """The writing direction."""
    script: str
    """The script it was told from, in words (for the message to the author)."""


_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Arabic",
        re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"),
    ),
    ("Hebrew", re.compile(r"[\u05D0-\u05EA\u05F0-\u05F2\uFB1D-\uFB4F]")),
    ("Hangul", re.compile(r"[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]")),
    ("kana", re.compile(r"[\u3041-\u3096\u30A1-\u30FA\u31F0-\u31FF\uFF66-\uFF9D]")),
    ("Chinese characters", re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")),
    ("Latin", re.compile(r"[A-Za-z\u00C0-\u024F]")),
)
_FOUND = {
    "Arabic": Language("ar", Direction.RTL, "Arabic letters"),
    "Hebrew": Language("he", Direction.RTL, "Hebrew letters"),
    "Hangul": Language("ko", Direction.LTR, "Korean letters (Hangul)"),
    "kana": Language("ja", Direction.LTR, "Japanese letters (kana)"),
    "Chinese characters": Language("zh", Direction.LTR, "Chinese characters"),
    "Latin": Language(DEFAULT_LANG, Direction.LTR, "Latin letters, taken as English"),
}
_OTHERWISE = Language(DEFAULT_LANG, Direction.LTR, "no letters")


def detect(text: str) -> Language:
    """The language and direction of ``text``: the script with the most letters decides.

    Japanese mixes kana with Chinese characters, so any kana among Chinese characters make the text Japanese.
    """
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS}
    if counts["kana"] and counts["kana"] + counts["Chinese characters"] >= counts["Latin"]:
        counts["kana"] += counts["Chinese characters"]
    name, count = max(counts.items(), key=lambda item: item[1])
    if count == 0:
        return _OTHERWISE
    return _FOUND.get(name, _OTHERWISE)
