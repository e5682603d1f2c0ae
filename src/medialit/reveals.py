"""Explanations that give away a later answer: the analysis behind one warning of ``medialit validate``.

An explanation (a target's or distractor's ``explanation``, an option's ``feedback``, ``none_feedback``) should state
only what the learner has already been shown, or what its own exercise is about. A fact that a later exercise asks
for is promised ("you will check this in Check it yourself"), not stated.

The check: the explanation shares a run of :data:`RUN` or more words with the answer of an exercise that comes later
in the book's reading order (the quotes of its targets, the text of its correct options, "There is none") or with
the explanations of those answers. Case and punctuation are ignored. These runs do not count: one made only of
capitalised names, numbers and month names ("Putin", "19 June 2024"), and one the documents themselves hold (the
learner reads them anyway), and one the book's pages hold up to the exercise's own. A later item of the same skill
anchored on the same passage (a follow-up on it) is not compared. An item can acknowledge the warning with
``reveals_ok: "why it is fine"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medialit.model import Exercise
from medialit.problems import Problem, Severity
from medialit.reading_order import BookPage, page_text, reading_order
from medialit.yamlfile import YamlFile, field_path

__all__ = [
    "RUN",
    "Reveal",
    "Text",
    "answer_texts",
    "explanation_texts",
    "find_reveals",
    "reveal_problems",
    "shared_run",
]

RUN = 6
"""Words in a row that count as giving something away."""

MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
"""Month names, which count as dates."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Text:
    """One piece of text in an exercise file."""

    where: tuple[Any, ...]
    """Its field path, e.g. ``("targets", 2, "explanation")``."""
    text: str
    """The words."""
    reveals_ok: str = ""
    """The author's reason why sharing words with a later exercise is fine; empty when none is given."""
    quotes: tuple[str, ...] = ()
    """The document passages its item is anchored on (none for an option)."""


@dataclass(frozen=True)
class Reveal:
    """An explanation that shares a run of words with a later exercise's answer or explanation."""

    exercise: str
    """Id of the exercise whose explanation gives something away."""
    where: tuple[Any, ...]
    """Field path of that explanation."""
    later: str
    """Id of the later exercise."""
    later_where: tuple[Any, ...]
    """Field path of the later answer or explanation."""
    words: str
    """The shared run, as the explanation words it."""


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _key(word: str) -> str:
    return word.replace("’", "'").casefold()


def _name_or_date(word: str) -> bool:
    """A capitalised word, a number or a month name: what a run of names and dates is made of."""
    return word[:1].isupper() or word.isdigit() or _key(word) in MONTHS


