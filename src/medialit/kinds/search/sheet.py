"""The answer space of a search task on a printed worksheet: the result lists with tick boxes, and the verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.model import Exercise

__all__ = ["PrintedQuery", "PrintedResult", "SearchSpace", "answer_space"]


@dataclass(frozen=True)
class PrintedResult:
    """One result as the printed list shows it."""

    title: str
    """The page's title."""
    address: str
    """The page's address."""
    snippet: str
    """The lines of the page the list shows."""


@dataclass(frozen=True)
class PrintedQuery:
    """One search and the results it finds, in rank order (each result printed once, under the first search that
    finds it)."""

    text: str
    """The query."""
    results: tuple[PrintedResult, ...]
    """Its results not already printed above."""


@dataclass(frozen=True)
class SearchSpace:
    """What ``worksheet.html`` draws for a search task."""

    queries: tuple[PrintedQuery, ...]
    """The searches with their results, each with a tick box for "evidence"."""
    verdicts: tuple[str, ...]
    """The verdicts' texts, lettered A, B, C… with round boxes."""


def answer_space(exercise: Exercise, catalogue: Catalogue, exam: bool) -> SearchSpace:
    """The searches, results and verdicts of ``exercise``, in the book's order (nothing keyed)."""
    results = {r.id: r for r in exercise.results}
    printed: set[str] = set()
    queries = []
    for query in exercise.queries:
        shown = [results[i] for i in query.results if i not in printed]
        printed.update(query.results)
        queries.append(PrintedQuery(query.text, tuple(PrintedResult(r.title, r.address, r.snippet) for r in shown)))
    return SearchSpace(queries=tuple(queries), verdicts=tuple(o.text for o in exercise.options))
