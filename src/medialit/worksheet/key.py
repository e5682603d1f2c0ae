"""The key to a worksheet (or to the whole book) as data: per exercise the right sentence numbers with their kinds,
the right pairs or options, and each explanation shortened to one or two sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.kinds.key import KeyItem as ViewItem
from medialit.kinds.key import KeyRole, key_view
from medialit.model import Anchor, Exercise, ExerciseType
from medialit.modes import Mode
from medialit.scoring import max_score
from medialit.state import ships_key
from medialit.worksheet.numbers import first_sentences, places

__all__ = ["KeyExercise", "KeyItem", "KeyOption", "KeySheet", "build_key"]


@dataclass(frozen=True)
class KeyItem:
    """A target (to find) or a distractor (looks suspicious, but is fine)."""

    id: str
    """Item id in its exercise."""
    where: str
    """Sentence numbers; a pair's two places joined by " + "."""
    kind: str
    """The kind's name in a labelled highlight, else empty."""
    explanation: str
    """Why, in one or two sentences."""
    also_accepted: tuple[str, ...] = ()
    """Names of the other kinds that also count as right (a target's ``also_accept``)."""


@dataclass(frozen=True)
class KeyOption:
    """One option of a choice exercise."""

    letter: str
    """A, B, C… as on the worksheet."""
    text: str
    """The option as shown."""
    correct: bool
    """Whether ticking it is right."""
    feedback: str
    """Why it is right, in one or two sentences (empty for wrong options)."""
    discussion: bool = False
    """An open question: ticked or not, it is accepted (its feedback gives both readings)."""
    view: bool = False
    """A view of an unscored question: neither right nor wrong."""


@dataclass(frozen=True)
class KeyExercise:
    """The key to one exercise."""

    number: int
    """Its place in the key (and on the matching worksheet), from 1."""
    id: str
    """The exercise id."""
    page: str
    """Title of the book page that embeds it, else empty."""
    kind: ExerciseType
    """highlight, pairs or choice."""
    title: str
    """Short title."""
    points: float
    """The most points it can earn."""
    targets: tuple[KeyItem, ...]
    """What must be found."""
    distractors: tuple[KeyItem, ...]
    """What must not be marked."""
    none_is_right: bool
    """Highlight with nothing to find: "There is none" is the answer."""
    none_feedback: str
    """Why there is none, shortened; empty otherwise."""
    options: tuple[KeyOption, ...]
    """Choice: every option, the right ones marked."""
    multiple: bool
    """Choice: whether several options are right to tick."""
    discussions: tuple[KeyItem, ...] = ()
    """Pairs: open questions, accepted linked or not."""
    takeaway: str = ""
    """What to remember."""
    scored: bool = True
    """Whether the exercise is scored (an exercise whose every item is a view is not)."""
    results: tuple[KeyItem, ...] = ()
    """A search task's results: ``where`` is the result's title and address, ``kind`` says whether it is evidence."""


@dataclass(frozen=True)
class KeySheet:
    """A whole key."""

    title: str
    """What it is the key to."""
    order: str
    """How the exercises are ordered, in words ("lesson order" or "by id")."""
    exercises: tuple[KeyExercise, ...]
    """The exercises in that order."""
    withheld: tuple[str, ...] = ()
    """Titles of the exercises left out: under the assessment setting, their key is never printed."""


EVIDENCE = {KeyRole.RIGHT: "Evidence", KeyRole.WRONG: "Not evidence", KeyRole.OPEN: "Either", KeyRole.VIEW: "View"}
"""How the key names a search result of each role."""


def _where(anchors: Sequence[Anchor], catalogue: Catalogue, several: bool) -> str:
    return " + ".join(places(a.units, catalogue, with_document=several) for a in anchors)


def _exercise(place: int, exercise: Exercise, catalogue: Catalogue, pages: dict[str, str]) -> KeyExercise:
    """The printable form of the exercise's key view (:mod:`medialit.kinds.key`): the same items and takeaway as the
    book's answer key and the widget's "Show answer", with sentence numbers and shortened explanations."""
    several = len(exercise.documents) > 1
    kinds = {label.id: label.name for label in exercise.labels}
    texts = {option.id: option.text for option in exercise.options}
    view = key_view(exercise)

    def row(item: ViewItem) -> KeyItem:
        return KeyItem(
            id=item.id,
            where=_where(item.anchors, catalogue, several),
            kind=kinds.get(item.kind or "", ""),
            explanation=first_sentences(item.explanation),
            also_accepted=tuple(kinds[k] for k in item.also),
        )

    anchored = [item for item in view.items if item.anchors]
    none = next((item for item in view.items if item.none), None)
    return KeyExercise(
        number=place,
        id=exercise.id,
        page=pages.get(exercise.id, ""),
        kind=exercise.type,
        title=exercise.title,
        points=max_score(exercise),
        targets=tuple(row(item) for item in anchored if item.role is KeyRole.RIGHT),
        distractors=tuple(row(item) for item in anchored if item.role is KeyRole.WRONG),
        none_is_right=none is not None,
        none_feedback=first_sentences(none.explanation) if none is not None else "",
        options=tuple(
            KeyOption(
                letter=chr(ord("A") + i),
                text=texts[item.option or ""],
                correct=item.role is KeyRole.RIGHT,
                feedback=first_sentences(item.explanation) if item.role in (KeyRole.RIGHT, KeyRole.OPEN) else "",
                discussion=item.role is KeyRole.OPEN,
                view=item.role is KeyRole.VIEW,
            )
            for i, item in enumerate(i for i in view.items if i.option is not None)
        ),
        multiple=exercise.multiple,
        discussions=tuple(row(item) for item in anchored if item.role is KeyRole.OPEN),
        takeaway=view.takeaway,
        scored=not view.items or any(item.role is not KeyRole.VIEW for item in view.items),
        results=tuple(
            KeyItem(item.id, item.text, EVIDENCE[item.role], first_sentences(item.explanation))
            for item in view.items
            if item.text is not None
        ),
    )


def build_key(
    title: str,
    exercises: Sequence[Exercise],
    catalogue: Catalogue,
    *,
    order: str = "lesson order",
    pages: dict[str, str] | None = None,
) -> KeySheet:
    """The key to ``exercises`` in the order given; ``pages`` maps exercise ids to the titles of their pages.

    An exercise whose key the book does not ship (the assessment setting) is left out and named in ``withheld``.
    """
    shown = [e for e in exercises if ships_key(e, Mode.LEARN)]
    return KeySheet(
        title=title,
        order=order,
        exercises=tuple(_exercise(i, e, catalogue, pages or {}) for i, e in enumerate(shown, start=1)),
        withheld=tuple(e.title for e in exercises if not ships_key(e, Mode.LEARN)),
    )
