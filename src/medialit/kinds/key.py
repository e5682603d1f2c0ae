"""One answer key per exercise, as data (no HTML): each kind's key items plus the takeaway.

The book's answer-key page, ``medialit key`` and the widget's "Show answer" all render this view, so the three
show the same items.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from medialit.kinds import kind_of

if TYPE_CHECKING:
    from medialit.model import Anchor, Exercise

__all__ = ["KeyItem", "KeyRole", "KeyView", "key_view"]


class KeyRole(StrEnum):
    """What an item of the key is."""

    RIGHT = "right"
    """To find, to tick, or the answer "There is none"."""
    OPEN = "open"
    """An open question: either answer is accepted."""
    WRONG = "wrong"
    """Looks suspicious but is fine, or a wrong option."""
    VIEW = "view"
    """A reflection's view: neither right nor wrong."""


@dataclass(frozen=True, slots=True)
class KeyItem:
    """One item of the key."""

    id: str
    """The item's id in its exercise (``none`` for "There is none")."""
    role: KeyRole
    """Right, open, wrong or a view."""
    explanation: str
    """Why, in full."""
    anchors: tuple[Anchor, ...] = ()
    """Its quotes (a pair has two), each with the sentences it covers; empty for an option."""
    option: str | None = None
    """The option's id, for a choice or a reflection."""
    kind: str | None = None
    """The kind's id in a labelled highlight."""
    also: tuple[str, ...] = ()
    """Ids of other kinds accepted as right."""
    text: str | None = None
    """What the item is, in words, when it is neither an option nor sentences (a search result)."""

    @property
    def units(self) -> tuple[tuple[str, ...], ...]:
        """The sentences it is about, one group per quote."""
        return tuple(anchor.units for anchor in self.anchors)

    @property
    def none(self) -> bool:
        """Whether the item is the answer "There is none"."""
        return self.id == "none" and not self.anchors and self.option is None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data for the widget, empty fields left out; sentences by id (the page holds their words)."""
        out: dict[str, Any] = {"id": self.id, "role": str(self.role), "explanation": self.explanation}
        if self.units:
            out["units"] = [list(group) for group in self.units]
        if self.option is not None:
            out["option"] = self.option
        if self.kind is not None:
            out["kind"] = self.kind
        if self.also:
            out["also"] = list(self.also)
        if self.text is not None:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class KeyView:
    """The key to one exercise."""

    exercise: str
    """The exercise id."""
    items: tuple[KeyItem, ...]
    """Its items in the order every key shows them."""
    takeaway: str
    """What to remember."""

    def by_role(self, role: KeyRole) -> tuple[KeyItem, ...]:
        """The items of one role, in order."""
        return tuple(item for item in self.items if item.role is role)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data for the widget's "Show answer"."""
        return {"items": [item.as_dict() for item in self.items], "takeaway": self.takeaway}


def key_view(exercise: Exercise) -> KeyView:
    """The key to ``exercise``."""
    return KeyView(exercise.id, kind_of(exercise).key_items(exercise), exercise.takeaway)
