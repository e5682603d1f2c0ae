"""Find the passage of a document that an inexact quote most likely meant."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = ["LookAlike", "Suggestion", "describe_look_alikes", "look_alikes", "nearest_passage"]

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "—": "-",
        "–": "-",
        "‒": "-",
        "−": "-",
        "‐": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "…": "...",
    }
)

_NAMES = {
    "'": "a straight apostrophe '",
    '"': 'a straight quote mark "',
    "‘": "a curly opening quote ‘",
    "’": "a curly apostrophe ’",
    "‚": "a low quote ‚",
    "′": "a prime ′",
    "`": "a backtick `",
    "“": "a curly opening quote “",
    "”": "a curly closing quote ”",
    "„": "a low double quote „",
    "″": "a double prime ″",
    "-": "a hyphen -",
    "—": "a long dash —",
    "–": "a dash –",
    "‒": "a figure dash ‒",
    "−": "a minus sign −",
    "‐": "a hyphen ‐",
    " ": "a space",
    "\u00a0": "a non-breaking space",
    "\u2009": "a thin space",
    "\u202f": "a narrow non-breaking space",
    "…": "an ellipsis …",
    "...": "three dots ...",
}
"""Look-alike characters as an author would name them."""


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
"""Kana and CJK ideographs: scripts written without spaces between words."""


@dataclass(frozen=True)
class LookAlike:
    """A place where the quote has one character and the text a look-alike (a curly quote, a dash, a space)."""

    offset: int
    """Offset of the character in the quote."""
    written: str
    """What the quote has there."""
    text: str
    """What the text has there."""

    def __str__(self) -> str:
        return f"{_name(self.written)} where the text has {_name(self.text)}"


def _name(chars: str) -> str:
    return _NAMES.get(chars, repr(chars))


@dataclass(frozen=True)
class Suggestion:
    """The passage nearest to a quote, and what differs."""

    passage: str
    """The exact text in the document."""
    start: int
    """Offset of the passage in the document."""
    reason: str
    """What is different, in words an author can act on."""
    look_alikes: tuple[LookAlike, ...] = ()
    """Each character of the quote that differs from the text only by a look-alike, in order."""


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
        where.extend([offset] * len(folded))
    return "".join(out), where


def look_alikes(quote: str, passage: str) -> tuple[LookAlike, ...]:
    """The characters of ``quote`` that differ from ``passage`` only by a look-alike (curly for straight quotes,
    dashes, spaces, an ellipsis for three dots)."""
    found: list[LookAlike] = []
    matcher = difflib.SequenceMatcher(a=quote, b=passage, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        written, there = quote[a1:a2], passage[b1:b2]
        if written and there and written.translate(_FOLD) == there.translate(_FOLD):
            found.extend(_pieces(a1, written, there))
    return tuple(found)


def _pieces(offset: int, written: str, there: str) -> list[LookAlike]:
    """``written`` and ``there`` (equal once folded) cut into the characters that stand for each other: one for one,
    or three dots for an ellipsis."""
    out = []
    i = j = 0
    while i < len(written) and j < len(there):
        mine, theirs = written[i].translate(_FOLD), there[j].translate(_FOLD)
        size_w = size_t = 1
        if len(theirs) > len(mine):
            size_w = len(theirs)
        elif len(mine) > len(theirs):
            size_t = len(mine)
        piece_w, piece_t = written[i : i + size_w], there[j : j + size_t]
        if piece_w != piece_t:
            out.append(LookAlike(offset + i, piece_w, piece_t))
        i, j = i + size_w, j + size_t
    return out


def describe_look_alikes(found: tuple[LookAlike, ...], most: int = 4) -> str:
    """``found`` in words: "character 12 of the quote is a straight quote mark " where the text has ..."."""
    parts = [f"character {d.offset + 1} of the quote is {d}" for d in found[:most]]
    more = f", and {len(found) - most} more like these" if len(found) > most else ""
    return "; ".join(parts) + more


def _respaced(text: str) -> str:
    """``text`` with every run of white space one space."""
    return re.sub(r"\s+", " ", text)


_CURLY = set("‘’“”‚„′″`")
_STRAIGHT = set("'\"")
_DASHES = set("—–‒−‐")
_SPACES = set("\u00a0\u2009\u202f")


def _swapped(found: tuple[LookAlike, ...], written: set[str], text: set[str]) -> bool:
    """Whether some character of the quote from ``written`` stands where the text has one from ``text``."""
    return any(d.written in written and d.text in text for d in found)


