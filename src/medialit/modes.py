"""Build modes."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Mode"]


class Mode(StrEnum):
    """What a build of the book carries."""

    LEARN = "learn"
    """Self-study: instant feedback, explanations, hints and the answer key."""
    EXAM = "exam"
    """Assessment: answers are recorded for hand-in; no key, explanations or scoring data ship."""
