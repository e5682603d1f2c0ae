"""Split a document into paragraphs and sentences with exact character offsets.

A *unit* is one sentence: the smallest passage a learner can select. Units carry stable ids of the form
``"<slug>:<paragraph>.<sentence>"`` (both 1-based), and ``document.text[unit.start:unit.end] == unit.text``.

The rules are deliberately small and predictable, so an author can see where every unit starts:

* a paragraph is a non-blank line;
* a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or brackets) when whitespace and a
  capital letter, a digit or an opening quote follow; an abbreviation or an initial does not end a sentence;
* ``。！？`` and the Arabic ``؟`` and ``۔`` end a sentence with or without a following space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Unit", "paragraph_spans", "segment", "unit_id"]

_CLOSERS = "\"'’”»)]"
_OPENERS = "\"'‘“«(["
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "gov",
        "sen",
        "rep",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "approx",
        "dept",
        "univ",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
    }
)
# A Latin terminator closes a sentence only if a space and a plausible sentence start follow.
_LATIN_END = re.compile(
    rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s+(?:[{re.escape(_OPENERS)}]*[\d\w]))",
)
# CJK and Arabic terminators close a sentence whatever follows.
_WIDE_END = re.compile(rf"[。！？؟۔]+[{re.escape(_CLOSERS)}」』]*")


@dataclass(frozen=True)
class Unit:
    """One selectable sentence of a document."""

    id: str
    """Stable id, ``"<slug>:<paragraph>.<sentence>"``."""
    document: str
    """Slug of the document the sentence belongs to."""
    paragraph: int
    """1-based paragraph number."""
    sentence: int
    """1-based sentence number within its paragraph."""
    start: int
    """Offset of the first character in the document text."""
    end: int
    """Offset one past the last character."""
    text: str
    """The sentence, exactly as it stands in the document."""


def unit_id(slug: str, paragraph: int, sentence: int) -> str:
    """The id of sentence ``sentence`` of paragraph ``paragraph`` in document ``slug``."""
    return f"{slug}:{paragraph}.{sentence}"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` belongs to an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    word = re.search(r"([\w.]+)\.$", text[: stop + 1])
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True
    return token.lower() in _ABBREVIATIONS


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = set()
    for match in _LATIN_END.finditer(text, start, end):
        if not _is_abbreviation(text, match.start()):
            ends.add(match.end())
    for match in _WIDE_END.finditer(text, start, end):
        ends.add(match.end())
    ends.add(end)
    return sorted(e for e in ends if start < e <= end)


def segment(slug: str, text: str) -> list[Unit]:
    """Every sentence of ``text`` as a :class:`Unit`, in reading order."""
    units = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(text), start=1):
        cursor = p_start
        sentence = 0
        for stop in _sentence_ends(text, p_start, p_end):
            s_start, s_end = _trim(text, cursor, stop)
            cursor = stop
            if s_start == s_end:
                continue
            sentence += 1
            units.append(
                Unit(
                    id=unit_id(slug, paragraph, sentence),
                    document=slug,
                    paragraph=paragraph,
                    sentence=sentence,
                    start=s_start,
                    end=s_end,
                    text=text[s_start:s_end],
                )
            )
    return units
