"""Can the choice items be guessed? Length, position and answer-mix figures per page and for the whole book.

A learner who does not know the answer may still score by habit: always pick the longest option, always the second,
or always "refutes". This module counts how well each habit would do, page by page in reading order and for the
book as a whole, and warns when one would do clearly better than chance. It returns plain data; the command prints.

The rules (each applies to one page and to the whole book, and only where there are at least :data:`MIN_ITEMS`
items of the kind, so that one or two items are never called a pattern):

* ``longest``: in single-choice items, the right option is the longest (in characters) in more than half of them.
  When ``t`` options tie for longest and the right one is among them, the item counts ``1/t``: the share a learner
  who picks the longest, breaking ties at random, would get right.
* ``position``: in single-choice items, the right option sits in the same place (first, second, ...) in more than
  60 % of them.
* ``verdict-share`` and ``verdict-never``: single-choice items that offer the same set of option ids (for example
  ``confirms`` / ``refutes`` / ``unverifiable``) form a verdict set. One option right in more than 60 % of a set
  warns, and so does an option the set offers but never keys as right.
* ``multi-longest`` and ``multi-first``: in multi-select items with ``k`` right options, ticking the ``k`` longest
  options (ties shared as above), or the first ``k``, finds more than two thirds of all their right options.

Each option id offered in at least two single-choice items is also counted (offered, right), whichever set it is in.
An exercise embedded on several pages counts on each page and once for the book. Exercises on no page are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from medialit.model import Exercise, ExerciseType
from medialit.reading_order import BookPage

__all__ = [
    "BOOK",
    "MIN_ITEMS",
    "BiasWarning",
    "BookBias",
    "Category",
    "ItemFigures",
    "Rule",
    "ScopeFigures",
    "VerdictSet",
    "analyse",
    "item_figures",
    "scope_figures",
]

MIN_ITEMS = 4
"""A rule judges a page or the book only when it has at least this many items of the kind the rule is about."""
LONGEST_SHARE = Fraction(1, 2)
"""``longest`` warns above this share of single-choice items."""
POSITION_SHARE = Fraction(3, 5)
"""``position`` warns above this share of single-choice items."""
VERDICT_SHARE = Fraction(3, 5)
"""``verdict-share`` warns above this share of a verdict set's items."""
MULTI_SHARE = Fraction(2, 3)
"""``multi-longest`` and ``multi-first`` warn above this share of the right options."""
BOOK = "book"
"""The scope name of the whole book."""


class Rule(StrEnum):
    """Which habit would pay off."""

    LONGEST = "longest"
    POSITION = "position"
    VERDICT_SHARE = "verdict-share"
    VERDICT_NEVER = "verdict-never"
    MULTI_LONGEST = "multi-longest"
    MULTI_FIRST = "multi-first"


@dataclass(frozen=True)
class ItemFigures:
    """How one choice exercise could be guessed."""

    exercise: str
    """Exercise id."""
    multiple: bool
    """Whether several options may be ticked."""
    option_ids: tuple[str, ...]
    """Option ids in the order shown."""
    right_ids: tuple[str, ...]
    """Ids of the right options, in the order shown."""
    right_positions: tuple[int, ...]
    """1-based places of the right options."""
    longest_hits: Fraction
    """Right options among the ``k`` longest (``k`` = how many are right), ties shared at random."""
    first_hits: int
    """Right options among the first ``k``."""


@dataclass(frozen=True)
class VerdictSet:
    """Single-choice items offering the same set of options, and how often each option is the right one."""

    options: tuple[str, ...]
    """The option ids, in the order the first item shows them."""
    exercises: tuple[str, ...]
    """Ids of the items in the set."""
    right: tuple[int, ...]
    """For each option, how many of the items key it as right."""


@dataclass(frozen=True)
class Category:
    """One option id offered in several single-choice items (e.g. ``cannot-tell``), and how often it is right."""

    option: str
    """The option id."""
    offered: int
    """How many single-choice items offer it."""
    right: int
    """How many of them key it as right."""


