"""Search's own validation: ids, the queries' results, the verdicts, the pages and addresses."""

from __future__ import annotations

from collections import Counter
from typing import Any

from medialit.kinds.base import Report
from medialit.kinds.search.pages import address_problem, exercise_web_folder
from medialit.model import Exercise

__all__ = ["check"]


def _unique(data: dict[str, Any], report: Report) -> None:
    """Query ids are unique; verdict and result ids are unique together (the key names both by id)."""
    for groups, fix in (
        (("queries",), "give every query its own id"),
        (("verdicts", "results"), "give every verdict and every result its own id"),
    ):
        items = [(group, index, raw["id"]) for group in groups for index, raw in enumerate(data.get(group, ()))]
        counts = Counter(item_id for _, _, item_id in items)
        for group, index, item_id in items:
            if counts[item_id] > 1:
                report.add((group, index, "id"), f"the id {item_id!r} is used {counts[item_id]} times", fix=fix)


def check(exercise: Exercise, data: dict[str, Any], report: Report) -> None:
    """Every query finds known results, every result is found, a verdict is right and a result supports it, and
    every result opens a simulated page with a made-up address."""
    _unique(data, report)
    known = {r.id for r in exercise.results}
    found: set[str] = set()
    for index, query in enumerate(exercise.queries):
        for number, result_id in enumerate(query.results):
            found.add(result_id)
            if result_id not in known:
                report.add(
                    ("queries", index, "results", number),
                    f"there is no result {result_id!r}",
                    fix=f"use one of the ids under `results:` {sorted(known)}",
                )
    folder = exercise_web_folder(exercise.source) if exercise.source else None
    for index, result in enumerate(exercise.results):
        if result.id not in found:
            report.add(
                ("results", index, "id"),
                f"no query finds the result {result.id!r}",
                fix="add its id to the `results:` of a query, or remove it",
            )
        wrong = address_problem(result.address)
        if wrong:
            report.add(("results", index, "address"), f"{result.address!r} cannot be a simulated address", fix=wrong)
        if folder is not None and not (folder / f"{result.page}.yaml").is_file():
            report.add(
                ("results", index, "page"),
                f"there is no simulated page {result.page!r} ({folder / (result.page + '.yaml')} is missing)",
                fix="write that page in book/web/, or use the id of a page there",
            )
    if not any(o.correct for o in exercise.options):
        report.add(("verdicts",), "no verdict is correct", fix="mark the right verdict `correct: true`")
    if not any(r.supports is True for r in exercise.results):
        report.add(
            ("results",),
            "no result supports the right verdict",
            fix="mark at least one result `supports: true`: the task asks for evidence",
        )
