"""Made-up exercises for the kinds' tests: sentences, quotes and a highlight exercise over them."""

from typing import Any

from medialit.model import Anchor, Distractor, Exercise, ExerciseType, Label, Skill, Target
from medialit.text import Unit

__all__ = ["KINDS", "Distractor", "Label", "Target", "anchor", "exercise", "highlight", "units"]


def units(n: int, slug: str = "d") -> tuple[Unit, ...]:
    return tuple(Unit(f"{slug}:{i}.1", slug, i, 1, i * 10, i * 10 + 5, f"s{i}") for i in range(1, n + 1))


def anchor(*ids: str) -> Anchor:
    return Anchor(ids[0].split(":")[0], "q", 0, 1, ids)


def exercise(kind: ExerciseType, *, skill: Skill = Skill.CONTRADICTIONS, **fields: Any) -> Exercise:
    """A made-up exercise of ``kind``: ``fields`` as given, the rest filled in with placeholders."""
    defaults: dict[str, Any] = {
        "id": kind.value[0],
        "title": "t",
        "prompt": "p",
        "hints": (),
        "documents": (),
        "units": (),
    }
    return Exercise(type=kind, skill=skill, **{**defaults, **fields})


def highlight(n=6, targets=(), distractors=(), labels=(), allow_none=False) -> Exercise:
    return exercise(
        ExerciseType.HIGHLIGHT,
        skill=Skill.SOURCING,
        id="x",
        documents=("d",),
        units=units(n),
        targets=tuple(targets),
        distractors=tuple(distractors),
        labels=tuple(labels),
        allow_none=allow_none,
        none_feedback="There is none." if allow_none else "",
    )


KINDS = (Label("anon", "Anonymous"), Label("doc", "Secret document"), Label("group", "Vague group"))