@dataclass(frozen=True)
class BiasWarning:
    """One habit that would pay off on a page or in the book."""

    scope: str
    """The page (as ``_toc.yml`` names it), or :data:`BOOK`."""
    rule: Rule
    """Which rule fired."""
    message: str
    """What would pay off, with the figures."""


@dataclass(frozen=True)
class ScopeFigures:
    """The figures of one page, or of the whole book."""

    scope: str
    """The page (as ``_toc.yml`` names it), or :data:`BOOK`."""
    items: tuple[ItemFigures, ...]
    """Every choice item, in reading order."""
    verdict_sets: tuple[VerdictSet, ...]
    """Groups of at least two single-choice items with the same options."""
    warnings: tuple[BiasWarning, ...]
    """What the rules found."""

    @property
    def single(self) -> tuple[ItemFigures, ...]:
        """The single-choice items."""
        return tuple(i for i in self.items if not i.multiple)

    @property
    def multi(self) -> tuple[ItemFigures, ...]:
        """The multi-select items."""
        return tuple(i for i in self.items if i.multiple)

    @property
    def longest(self) -> Fraction:
        """Single-choice items whose right option is the longest (ties shared)."""
        return sum((i.longest_hits for i in self.single), Fraction(0))

    @property
    def positions(self) -> tuple[int, ...]:
        """How many single-choice items have the right option first, second, ... (as long as the longest item)."""
        counts = Counter(i.right_positions[0] for i in self.single if i.right_positions)
        size = max((len(i.option_ids) for i in self.single), default=0)
        return tuple(counts[p] for p in range(1, size + 1))

    @property
    def categories(self) -> tuple[Category, ...]:
        """Every option id offered in at least two single-choice items, most offered first (then by id)."""
        offered = Counter(o for i in self.single for o in set(i.option_ids))
        right = Counter(o for i in self.single for o in set(i.right_ids))
        return tuple(
            Category(o, n, right[o]) for o, n in sorted(offered.items(), key=lambda x: (-x[1], x[0])) if n >= 2
        )

    @property
    def multi_right(self) -> int:
        """Right options in all multi-select items."""
        return sum(len(i.right_ids) for i in self.multi)

    @property
    def multi_longest(self) -> Fraction:
        """Right options a learner ticking the ``k`` longest in each multi-select item would find."""
        return sum((i.longest_hits for i in self.multi), Fraction(0))

    @property
    def multi_first(self) -> int:
        """Right options a learner ticking the first ``k`` in each multi-select item would find."""
        return sum(i.first_hits for i in self.multi)


@dataclass(frozen=True)
class BookBias:
    """The figures of every page with choice items, in reading order, and of the whole book."""

    pages: tuple[ScopeFigures, ...]
    """Pages that embed at least one choice item."""
    book: ScopeFigures
    """Every choice item embedded anywhere in the book, each once."""

    @property
    def warnings(self) -> tuple[BiasWarning, ...]:
        """Every page's warnings, then the book's."""
        return (*(w for page in self.pages for w in page.warnings), *self.book.warnings)


def _top_hits(lengths: Sequence[int], right: Sequence[bool], k: int) -> Fraction:
    """Expected right options among the ``k`` longest, when ties at the cut are broken at random."""
    if k == 0:
        return Fraction(0)
    cut = sorted(lengths, reverse=True)[k - 1]
    above = sum(1 for n, r in zip(lengths, right, strict=True) if n > cut and r)
    slots = k - sum(1 for n in lengths if n > cut)
    tied = [r for n, r in zip(lengths, right, strict=True) if n == cut]
    return above + Fraction(slots * sum(tied), len(tied))


def item_figures(exercise: Exercise) -> ItemFigures:
    """The figures of one choice exercise."""
    options = exercise.options
    right = [o.correct for o in options]
    k = sum(right)
    return ItemFigures(
        exercise=exercise.id,
        multiple=exercise.multiple,
        option_ids=tuple(o.id for o in options),
        right_ids=tuple(o.id for o in options if o.correct),
        right_positions=tuple(n for n, o in enumerate(options, 1) if o.correct),
        longest_hits=_top_hits([len(o.text) for o in options], right, k),
        first_hits=sum(right[:k]),
    )


