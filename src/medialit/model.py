"""The compiled, validated form of an exercise. Built by :mod:`medialit.exercises`; read by scoring and views."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from medialit.kinds import ExerciseType
from medialit.text import Unit

__all__ = [
    "SKILL_TITLES",
    "Anchor",
    "Distractor",
    "Exercise",
    "ExerciseType",
    "Label",
    "Option",
    "SearchQuery",
    "SearchResult",
    "Skill",
    "Target",
]


class Skill(StrEnum):
    """The skills exercises are grouped by for per-skill scores."""

    IMPRESSIONS = "impressions"
    SOURCING = "sourcing"
    CONTRADICTIONS = "contradictions"
    DISCLAIMER = "disclaimer"
    VERIFICATION = "verification"

    @property
    def heading(self) -> str:
        """The skill's name as learners see it in progress summaries."""
        return SKILL_TITLES[self]


SKILL_TITLES = {
    Skill.IMPRESSIONS: "First impressions",
    Skill.SOURCING: "Who says so?",
    Skill.CONTRADICTIONS: "Does it add up?",
    Skill.DISCLAIMER: "Is this even news?",
    Skill.VERIFICATION: "Check it yourself",
}
"""Every skill's learner-facing name (one per member; a test checks none is missing)."""


@dataclass(frozen=True)
class Anchor:
    """A quote pinned to its place in a document."""

    document: str
    """Slug of the document."""
    quote: str
    """The exact words."""
    start: int
    """Offset of the quote in the document text."""
    end: int
    """Offset one past its end."""
    units: tuple[str, ...]
    """Ids of the sentences the quote overlaps, in reading order."""


@dataclass(frozen=True)
class Target:
    """Something the learner should find: one anchor (highlight) or two (pairs)."""

    id: str
    """Item id, unique in the exercise."""
    anchors: tuple[Anchor, ...]
    """One anchor for highlight, two for pairs."""
    explanation: str
    """Why it counts."""
    label: str | None = None
    """Kind id in a labelled highlight, else ``None``."""
    also_accept: tuple[str, ...] = ()
    """Other kind ids that count as right for this target (defensible alternatives to ``label``)."""

    @property
    def kinds(self) -> tuple[str | None, ...]:
        """Every kind that counts as right: ``label`` first, then the alternatives."""
        return (self.label, *self.also_accept)


@dataclass(frozen=True)
class Distractor:
    """A passage or pair that looks suspicious but is fine."""

    id: str
    """Item id, unique in the exercise."""
    anchors: tuple[Anchor, ...]
    """One anchor for highlight, two for pairs."""
    explanation: str
    """Why it does not count."""


@dataclass(frozen=True)
class Label:
    """A kind a learner gives a marked passage."""

    id: str
    """Short id."""
    name: str
    """Name shown to learners."""
    description: str = ""
    """What counts as this kind."""


@dataclass(frozen=True)
class Option:
    """One option of a choice exercise."""

    id: str
    """Short id."""
    text: str
    """The option as shown."""
    correct: bool
    """Whether choosing it is right."""
    feedback: str
    """Why it is right or wrong."""
    discussion: bool = False
    """Whether careful readers can differ on it: ticked or not, it is accepted (no point earned or lost), and
    ``feedback`` shows both readings. ``correct`` is then ``False``."""


@dataclass(frozen=True)
class SearchQuery:
    """One search a learner can run in a search task."""

    id: str
    """Short id."""
    text: str
    """The query as suggested to the learner."""
    words: tuple[str, ...]
    """More words that make a typed query match this one."""
    results: tuple[str, ...]
    """Ids of the results it finds, in rank order."""


@dataclass(frozen=True)
class SearchResult:
    """One result of a search task: a simulated web page as a result list shows it."""

    id: str
    """Short id."""
    page: str
    """Id of the simulated page it opens (``book/web/<page>.yaml``)."""
    title: str
    """The page's title in the result list."""
    address: str
    """The page's address as shown (its host ends in ``.example``)."""
    snippet: str
    """The lines of the page the result list shows."""
    supports: bool | None
    """``True``: evidence for the right verdict; ``False``: weak or no evidence; ``None``: careful readers differ."""
    why: str
    """Why it is or is not evidence."""


@dataclass(frozen=True)
class Exercise:
    """One validated exercise."""

    id: str
    """Unique id."""
    type: ExerciseType
    """Which engine scores it."""
    skill: Skill
    """The skill it practises."""
    title: str
    """Short title."""
    prompt: str
    """The task."""
    hints: tuple[str, ...]
    """Graduated hints."""
    documents: tuple[str, ...]
    """Slugs of the documents shown."""
    units: tuple[Unit, ...]
    """Every selectable sentence of those documents, in order."""
    targets: tuple[Target, ...] = ()
    """What must be found (highlight, pairs)."""
    discussions: tuple[Target, ...] = ()
    """Pairs on which careful readers can differ (pairs): linked or not, each is accepted (no point earned or
    lost), and its explanation shows both readings. Written as targets with ``discussion: true``."""
    distractors: tuple[Distractor, ...] = ()
    """What looks suspicious but is fine (highlight, pairs)."""
    labels: tuple[Label, ...] = ()
    """Kinds to classify by (labelled highlight)."""
    allow_none: bool = False
    """Whether "There is none" is offered (highlight)."""
    none_feedback: str = ""
    """Explanation for the "There is none" answer."""
    options: tuple[Option, ...] = ()
    """Options (choice); a search task's verdicts (one of them is chosen)."""
    multiple: bool = False
    """Whether several options may be chosen (choice)."""
    context: Anchor | None = None
    """A passage quoted above a choice question or a search task."""
    queries: tuple[SearchQuery, ...] = ()
    """The searches a learner can run (search)."""
    results: tuple[SearchResult, ...] = ()
    """Every result those searches find (search)."""
    takeaway: str = ""
    """What to remember, shown after checking."""
    assessment: bool = False
    """Under the assessment setting: one attempt, no hints, no answer shown, and no key in the book; only ``medialit
    grade`` scores it (on the first answer, unless told otherwise)."""
    source: str = ""
    """The file it was read from."""
    content_hash: str = ""
    """Hash of what an answer means (:mod:`medialit.meaning`); a wording fix keeps it."""

    @cached_property
    def unit_ids(self) -> tuple[str, ...]:
        """Ids of every selectable sentence (computed once per exercise, like the properties below)."""
        return tuple(u.id for u in self.units)

    @cached_property
    def unit_order(self) -> dict[str, int]:
        """Each selectable sentence's position in reading order, by id; read it, never change it."""
        return {unit: index for index, unit in enumerate(self.unit_ids)}

    @cached_property
    def label_ids(self) -> tuple[str, ...]:
        """Ids of the kinds, empty for plain highlighting."""
        return tuple(label.id for label in self.labels)
