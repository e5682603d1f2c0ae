"""The sentence a kind's rule gains when the exercise holds an open question."""

from __future__ import annotations

__all__ = ["with_open_questions"]

OPEN = " An open question, where careful readers differ, earns and costs nothing."


def with_open_questions(rule: str, has_open: bool) -> str:
    """``rule``, told that an open question earns and costs nothing when there is one."""
    return rule + OPEN if has_open else rule