def _verdict_sets(items: Iterable[ItemFigures]) -> tuple[VerdictSet, ...]:
    groups: dict[frozenset[str], list[ItemFigures]] = {}
    for item in items:
        if not item.multiple:
            groups.setdefault(frozenset(item.option_ids), []).append(item)
    found = []
    for members in groups.values():
        if len(members) < 2:
            continue
        options = members[0].option_ids
        counts = Counter(r for m in members for r in m.right_ids)
        found.append(
            VerdictSet(
                options=options, exercises=tuple(m.exercise for m in members), right=tuple(counts[o] for o in options)
            )
        )
    return tuple(found)


def _share(part: Fraction | int, whole: int) -> str:
    value = Fraction(part)
    shown = f"{float(value):g}" if value.denominator != 1 else str(value.numerator)
    return f"{shown} of {whole}"


def _warnings(scope: str, items: tuple[ItemFigures, ...], sets: tuple[VerdictSet, ...]) -> tuple[BiasWarning, ...]:
    found: list[BiasWarning] = []
    figures = ScopeFigures(scope, items, sets, ())
    single = figures.single
    if len(single) >= MIN_ITEMS:
        if figures.longest > LONGEST_SHARE * len(single):
            found.append(
                BiasWarning(
                    scope,
                    Rule.LONGEST,
                    f"the right option is the longest in {_share(figures.longest, len(single))} "
                    "single-choice items (more than half)",
                )
            )
        for place, count in enumerate(figures.positions, 1):
            if count > POSITION_SHARE * len(single):
                found.append(
                    BiasWarning(
                        scope,
                        Rule.POSITION,
                        f"the right option is option {place} in {_share(count, len(single))} "
                        "single-choice items (more than 60 %)",
                    )
                )
    for verdicts in sets:
        size = len(verdicts.exercises)
        if size < MIN_ITEMS:
            continue
        named = "/".join(verdicts.options)
        for option, count in zip(verdicts.options, verdicts.right, strict=True):
            if count > VERDICT_SHARE * size:
                found.append(
                    BiasWarning(
                        scope,
                        Rule.VERDICT_SHARE,
                        f"“{option}” is right in {_share(count, size)} items offering {named} (more than 60 %)",
                    )
                )
            elif count == 0:
                found.append(
                    BiasWarning(
                        scope,
                        Rule.VERDICT_NEVER,
                        f"“{option}” is offered in {size} items offering {named} but never right",
                    )
                )
    multi = figures.multi
    if len(multi) >= MIN_ITEMS:
        total = figures.multi_right
        for rule, hits, habit in (
            (Rule.MULTI_LONGEST, figures.multi_longest, "longest"),
            (Rule.MULTI_FIRST, Fraction(figures.multi_first), "first"),
        ):
            if hits > MULTI_SHARE * total:
                found.append(
                    BiasWarning(
                        scope,
                        rule,
                        f"ticking the {habit} k options of each of {len(multi)} multi-select items "
                        f"finds {_share(hits, total)} right options (more than two thirds)",
                    )
                )
    return tuple(found)


def scope_figures(scope: str, exercises: Iterable[Exercise]) -> ScopeFigures:
    """The figures and warnings of the choice exercises among ``exercises`` (in reading order)."""
    items = tuple(item_figures(e) for e in exercises if e.type is ExerciseType.CHOICE)
    sets = _verdict_sets(items)
    return ScopeFigures(scope, items, sets, _warnings(scope, items, sets))


def analyse(exercises: Iterable[Exercise], pages: Iterable[BookPage]) -> BookBias:
    """Figures for every page of ``pages`` (reading order) with a choice item, and for the book as a whole."""
    by_id = {e.id: e for e in exercises}
    found: list[ScopeFigures] = []
    in_book: dict[str, Exercise] = {}
    for page in pages:
        embedded = [by_id[i] for i in dict.fromkeys(page.exercise_ids) if i in by_id]
        figures = scope_figures(page.name, embedded)
        if figures.items:
            found.append(figures)
        for exercise in embedded:
            in_book.setdefault(exercise.id, exercise)
    return BookBias(pages=tuple(found), book=scope_figures(BOOK, in_book.values()))