def _differences(quote: str, passage: str) -> str:
    reasons = []
    found = look_alikes(quote, passage)
    if _swapped(found, _STRAIGHT, _CURLY):
        reasons.append("the text uses curly quotes (‘ ’ “ ”) where the quote has straight ones")
    if _swapped(found, _CURLY, _STRAIGHT):
        reasons.append(
            "the quote has curly quotes (‘ ’ “ ”) where the text has straight ones (' \"); a word processor may have "
            "changed them as you typed"
        )
    if _swapped(found, {"-"}, _DASHES):
        reasons.append("the text uses a dash (— or –) where the quote has a hyphen")
    if _swapped(found, _DASHES, {"-"}):
        reasons.append("the quote has a dash (— or –) where the text has a hyphen")
    if "\n" in passage.strip():
        reasons.append("the text has a paragraph break inside this passage")
    elif _respaced(quote) != quote or _respaced(passage) != re.sub(r"[\u00a0\u2009\u202f]", " ", passage):
        reasons.append("the spacing or line breaks differ")
    same_but_case = quote.lower().translate(_FOLD) == passage.lower().translate(_FOLD)
    if same_but_case and quote.translate(_FOLD) != passage.translate(_FOLD):
        reasons.append("upper and lower case differ")
    if _swapped(found, {" "}, _SPACES):
        reasons.append("the text has a non-breaking space where the quote has an ordinary one")
    if _swapped(found, {"..."}, {"…"}):
        reasons.append("the text has an ellipsis (…, one character) where the quote has three dots")
    if _swapped(found, {"…"}, {"..."}):
        reasons.append("the quote has an ellipsis (…, one character) where the text has three dots")
    if not reasons:
        reasons.append(_changed_words(quote, passage))
    return "; ".join(reasons)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Spans of words and punctuation marks; one character each in scripts written without spaces."""
    if len(text.split()) <= 1 and len(text) > 1:
        return [(i, i + 1) for i in range(len(text))]
    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def _changed_words(quote: str, passage: str, most: int = 3) -> str:
    """The first few words that differ, as "the quote has X where the text has Y"."""
    mine, theirs = _tokens(quote), _tokens(passage)
    folded_mine = [quote[a:b].translate(_FOLD).lower() for a, b in mine]
    folded_theirs = [passage[a:b].translate(_FOLD).lower() for a, b in theirs]
    changes = []
    matcher = difflib.SequenceMatcher(a=folded_mine, b=folded_theirs, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        wrote = quote[mine[a1][0] : mine[a2 - 1][1]] if a2 > a1 else ""
        has = passage[theirs[b1][0] : theirs[b2 - 1][1]] if b2 > b1 else ""
        if not wrote:
            changes.append(f"the text has {has!r} where the quote has nothing")
        elif not has:
            changes.append(f"the quote has {wrote!r} where the text has nothing")
        else:
            changes.append(f"the quote has {wrote!r} where the text has {has!r}")
    if not changes:
        return "some characters differ"
    more = f", and {len(changes) - most} more differences" if len(changes) > most else ""
    return "; ".join(changes[:most]) + more


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
        return _suggestion(quote, passage, start)
    return _fuzzy(text, folded_text, where, folded_quote, quote)


def _unspaced_starts(text: str) -> list[int]:
    """Every position inside a run of a script written without spaces (Chinese, Japanese), where words can start."""
    return [m.start() for m in _UNSPACED.finditer(text)]


def _inside_word(text: str, at: int) -> bool:
    """Whether ``at`` falls between two letters of one word (scripts written without spaces have no such place)."""
    before, after = text[at - 1], text[at]
    return before.isalnum() and after.isalnum() and not _UNSPACED.match(after)


def _fuzzy(text: str, folded_text: str, where: list[int], folded_quote: str, quote: str) -> Suggestion:
    size = len(folded_quote)
    starts = sorted({0, *(m.end() for m in re.finditer(r"\s+", folded_text)), *_unspaced_starts(folded_text)})
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
    while end < len(folded_text) and _inside_word(folded_text, end):
        end += 1  # never stop in the middle of a word
    start = where[begin]
    stop = where[end - 1] + 1
    passage = text[start:stop].strip()
    return _suggestion(quote, passage, start)


def _suggestion(quote: str, passage: str, start: int) -> Suggestion:
    return Suggestion(
        passage=passage, start=start, reason=_differences(quote, passage), look_alikes=look_alikes(quote, passage)
    )
