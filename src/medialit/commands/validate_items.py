"""``medialit validate --items``: the choice-item figures of :mod:`medialit.item_bias` as a table and as warnings."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

from medialit.item_bias import BOOK, BiasWarning, BookBias, Rule, ScopeFigures, analyse
from medialit.model import Exercise
from medialit.problems import Problem, Severity
from medialit.reading_order import reading_order

__all__ = ["ITEMS_HELP", "as_dict", "bias_problems", "book_bias", "print_table"]

ITEMS_HELP = (
    "also show, per page and for the whole book (order from book/_toc.yml), how choice items could be guessed: "
    "how often the right option is the longest (t options tied for longest count 1/t), where it sits, and how "
    "often each option of a verdict set (single-choice items with the same option ids), and each option id offered "
    "in several single-choice items, is right. Warns, on a page "
    "or the book with at least 4 items of the kind, when the right option is the longest in more than half of the "
    "single-choice items; sits in one place in more than 60 %% of them; one option of a verdict set is right in "
    "more than 60 %% of its items, or is offered but never right; or ticking the k longest, or the first k, options "
    "of each multi-select item (k = its number of right options) finds more than two thirds of their right "
    "options. Warnings do not change the exit code"
)
"""The ``--items`` help text: the rules, stated once (``item_bias`` implements them)."""

_FIX = {
    Rule.LONGEST: "make a wrong option the longest in some items, or shorten the right one",
    Rule.POSITION: "move the right option to another place in some items",
    Rule.VERDICT_SHARE: "check claims with other verdicts, or turn an item to another claim",
    Rule.VERDICT_NEVER: "add an item where this is the true verdict (its evidence must truly settle it that way)",
    Rule.MULTI_LONGEST: "make some wrong options longer, or some right ones shorter",
    Rule.MULTI_FIRST: "put some right options after wrong ones",
}


def book_bias(book: Path, exercises: Iterable[Exercise]) -> BookBias:
    """The figures of the book in ``book`` for these exercises."""
    return analyse(exercises, reading_order(book))


def _file(book: Path, scope: str) -> str:
    if scope == BOOK:
        return str(book / "_toc.yml")
    for suffix in (".md", ".ipynb", ".rst"):
        if (book / f"{scope}{suffix}").is_file():
            return str(book / f"{scope}{suffix}")
    return str(book / scope)


def bias_problems(book: Path, bias: BookBias) -> tuple[Problem, ...]:
    """Every warning as a :class:`Problem` naming the page (or ``_toc.yml`` for the book)."""
    return tuple(_problem(book, w) for w in bias.warnings)


def _problem(book: Path, warning: BiasWarning) -> Problem:
    return Problem(
        file=_file(book, warning.scope),
        line=None,
        field=f"choice items ({warning.rule})",
        message=warning.message,
        fix=_FIX[warning.rule],
        severity=Severity.WARNING,
    )


def _number(value: Fraction | int) -> str:
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.2f}"


def _row(figures: ScopeFigures) -> list[str]:
    single, multi = figures.single, figures.multi
    return [
        figures.scope,
        str(len(single)),
        f"{_number(figures.longest)}/{len(single)}" if single else "-",
        "/".join(map(str, figures.positions)) if single else "-",
        str(len(multi)),
        f"{_number(figures.multi_longest)}/{figures.multi_right}" if multi else "-",
        f"{figures.multi_first}/{figures.multi_right}" if multi else "-",
    ]


def _print_rows(rows: list[list[str]]) -> None:
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    for row in rows:
        cells = [row[0].ljust(widths[0]), *(cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))]
        print("  ".join(cells).rstrip())


def print_table(bias: BookBias) -> None:
    """The figures as two plain-text tables: one row per page, then the book."""
    print(
        "Choice items (single: right option longest, right option at place 1/2/3...; "
        "multi: right options found by ticking the k longest, the k first)"
    )
    header = ["page", "single", "longest", "places", "multi", "k longest", "k first"]
    _print_rows([header, *(_row(f) for f in (*bias.pages, bias.book))])
    sets = [(f.scope, s) for f in (*bias.pages, bias.book) for s in f.verdict_sets]
    if sets:
        print("Verdict sets (single-choice items with the same options): how often each option is right")
        rows = [["page", "items", "right"]]
        for scope, verdicts in sets:
            right = ", ".join(f"{o} {n}" for o, n in zip(verdicts.options, verdicts.right, strict=True))
            rows.append([scope, str(len(verdicts.exercises)), right])
        _print_left(rows)
    categories = [(f.scope, f.categories) for f in (*bias.pages, bias.book) if f.categories]
    if categories:
        print("Options offered in several single-choice items: right / offered")
        _print_left(
            [
                ["page", "options"],
                *(
                    [scope, ", ".join(f"{c.option} {c.right}/{c.offered}" for c in found)]
                    for scope, found in categories
                ),
            ]
        )


def _print_left(rows: list[list[str]]) -> None:
    """Rows whose last cell is text: every other cell padded to its column."""
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]) - 1)]
    for r in rows:
        print("  ".join([*(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=False)), r[-1]]))


def _scope_dict(figures: ScopeFigures) -> dict[str, Any]:
    return {
        "scope": figures.scope,
        "single": len(figures.single),
        "longest": float(figures.longest),
        "positions": list(figures.positions),
        "multi": len(figures.multi),
        "multi_right": figures.multi_right,
        "multi_longest": float(figures.multi_longest),
        "multi_first": figures.multi_first,
        "categories": [{"option": c.option, "offered": c.offered, "right": c.right} for c in figures.categories],
        "verdict_sets": [
            {"options": list(s.options), "exercises": list(s.exercises), "right": list(s.right)}
            for s in figures.verdict_sets
        ],
        "items": [
            {
                "exercise": i.exercise,
                "multiple": i.multiple,
                "options": list(i.option_ids),
                "right": list(i.right_ids),
                "right_positions": list(i.right_positions),
                "longest_hits": float(i.longest_hits),
                "first_hits": i.first_hits,
            }
            for i in figures.items
        ],
    }


def as_dict(bias: BookBias) -> dict[str, Any]:
    """Plain data for ``--format json``."""
    return {"pages": [_scope_dict(p) for p in bias.pages], "book": _scope_dict(bias.book)}
