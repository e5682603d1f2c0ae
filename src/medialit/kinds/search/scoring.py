"""Search: a verdict and the evidence for it.

The verdict earns 1 point when it is one of the right verdicts. Each ticked result that supports the right verdict
earns 1 point, each ticked weak source or result that is not evidence takes 1 point away, and a result on which
careful readers differ earns and costs nothing; the evidence part never goes below 0 (PrairieLearn's net-correct
rule). The maximum is 1 plus the number of supporting results. What the learner searched is recorded, not scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.kinds.open_question import with_open_questions
from medialit.model import Exercise
from medialit.scoring.common import expect_id, expect_keys, expect_list, net_score
from medialit.scoring.results import Examples, FormatError, ItemResult, Result, Verdict

__all__ = ["FIELDS", "RULE", "SearchAnswer", "examples", "grade", "maximum", "parse", "rule"]

FIELDS = ("verdict", "evidence", "searched")
"""The answer's fields: ``searched`` may be left out."""
RULE = (
    "A right verdict earns 1 point. Each result you tick as evidence earns 1 point if it supports the right verdict, "
    "and takes 1 point away if it is a weak source or not evidence. The evidence part never goes below 0."
)
"""The rule in words."""


@dataclass(frozen=True)
class SearchAnswer:
    """A learner's verdict, evidence and searches."""

    verdict: str | None
    """The verdict's id, or ``None`` when none is chosen."""
    evidence: frozenset[str]
    """Ids of the results ticked as evidence."""
    searched: tuple[str, ...]
    """Ids of the queries run, in order (recorded, not scored)."""


def _ids(value: Any, name: str, known: set[str], code: str) -> list[str]:
    """A list of known ids, each once."""
    found: list[str] = []
    for raw in expect_list(value, name):
        item = expect_id(raw, known, code)
        if item in found:
            raise FormatError("twice", id=item, name=name)
        found.append(item)
    return found


def parse(exercise: Exercise, raw: Any) -> SearchAnswer:
    """Read ``{"verdict": id or null, "evidence": [result ids], "searched": [query ids]}``."""
    raw = expect_keys(raw, FIELDS, ("verdict", "evidence"))
    verdict = raw["verdict"]
    if verdict is not None:
        verdict = expect_id(verdict, {o.id for o in exercise.options}, "no_verdict")
    evidence = _ids(raw["evidence"], "evidence", {r.id for r in exercise.results}, "no_result")
    searched = _ids(raw.get("searched", []), "searched", {q.id for q in exercise.queries}, "no_query")
    return SearchAnswer(verdict, frozenset(evidence), tuple(searched))


def maximum(exercise: Exercise) -> float:
    """Points available: 1 for the verdict, 1 per supporting result."""
    return 1.0 + sum(r.supports is True for r in exercise.results)


def grade(exercise: Exercise, answer: SearchAnswer) -> Result:
    """Score ``answer``; see the module docstring for the rule."""
    items = []
    right = {o.id for o in exercise.options if o.correct}
    verdict_points = 0.0
    for option in exercise.options:
        if option.id == answer.verdict:
            verdict_points = 1.0 if option.correct else 0.0
            kind = Verdict.FOUND if option.correct else Verdict.FALSE_ALARM
            items.append(ItemResult(option.id, kind, verdict_points, option.feedback))
    if answer.verdict not in right:
        items += [ItemResult(o.id, Verdict.MISSED, 0.0, o.feedback) for o in exercise.options if o.correct]
    earned = lost = 0.0
    for result in exercise.results:
        ticked = result.id in answer.evidence
        if ticked and result.supports is None:
            items.append(ItemResult(result.id, Verdict.DISCUSSION, 0.0, result.why))
        elif ticked and result.supports:
            earned += 1.0
            items.append(ItemResult(result.id, Verdict.FOUND, 1.0, result.why))
        elif ticked:
            lost += 1.0
            items.append(ItemResult(result.id, Verdict.FALSE_ALARM, 1.0, result.why))
        elif result.supports:
            items.append(ItemResult(result.id, Verdict.MISSED, 0.0, result.why))
    return Result(exercise.id, verdict_points + net_score(earned, lost), maximum(exercise), tuple(items))


def examples(exercise: Exercise) -> Examples:
    """The first right verdict with every supporting result; a wrong verdict with every weak one; a made-up result."""
    right = next(o.id for o in exercise.options if o.correct)
    wrong = next((o.id for o in exercise.options if not o.correct), None)
    supporting = [r.id for r in exercise.results if r.supports is True]
    weak = [r.id for r in exercise.results if r.supports is False]
    searched = [q.id for q in exercise.queries]
    return Examples(
        {"verdict": right, "evidence": supporting, "searched": searched},
        {"verdict": wrong, "evidence": weak, "searched": searched[:1]},
        {"verdict": right, "evidence": ["no-such-result"], "searched": []},
    )


def rule(exercise: Exercise, tell_cost: bool) -> str:
    """How ``exercise`` is scored, in words (with the open questions' rule when a result is one)."""
    return with_open_questions(RULE, any(r.supports is None for r in exercise.results))
