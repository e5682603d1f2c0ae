"""The teacher's answer key as docutils nodes, generated from the exercises (never typed twice)."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from medialit.catalogue import Catalogue
from medialit.model import Anchor, Exercise, ExerciseType

__all__ = ["answer_key_nodes"]


def _quote(anchor: Anchor, catalogue: Catalogue) -> nodes.Node:
    label = catalogue.get(anchor.document).label
    para = nodes.paragraph()
    para += nodes.emphasis(text=f"{label}: ")
    para += nodes.literal(text=anchor.quote, classes=["medialit-key-quote"])
    return para


def _entry(title: str, anchors: tuple[Anchor, ...], explanation: str, catalogue: Catalogue) -> nodes.list_item:
    item = nodes.list_item()
    item += nodes.paragraph(text=title)
    for anchor in anchors:
        item += _quote(anchor, catalogue)
    item += nodes.paragraph(text=explanation)
    return item


def _exercise(exercise: Exercise, catalogue: Catalogue) -> nodes.section:
    section = nodes.section(ids=[f"key-{exercise.id}"], classes=["medialit-key"])
    section += nodes.title(text=f"{exercise.title} ({exercise.id})")
    section += nodes.paragraph(text=exercise.prompt)
    labels = {label.id: label.name for label in exercise.labels}
    if exercise.type in (ExerciseType.CHOICE, ExerciseType.REFLECTION):
        if exercise.context:
            section += _quote(exercise.context, catalogue)
        if exercise.type is ExerciseType.REFLECTION:
            section += nodes.paragraph(text="Not scored: there is no right answer. Every view gets this feedback.")
        options = nodes.bullet_list()
        for option in exercise.options:
            item = nodes.list_item()
            verdict = (
                "View: "
                if exercise.type is ExerciseType.REFLECTION
                else "Discussion: "
                if option.discussion
                else "Right: "
                if option.correct
                else "Wrong: "
            )
            item += nodes.paragraph(text=verdict + option.text)
            item += nodes.paragraph(text=option.feedback)
            options += item
        section += options
        return section
    targets = nodes.bullet_list(classes=["medialit-key-targets"])
    for target in exercise.targets:
        also = ", ".join(labels[k] for k in target.also_accept)
        kind = f" ({labels[target.label]}{'; also accepted: ' + also if also else ''})" if target.label else ""
        targets += _entry(f"Target {target.id}{kind}", target.anchors, target.explanation, catalogue)
    for discussion in exercise.discussions:
        title = f"Discussion (either answer is accepted): {discussion.id}"
        targets += _entry(title, discussion.anchors, discussion.explanation, catalogue)
    if exercise.allow_none and not exercise.targets:
        item = nodes.list_item()
        item += nodes.paragraph(text="Right answer: There is none.")
        item += nodes.paragraph(text=exercise.none_feedback)
        targets += item
    section += targets
    if exercise.distractors:
        section += nodes.paragraph(text="Looks suspicious, but is fine:")
        distractors = nodes.bullet_list(classes=["medialit-key-distractors"])
        for distractor in exercise.distractors:
            distractors += _entry(
                f"Not a target: {distractor.id}", distractor.anchors, distractor.explanation, catalogue
            )
        section += distractors
    return section


def answer_key_nodes(exercises: Iterable[Exercise], catalogue: Catalogue) -> list[nodes.Node]:
    """One section per exercise, in the order given."""
    return [_exercise(exercise, catalogue) for exercise in exercises]
