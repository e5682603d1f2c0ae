"""The teacher's answer key as docutils nodes, rendered from each exercise's key view (:mod:`medialit.kinds.key`),
the same items and takeaway as ``medialit key`` and the widget's "Show answer"."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from medialit.catalogue import Catalogue
from medialit.kinds.key import KeyItem, KeyRole, key_view
from medialit.model import Anchor, Exercise

__all__ = ["answer_key_nodes"]

OPTION_WORDS = {
    KeyRole.RIGHT: "Right: ",
    KeyRole.WRONG: "Wrong: ",
    KeyRole.OPEN: "Discussion: ",
    KeyRole.VIEW: "View: ",
}
"""How an option of each role is introduced."""
EVIDENCE_WORDS = {
    KeyRole.RIGHT: "Evidence: ",
    KeyRole.WRONG: "Not evidence: ",
    KeyRole.OPEN: "Either (careful readers differ): ",
    KeyRole.VIEW: "View: ",
}
"""How a search result of each role is introduced."""


def _quote(anchor: Anchor, catalogue: Catalogue) -> nodes.paragraph:
    label = catalogue.get(anchor.document).label
    para = nodes.paragraph()
    para += nodes.emphasis(text=f"{label}: ")
    para += nodes.literal(text=anchor.quote, classes=["medialit-key-quote"])
    return para


def _entry(title: str, item: KeyItem, catalogue: Catalogue) -> nodes.list_item:
    entry = nodes.list_item()
    entry += nodes.paragraph(text=title)
    for anchor in item.anchors:
        entry += _quote(anchor, catalogue)
    entry += nodes.paragraph(text=item.explanation)
    return entry


def _title(item: KeyItem, labels: dict[str, str]) -> str:
    """How an item played on the sentences is introduced."""
    if item.none:
        return "Right answer: There is none."
    if item.role is KeyRole.OPEN:
        return f"Discussion (either answer is accepted): {item.id}"
    if item.role is KeyRole.WRONG:
        return f"Not a target: {item.id}"
    also = ", ".join(labels[k] for k in item.also)
    kind = f" ({labels[item.kind]}{'; also accepted: ' + also if also else ''})" if item.kind else ""
    return f"Target {item.id}{kind}"


def _exercise(exercise: Exercise, catalogue: Catalogue) -> nodes.section:
    section = nodes.section(ids=[f"key-{exercise.id}"], classes=["medialit-key"])
    section += nodes.title(text=f"{exercise.title} ({exercise.id})")
    section += nodes.paragraph(text=exercise.prompt)
    if exercise.context:
        section += _quote(exercise.context, catalogue)
    view = key_view(exercise)
    labels = {label.id: label.name for label in exercise.labels}
    options = {option.id: option.text for option in exercise.options}
    if view.items and all(item.role is KeyRole.VIEW for item in view.items):
        section += nodes.paragraph(text="Not scored: there is no right answer. Every view gets this feedback.")
    listed = nodes.bullet_list(classes=["medialit-key-targets"])
    fine = nodes.bullet_list(classes=["medialit-key-distractors"])
    for item in view.items:
        if item.option is not None:
            entry = nodes.list_item()
            entry += nodes.paragraph(text=OPTION_WORDS[item.role] + options[item.option])
            entry += nodes.paragraph(text=item.explanation)
            listed += entry
        elif item.text is not None:
            entry = nodes.list_item()
            entry += nodes.paragraph(text=f"{EVIDENCE_WORDS[item.role]}{item.text} ({item.id})")
            entry += nodes.paragraph(text=item.explanation)
            listed += entry
        elif item.role is KeyRole.WRONG:
            fine += _entry(_title(item, labels), item, catalogue)
        else:
            listed += _entry(_title(item, labels), item, catalogue)
    section += listed
    if fine.children:
        section += nodes.paragraph(text="Looks suspicious, but is fine:")
        section += fine
    if view.takeaway:
        section += nodes.paragraph(text=f"Remember: {view.takeaway}", classes=["medialit-key-takeaway"])
    return section


def answer_key_nodes(exercises: Iterable[Exercise], catalogue: Catalogue) -> list[nodes.Node]:
    """One section per exercise, in the order given."""
    return [_exercise(exercise, catalogue) for exercise in exercises]
