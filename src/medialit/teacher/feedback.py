"""One feedback page per learner, to hand back after a test: each answer, its verdict and its explanation.

``medialit grade --feedback`` writes them into ``feedback/`` beside the class's tables. A page is self-contained (inline
CSS, no script, no external request, the same Content-Security-Policy as ``report.html``), and every learner-supplied
string on it is escaped. The file name is a number (the learner's row in ``gradebook.csv``) and an ASCII form of the
name, so that names cannot collide or reach outside the folder: ``0001-ana.html``.

The view is plain data (:class:`LearnerFeedback`); ``templates/feedback.html`` turns it into HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from medialit.catalogue import Catalogue
from medialit.kinds import kind_of
from medialit.model import Exercise
from medialit.scoring import ItemResult, Verdict, max_score
from medialit.teacher.grade import ClassGrades, LearnerGrade
from medialit.teacher.html import render

__all__ = ["FeedbackItem", "FeedbackSection", "LearnerFeedback", "feedback_pages", "file_name", "sentence_texts"]


VERDICTS = {
    Verdict.FOUND: "Right",
    Verdict.MISSED: "Missed",
    Verdict.FALSE_ALARM: "Not right",
    Verdict.DISCUSSION: "Open to discussion",
    Verdict.CHOSEN: "Your view (not scored)",
    Verdict.VIEW: "Another view",
}


@dataclass(frozen=True)
class FeedbackItem:
    """One item of an answer: what it is about, the verdict, and why."""

    verdict: str
    """The verdict in words ("Right", "Missed", "Not right", "Open to discussion")."""
    about: str
    """The sentence(s), pair or option concerned, in the document's words."""
    explanation: str
    """Why."""


@dataclass(frozen=True)
class FeedbackSection:
    """One exercise of the book for one learner."""

    title: str
    """The exercise's title."""
    answered: bool
    """Whether the learner answered it."""
    score: float
    """Points earned (0 if not answered)."""
    maximum: float
    """Points available."""
    items: tuple[FeedbackItem, ...]
    """Each item, in the order the grader lists them."""
    how: str
    """How the answer was reached: first try, checks, answer shown."""
    stale: bool = False
    """The exercise changed after the learner answered."""


@dataclass(frozen=True)
class LearnerFeedback:
    """Everything one learner's page shows."""

    learner: str
    """The learner's name, as given."""
    score: float
    """Total points counted."""
    maximum: float
    """Points available."""
    scored_on: str
    """Which answers counted: ``last`` or ``first``."""
    sections: tuple[FeedbackSection, ...]
    """Every exercise of the book, in book order."""


def file_name(number: int, learner: str) -> str:
    """``0001-ana.html``: the learner's row number and an ASCII form of the name (at most 40 characters)."""
    ascii_name = unicodedata.normalize("NFKD", learner).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:40].strip("-")
    return f"{number:04d}-{slug}.html"


def _about(exercise: Exercise, item: ItemResult, sentences: Mapping[str, str]) -> str:
    options = {o.id: o.text for o in exercise.options}
    if item.id in options:
        return options[item.id]
    results = {r.id: f"{r.title} ({r.address})" for r in exercise.results}  # a search task's results
    if item.id in results:
        return results[item.id]
    if item.id == "none":
        return "“There is none”"
    texts = [sentences.get(unit, unit) for unit in item.units]
    labels = {label.id: label.name for label in exercise.labels}
    kind = f" (kind: {labels[item.label]})" if item.label in labels else ""
    return kind_of(exercise).item_joiner.join(texts) + kind


def _how(learner: LearnerGrade, index: int) -> str:
    first = learner.first_results[index]
    checks = learner.checks[index] if learner.checks else 0
    exercise = learner.results[index].exercise
    parts = [
        f"first try: {first.score:g} of {first.max_score:g}" if first is not None else "first try: not recorded",
        f"checked {checks} time{'s' if checks != 1 else ''}",
    ]
    if exercise in learner.revealed:
        parts.append("the answer was shown before the last answer")
    counted = learner.results[index]
    if first is not None and counted is first and counted is not learner.last_results[index]:
        parts.append("counted: your first try")
    elif first is not None and counted is first:
        parts.append("counted: your answer")
    else:
        parts.append("counted: your last answer")
    return "; ".join(parts)


def learner_feedback(grades: ClassGrades, learner: LearnerGrade, sentences: Mapping[str, str]) -> LearnerFeedback:
    """The page of ``learner``: every exercise of the book, answered or not."""
    by_exercise = {r.exercise: (i, r) for i, r in enumerate(learner.results)}
    sections = []
    for exercise in grades.exercises:
        found = by_exercise.get(exercise.id)
        if found is None:
            sections.append(FeedbackSection(exercise.title, False, 0.0, max_score(exercise), (), ""))
            continue
        index, result = found
        items = tuple(
            FeedbackItem(
                VERDICTS.get(item.verdict, str(item.verdict)), _about(exercise, item, sentences), item.explanation
            )
            for item in result.items
        )
        sections.append(
            FeedbackSection(
                exercise.title,
                True,
                result.score,
                result.max_score,
                items,
                _how(learner, index),
                exercise.id in learner.stale,
            )
        )
    return LearnerFeedback(learner.learner, learner.score, grades.max_score, str(grades.score_on), tuple(sections))


def feedback_pages(grades: ClassGrades, sentences: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """``(file name, HTML)`` for every graded learner, one at a time, numbered as the gradebook's rows."""
    for number, learner in enumerate(grades.learners, start=1):
        yield (
            file_name(number, learner.learner),
            render("feedback.html", page=learner_feedback(grades, learner, sentences)),
        )


def sentence_texts(catalogue: Catalogue, exercises: Iterable[Exercise]) -> dict[str, str]:
    """Every selectable sentence of ``exercises``, by id, in the document's words."""
    return {
        unit.id: catalogue.get(unit.document).text[unit.start : unit.end]
        for exercise in exercises
        for unit in exercise.units
    }
