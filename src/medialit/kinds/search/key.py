"""Search's answer key: the verdicts, right or wrong, then every result, evidence or not, with why."""

from __future__ import annotations

from medialit.kinds.key import KeyItem, KeyRole
from medialit.model import Exercise, SearchResult

__all__ = ["key_items", "result_text"]


def result_text(result: SearchResult) -> str:
    """A result as the key names it: its title and address."""
    return f"{result.title} ({result.address})"


def _role(result: SearchResult) -> KeyRole:
    if result.supports is None:
        return KeyRole.OPEN
    return KeyRole.RIGHT if result.supports else KeyRole.WRONG


def key_items(exercise: Exercise) -> tuple[KeyItem, ...]:
    """Every verdict with its feedback, then every result with why it is or is not evidence."""
    verdicts = tuple(
        KeyItem(o.id, KeyRole.RIGHT if o.correct else KeyRole.WRONG, o.feedback, option=o.id) for o in exercise.options
    )
    results = tuple(KeyItem(r.id, _role(r), r.why, text=result_text(r)) for r in exercise.results)
    return verdicts + results
