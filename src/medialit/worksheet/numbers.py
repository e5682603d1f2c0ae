"""Sentence numbers as the book shows them: ``7.1`` is paragraph 7, sentence 1 (the unit id ``slug:7.1``)."""

from __future__ import annotations

from collections.abc import Iterable

from medialit.catalogue import Catalogue
from medialit.text import segment

__all__ = ["first_sentences", "number", "places"]


def number(unit_id: str) -> str:
    """``"article4:7.1"`` → ``"7.1"``."""
    return unit_id.rsplit(":", 1)[-1]


def places(unit_ids: Iterable[str], catalogue: Catalogue, *, with_document: bool) -> str:
    """Sentence numbers, e.g. ``"2.1, 2.2"``; with ``with_document``, each run is preceded by its document's label."""
    runs: list[tuple[str, list[str]]] = []
    for unit_id in unit_ids:
        slug = unit_id.rsplit(":", 1)[0]
        if not runs or runs[-1][0] != slug:
            runs.append((slug, []))
        runs[-1][1].append(number(unit_id))
    if not with_document:
        return ", ".join(n for _, numbers in runs for n in numbers)
    return "; ".join(f"{catalogue.get(slug).label} {', '.join(numbers)}" for slug, numbers in runs)


def first_sentences(text: str, limit: int = 150) -> str:
    """The first sentence of ``text``, and the second too if both fit in ``limit`` characters."""
    sentences = [u.text for u in segment("text", " ".join(text.split()))]
    if not sentences:
        return ""
    out = sentences[0]
    if len(sentences) > 1 and len(out) + 1 + len(sentences[1]) <= limit:
        out = f"{out} {sentences[1]}"
    return out
