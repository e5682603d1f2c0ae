"""Split a document into paragraphs and sentences with exact character offsets.

A *unit* is one sentence: the smallest passage a learner can select. Units carry stable ids of the form
``"<slug>:<paragraph>.<sentence>"`` (both 1-based), and ``document.text[unit.start:unit.end] == unit.text``.

The rules are deliberately small and predictable, so an author can see where every unit starts:

* a paragraph is a non-blank line;
* a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or brackets) when whitespace and a
  letter, a digit or an opening quote follow (so a Korean ``.`` ends a sentence as an English one does); an
  abbreviation (:data:`ABBREVIATIONS`, by language) or an initial does not end a sentence;
* ``。！？`` (Chinese, Japanese) and the Arabic ``؟`` and ``۔`` end a sentence with or without a following space;
* an author can list, per text, strings a sentence never ends after (``no_split_after`` in the catalogue), for an
  abbreviation the rules above do not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ABBREVIATIONS", "Unit", "paragraph_spans", "segment", "unit_id"]

_CLOSERS = "\"'’”»)]"
_OPENERS = "\"'‘“«(["
ABBREVIATIONS: dict[str, frozenset[str]] = {
    # English: titles, months and common short forms (lower-case, without the final full stop).
    "en": frozenset(
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
    ),
    # Arabic: "أ.د." (Prof. Dr.) and "ص.ب." (P.O. Box). A single letter before a full stop, such as "د." (Dr.) or
    # "أ." (Prof.), is an abbreviation or an initial like a Latin initial; "م." is left out of that rule, because
    # after a year (AD) it often ends a sentence.
    "ar": frozenset({"أ.د", "ص.ب"}),
    # Hebrew writes its abbreviations with ״ or ' (ד"ר, פרופ'), not with a full stop: they never end a sentence.
    "he": frozenset(),
}
"""Abbreviations that do not end a sentence, by language (each in its own script, so all apply to every text)."""

_ALL_ABBREVIATIONS = frozenset().union(*ABBREVIATIONS.values())
_ARABIC_LETTER = re.compile(r"^[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]$")
# Letters, full stops and Arabic vowel marks (a mark such as the ـًا of طلبًا is part of its word, not a break).
_WORD_BEFORE_STOP = re.compile(r"([\w.\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+)\.$")
_ARABIC_ERA = frozenset({"م"})
"""Single Arabic letters that mark an era after a year (AD), and so may end a sentence."""

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
    word = _WORD_BEFORE_STOP.search(text[: stop + 1])
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True
    if _ARABIC_LETTER.match(token) and token not in _ARABIC_ERA:
        return True
    return token.lower() in _ALL_ABBREVIATIONS


def _kept_together(text: str, match: re.Match[str], no_split_after: tuple[str, ...]) -> bool:
    """Whether the author listed what ends at ``match`` (with or without its closing quotes) as no sentence end."""
    terminators = match.group(0).rstrip(_CLOSERS + "」』")
    for stop in {match.start() + len(terminators), match.end()}:
        for entry in no_split_after:
            begin = stop - len(entry)
            if begin < 0 or text[begin:stop] != entry:
                continue
            # A whole word only: "Bros." is not kept together inside "Ambros.".
            if begin > 0 and entry[0].isalnum() and text[begin - 1].isalnum():
                continue
            return True
    return False


def _sentence_ends(text: str, start: int, end: int, no_split_after: tuple[str, ...]) -> list[int]:
    ends = set()
    for match in _LATIN_END.finditer(text, start, end):
        if not _is_abbreviation(text, match.start()) and not _kept_together(text, match, no_split_after):
            ends.add(match.end())
    for match in _WIDE_END.finditer(text, start, end):
        if not _kept_together(text, match, no_split_after):
            ends.add(match.end())
    ends.add(end)
    return sorted(e for e in ends if start < e <= end)


def segment(slug: str, text: str, no_split_after: tuple[str, ...] = ()) -> list[Unit]:
    """Every sentence of ``text`` as a :class:`Unit`, in reading order; no sentence ends right after a string of
    ``no_split_after`` (the author's list for this text)."""
    units = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(text), start=1):
        cursor = p_start
        sentence = 0
        for stop in _sentence_ends(text, p_start, p_end, no_split_after):
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