def _grams(keys: Sequence[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(keys[i : i + size]) for i in range(len(keys) - size + 1)}


def shared_run(text: str, other: str, size: int = RUN, shown: Iterable[str] = ()) -> str | None:
    """The first run of ``size`` or more words of ``text`` that ``other`` also holds, in ``text``'s own words;
    ``None`` if there is none. A run of names and dates alone does not count, nor one found in a ``shown`` text
    (what the learner has in front of them: the documents)."""
    return _shared_run(text, other, size, _shown_grams(shown, size))


def _shown_grams(shown: Iterable[str], size: int) -> set[tuple[str, ...]]:
    return set().union(*(_grams([_key(w) for w in _words(t)], size) for t in shown))


def _shared_run(text: str, other: str, size: int, seen: set[tuple[str, ...]]) -> str | None:
    """:func:`shared_run` with the ``shown`` runs given as ``seen``."""
    words = _words(text)
    return _run_in(words, [_key(w) for w in words], _grams([_key(w) for w in _words(other)], size), size, seen)


def _run_in(
    words: list[str], keys: list[str], grams: set[tuple[str, ...]], size: int, seen: set[tuple[str, ...]]
) -> str | None:
    """The first run of ``words`` (``keys``: their normalised forms) found in ``grams`` that counts."""
    for start in range(len(keys) - size + 1):
        window = tuple(keys[start : start + size])
        if window not in grams or window in seen or all(_name_or_date(w) for w in words[start : start + size]):
            continue
        end = start + size
        while end < len(keys) and tuple(keys[end - size + 1 : end + 1]) in grams:
            end += 1
        return " ".join(words[start:end])
    return None


def _anchored(item: dict[str, Any]) -> tuple[str, ...]:
    quotes = [item.get("quote")] + [
        (item.get(side) or {}).get("quote") for side in ("first", "second") if isinstance(item.get(side), dict)
    ]
    return tuple(q for q in quotes if isinstance(q, str))


def explanation_texts(data: dict[str, Any]) -> Iterator[Text]:
    """Every explanation in one exercise file's data: target and distractor explanations, option feedback and
    ``none_feedback``."""
    for kind in ("targets", "distractors"):
        for index, item in enumerate(data.get(kind) or ()):
            if isinstance(item, dict) and isinstance(item.get("explanation"), str):
                yield Text(
                    (kind, index, "explanation"), item["explanation"], item.get("reveals_ok") or "", _anchored(item)
                )
    for index, option in enumerate(data.get("options") or ()):
        if isinstance(option, dict) and isinstance(option.get("feedback"), str):
            yield Text(
                ("options", index, "feedback"), option["feedback"], option.get("reveals_ok") or "", _context(data)
            )
    if isinstance(data.get("none_feedback"), str) and data["none_feedback"]:
        yield Text(("none_feedback",), data["none_feedback"], data.get("reveals_ok") or "")


def answer_texts(data: dict[str, Any]) -> Iterator[Text]:
    """What a later exercise asks for: its answers (the quotes of its targets, the text of its correct and
    discussion options, "There is none" where that is right) with their explanations."""
    for index, item in enumerate(data.get("targets") or ()):
        if not isinstance(item, dict):
            continue
        for where, quote in zip(_places(item, ("targets", index)), _anchored(item), strict=True):
            yield Text(where, quote, quotes=_anchored(item))
        if isinstance(item.get("explanation"), str):
            yield Text(("targets", index, "explanation"), item["explanation"], quotes=_anchored(item))
    for index, option in enumerate(data.get("options") or ()):
        if isinstance(option, dict) and (option.get("correct") is True or option.get("discussion") is True):
            for name in ("text", "feedback"):
                if isinstance(option.get(name), str):
                    yield Text(("options", index, name), option[name], quotes=_context(data))
    if not data.get("targets") and data.get("allow_none") and isinstance(data.get("none_feedback"), str):
        yield Text(("none_feedback",), data["none_feedback"])


def _places(item: dict[str, Any], where: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Field paths of an item's quotes, in :func:`_anchored` order."""
    out = [(*where, "quote")] if isinstance(item.get("quote"), str) else []
    return out + [
        (*where, side, "quote")
        for side in ("first", "second")
        if isinstance(item.get(side), dict) and isinstance(item[side].get("quote"), str)
    ]


def _same_passage(text: Text, other: Text) -> bool:
    """Whether two items are anchored on overlapping passages."""
    return any(a in b or b in a for a in text.quotes for b in other.quotes)


def _context(data: dict[str, Any]) -> tuple[str, ...]:
    """The passage a choice question quotes above its options, as the anchor of every option."""
    context = data.get("context")
    quote = context.get("quote") if isinstance(context, dict) else None
    return (quote,) if isinstance(quote, str) else ()


def find_reveals(
    files: dict[str, dict[str, Any]],
    pages: Sequence[BookPage],
    shown: Iterable[str] = (),
    page_texts: Mapping[str, str] | None = None,
    *,
    acknowledged: bool = False,
) -> list[Reveal]:
    """Every explanation that shares a run of words with a later exercise, in reading order.

    ``files`` maps an exercise id to its file's data; exercises on no page of the book are not compared. Runs found
    in what the learner has read by then do not count: the ``shown`` texts (the documents) and, from ``page_texts``
    (page name to text), every page up to the exercise's own. A later item anchored on the same passage asks about
    the same thing again (for the same skill) and is not compared. Items with ``reveals_ok`` are left out unless
    ``acknowledged``.
    """
    page_texts = page_texts or {}
    seen = _shown_grams(shown, RUN)
    order: list[tuple[str, set[tuple[str, ...]]]] = []
    for page in pages:
        seen = seen | _shown_grams([page_texts.get(page.name, "")], RUN)
        order.extend((i, seen) for i in page.exercise_ids if i in files and i not in {o for o, _ in order})
    answers = {
        i: [(text, _grams([_key(w) for w in _words(text.text)], RUN)) for text in answer_texts(files[i])]
        for i, _ in order
    }
    found = []
    for place, (exercise_id, read) in enumerate(order):
        later = [(other, text, grams) for other, _ in order[place + 1 :] for text, grams in answers[other]]
        for text in explanation_texts(files[exercise_id]):
            if text.reveals_ok and not acknowledged:
                continue
            words = _words(text.text)
            keys = [_key(w) for w in words]
            for other, answer, grams in later:
                if _same_passage(text, answer) and files[other].get("skill") == files[exercise_id].get("skill"):
                    continue  # the same skill asked again about the same passage: a follow-up, not a new question
                run = _run_in(words, keys, grams, RUN, read)
                if run is not None:
                    found.append(Reveal(exercise_id, text.where, other, answer.where, run))
                    break
    return found


def reveal_problems(exercises: Iterable[Exercise], book: Path, shown: Iterable[str] = ()) -> tuple[Problem, ...]:
    """One warning per explanation in ``exercises`` that gives a later answer away in ``book``, naming the file, the
    field and the later exercise (``shown``: the documents' texts). The exercise files are read again for their
    field lines and ``reveals_ok``."""
    pages = reading_order(book)
    page_texts = {page.name: page_text(book, page) for page in pages}
    files: dict[str, YamlFile] = {}
    for exercise in exercises:
        try:
            files[exercise.id] = YamlFile.read(Path(exercise.source))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # a file that changed since it was validated: its own problems are reported on the next run
    data = {i: f.data for i, f in files.items() if isinstance(f.data, dict)}
    return tuple(
        Problem(
            file=str(files[r.exercise].path),
            line=files[r.exercise].line_of(r.where),
            field=field_path(r.where),
            message=f"this gives away the answer to {r.later!r}, later in the book: it shares the words "
            f'"{r.words}" with its {field_path(r.later_where)}',
            fix="state only what the learner has already been shown; promise a fact that is checked later "
            '("you will check this in Check it yourself"). If it is fine, say why in `reveals_ok:` on this item',
            severity=Severity.WARNING,
        )
        for r in find_reveals(data, pages, shown, page_texts)
    )
