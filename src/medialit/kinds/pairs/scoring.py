"""Pairs: link two sentences that contradict each other, within one document or across two.

A learner's pair matches a target when one sentence lies in the target's first quote and the other in its second,
in either order. Each target matched earns one point; each pair that matches no target costs one point.
``score = max(0, found − false alarms)``, out of one point per target.

A discussion pair (a target with ``discussion: true``) is one careful readers can differ on: linked or not, it is
accepted. It earns nothing and costs nothing, is not in the maximum, and always comes back with its explanation (after
the targets, before the false alarms), so a learner sees both readings whatever they chose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.kinds.open_question import with_open_questions
from medialit.model import Anchor, Exercise
from medialit.scoring.common import expect_id, expect_keys, expect_list, net_score
from medialit.scoring.messages import MESSAGES
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = ["RULE", "PairsAnswer", "examples", "grade", "matches", "maximum", "parse", "rule"]

RULE = "Each right pair earns 1 point. Each wrong pair takes 1 point away. The score never goes below 0."
"""The rule in words."""


@dataclass(frozen=True)
class PairsAnswer:
    """The pairs a learner linked."""

    pairs: frozenset[frozenset[str]]
    """Each pair as a set of two unit ids."""


def parse(exercise: Exercise, raw: Any) -> PairsAnswer:
    """Read ``{"pairs": [["unit-a", "unit-b"], ...]}``."""
    raw = expect_keys(raw, ("pairs",), ("pairs",))
    known = exercise.unit_order
    pairs = set()
    for pair in expect_list(raw["pairs"], "pairs"):
        pair = expect_list(pair, "a pair")
        if len(pair) != 2:
            raise FormatError("bad_pair")
        first, second = (expect_id(unit, known, "no_sentence") for unit in pair)
        if first == second:
            raise FormatError("bad_pair")
        pairs.add(frozenset((first, second)))
    return PairsAnswer(frozenset(pairs))


def matches(pair: frozenset[str], anchors: tuple[Anchor, ...]) -> bool:
    """Whether ``pair`` has one sentence in each anchor."""
    first, second = anchors
    a, b = pair
    return (a in first.units and b in second.units) or (b in first.units and a in second.units)


def maximum(exercise: Exercise) -> float:
    """Points available: one per target pair (discussion pairs are not scored)."""
    return float(len(exercise.targets))


def grade(exercise: Exercise, answer: PairsAnswer) -> Result:
    """Score ``answer``; see the module docstring for the rule."""
    items: list[ItemResult] = []
    earned = 0.0
    matched: set[frozenset[str]] = set()
    for target in exercise.targets:
        found = [p for p in answer.pairs if matches(p, target.anchors)]
        matched.update(found)
        units = tuple(u for a in target.anchors for u in a.units)
        earned += 1.0 if found else 0.0
        verdict = Verdict.FOUND if found else Verdict.MISSED
        items.append(ItemResult(target.id, verdict, 1.0 if found else 0.0, target.explanation, units))
    for discussion in exercise.discussions:
        matched.update(p for p in answer.pairs if matches(p, discussion.anchors))
        units = tuple(u for a in discussion.anchors for u in a.units)
        items.append(ItemResult(discussion.id, Verdict.DISCUSSION, 0.0, discussion.explanation, units))
    order = exercise.unit_order
    stray = [p for p in answer.pairs if p not in matched]
    stray_units = sorted((tuple(sorted(p, key=order.__getitem__)) for p in stray), key=lambda p: [order[u] for u in p])
    for units in stray_units:
        explanation = next(
            (d.explanation for d in exercise.distractors if matches(frozenset(units), d.anchors)),
            MESSAGES["unlisted_pair"],
        )
        items.append(ItemResult(f"pair:{units[0]}|{units[1]}", Verdict.FALSE_ALARM, 1.0, explanation, units))
    max_score = maximum(exercise)
    return Result(exercise.id, net_score(earned, float(len(stray))), max_score, tuple(items))


def examples(exercise: Exercise) -> Examples:
    """One pair per target, no pairs, and a pair of one sentence with itself."""
    correct = {"pairs": [[t.anchors[0].units[0], t.anchors[1].units[0]] for t in exercise.targets]}
    first = exercise.unit_ids[0]
    return Examples(correct, {"pairs": []}, {"pairs": [[first, first]]})


def rule(exercise: Exercise, tell_cost: bool) -> str:
    """How ``exercise`` is scored, in words (with the open questions' rule when it has any)."""
    return with_open_questions(RULE, bool(exercise.discussions))
