"""Generic feedback and scoring rules in words. The front-end receives these with each exercise, so one text serves."""

from __future__ import annotations

from medialit.model import ExerciseType

__all__ = ["MESSAGES", "RULES"]

MESSAGES: dict[str, str] = {
    "unlisted_passage": "This sentence is not one of the targets. Read it again: who says so, and can you check it?",
    "wrong_kind": "This sentence is a target, but not of the kind you chose.",
    "unlisted_pair": "These two sentences do not contradict each other.",
    "none_but_there_is": "There is one. Look again before you decide there is none.",
    "none_missed": "You did not answer. If you find nothing, choose \"There is none\".",
    "missed_target": "You did not mark this one.",
}

RULES: dict[ExerciseType, str] = {
    ExerciseType.HIGHLIGHT: "Each right mark earns 1 point. Each wrong mark takes 1 point away. "
    "The score never goes below 0.",
    ExerciseType.PAIRS: "Each right pair earns 1 point. Each wrong pair takes 1 point away. "
    "The score never goes below 0.",
    ExerciseType.CHOICE: "Each right option you tick earns 1 point. Each wrong option takes 1 point away. "
    "The score never goes below 0.",
}
