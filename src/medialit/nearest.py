"""Find the passage of a document that an inexact quote most likely meant."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = ["Suggestion", "nearest_passage"]

_FOLD = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'",
        "“": '"', "”": '"', "„": '"', "″": '"',
        "—": "-", "–": "-", "‒": "-", "−": "-", "‐": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)


@dataclass(frozen=True)
class Suggestion:
    """The passage nearest to a quote, and what differs."""

    passage: str
    """The exact text in the document."""
    start: int
    """Offset of the passage in the document."""
    reason: str
    """What is different, in words an author can act on."""


def _fold(text: str) -> tuple[str, list[int]]:
    """Text with quotes, dashes, spacing and case folded, and each folded character's original offset."""
    out: list[str] = []
    where: list[int] = []
    previous_space = False
    for offset, char in enumerate(text):
        folded = char.translate(_FOLD).lower()
        if folded.isspace():
            if previous_space:
                continue
            folded = " "
        previous_space = folded == " "
        out.append(folded)
        where.append(offset)
    return "".join(out), where


def _differences(quote: str, passage: str) -> str:
    reasons = []
    if any(c in quote for c in "'\"") and any(c in passage for c in "‘’“”"):
        reasons.append("the text uses curly quotes (‘ ’ “ ”) where the quote has straight ones")
    if "-" in quote and any(c in passage for c in "—–"):
        reasons.append("the text uses a dash (— or –) where the quote has a hyphen")
    if re.sub(r"\s+", " ", quote) != quote or "\n" in passage:
        reasons.append("the spacing or line breaks differ")
    same_but_case = quote.lower().translate(_FOLD) == passage.lower().translate(_FOLD)
    if same_but_case and quote.translate(_FOLD) != passage.translate(_FOLD):
        reasons.append("upper and lower case differ")
    return "; ".join(reasons) or "some words differ"


def nearest_passage(text: str, quote: str) -> Suggestion | None:
    """The passage of ``text`` closest to ``quote``; ``None`` for an empty text or quote."""
    if not text or not quote.strip():
        return None
    folded_text, where = _fold(text)
    folded_quote, _ = _fold(quote.strip())
    hit = folded_text.find(folded_quote)
    if hit >= 0:
        start = where[hit]
        end = where[hit + len(folded_quote) - 1] + 1
        passage = text[start:end]
        return Suggestion(passage=passage, start=start, reason=_differences(quote, passage))
    return _fuzzy(text, folded_text, where, folded_quote, quote)


def _fuzzy(text: str, folded_text: str, where: list[int], folded_quote: str, quote: str) -> Suggestion:
    size = len(folded_quote)
    starts = [0] + [m.end() for m in re.finditer(r"\s+", folded_text)]
    best = (-1.0, 0, min(size, len(folded_text)))
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(folded_quote)
    for begin in starts:
        for length in {size, int(size * 0.9), int(size * 1.1)}:
            end = min(len(folded_text), begin + max(length, 1))
            matcher.set_seq1(folded_text[begin:end])
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, begin, end)
    _, begin, end = best
    start = where[begin]
    stop = where[end - 1] + 1
    passage = text[start:stop].strip()
    return Suggestion(passage=passage, start=start, reason=_differences(quote, passage))
