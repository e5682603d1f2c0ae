"""Generic feedback and scoring rules in words. The front-end receives these with each exercise, so one text serves."""

from __future__ import annotations

from medialit.model import ExerciseType

__all__ = ["MESSAGES", "RULES", "highlight_rule", "kind_names"]

MESSAGES: dict[str, str] = {
    "unlisted_passage": "This sentence is not one of the targets. Read it again: who says so, and can you check it?",
    "wrong_kind": "Right sentence, but this kind does not fit it. A wrong kind ticked beside the right one takes half "
    "a point away.",
    "right_sentence": "Right sentence. The kind here is: {kind}.",
    "unlisted_pair": "These two sentences do not contradict each other.",
    "none_but_there_is": "There is one. Look again before you decide there is none.",
    "none_missed": 'You did not answer. If you find nothing, choose "There is none".',
    "missed_target": "You did not mark this one.",
}
"""Feedback used by more than one exercise; ``{kind}`` stands for the names :func:`kind_names` gives."""

RULES: dict[ExerciseType, str] = {
    ExerciseType.PAIRS: "Each right pair earns 1 point. Each wrong pair takes 1 point away. "
    "The score never goes below 0.",
    ExerciseType.CHOICE: "Each right option you tick earns 1 point. Each wrong option takes 1 point away. "
    "The score never goes below 0.",
    ExerciseType.REFLECTION: "This question is not scored: there is no right answer. Your answer is kept, and every "
    "view comes with feedback.",
}
"""The rule of each type whose rule is the same for every exercise; highlight's is :func:`highlight_rule`."""


def kind_names(names: list[str]) -> str:
    """The kinds that count as right, in words: the target's own kind first, then the alternatives."""
    return ", or ".join(names)


def _points(value: float) -> str:
    shown = round(value, 2)
    number = f"{shown:g}"
    return ("about " if shown != value else "") + number + (" point" if shown == 1 else " points")


def highlight_rule(cost: float | None, labelled: bool) -> str:
    """The highlight rule in words, for one exercise.

    ``cost`` is what one wrong mark costs (see :func:`medialit.scoring.highlight.weight`); ``None`` when it must not
    be told (it tells how many sentences are targets). ``labelled``: the learner also ticks a kind for each sentence.
    """
    if labelled:
        earn = (
            "Each right sentence earns 1 point for the right kind. With only other kinds, it earns half a point. "
            "A wrong kind ticked beside the right one takes half a point away."
        )
        wrong = "mark on a sentence with nothing to find"
    else:
        earn = "Each right mark earns 1 point."
        wrong = "wrong mark"
    if cost is None:
        lose = (
            f"Each {wrong} takes 1 point away, or a bit more in a text where most sentences hold something to "
            "find, so that marking everything never pays."
        )
    elif cost == 1:
        lose = f"Each {wrong} takes 1 point away."
    else:
        lose = (
            f"Each {wrong} takes {_points(cost)} away, because most sentences here hold something to find. "
            "So marking everything never pays."
        )
    return f"{earn} {lose} The score never goes below 0."
