"""The highlight rule in words, for one exercise."""

from __future__ import annotations

__all__ = ["highlight_rule"]


def _points(value: float) -> str:
    shown = round(value, 2)
    number = f"{shown:g}"
    return ("about " if shown != value else "") + number + (" point" if shown == 1 else " points")


def highlight_rule(cost: float | None, labelled: bool) -> str:
    """The highlight rule in words.

    ``cost`` is what one wrong mark costs (see :func:`medialit.kinds.highlight.scoring.weight`); ``None`` when it
    must not be told (it tells how many sentences are targets). ``labelled``: the learner also ticks a kind for each
    sentence.
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
