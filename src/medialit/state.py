"""The JSON state the exercise front-end receives: what to show, and (outside exam mode) the key to score with.

This is the one contract between Python and the front-end (``static/widget.js``, ``static/scoring.js`` and each
kind's ``view.js`` / ``score.js``, joined by :mod:`medialit.frontend`). Both the static book (inlined by the Sphinx
directive) and the live widget (synced traits) send exactly this.
"""

from __future__ import annotations

from typing import Any

from medialit.catalogue import Catalogue
from medialit.kinds import kind_of
from medialit.kinds.key import key_view
from medialit.model import Anchor, Exercise
from medialit.modes import Mode
from medialit.scoring import MESSAGES, max_score, rule

__all__ = ["STATE_VERSION", "exercise_state", "ships_key"]

STATE_VERSION = 4
"""Bumped whenever the shape below changes."""


def _anchor(anchor: Anchor) -> dict[str, Any]:
    return {"document": anchor.document, "quote": anchor.quote, "units": list(anchor.units)}


def _documents(exercise: Exercise, catalogue: Catalogue) -> list[dict[str, Any]]:
    out = []
    for slug in exercise.documents:
        document = catalogue.get(slug)
        paragraphs: dict[int, list[dict[str, str]]] = {}
        for unit in document.units:
            paragraphs.setdefault(unit.paragraph, []).append({"id": unit.id, "text": unit.text})
        out.append(
            {
                "slug": slug,
                "label": document.label,
                "title": document.title,
                "lang": document.lang,  # the view sets lang and dir on the document's container
                "dir": str(document.dir),
                "paragraphs": [{"number": n, "units": units} for n, units in paragraphs.items()],
            }
        )
    return out


def _key_anchor(anchor: Anchor) -> dict[str, Any]:
    """An anchor as the key needs it: scoring and feedback go by sentence, and the page already holds the words."""
    return {"document": anchor.document, "units": list(anchor.units)}


def _key(exercise: Exercise) -> dict[str, Any]:
    """What scoring needs beyond the key view: the items' places and kinds. Their explanations are in the key view
    only (``key_view``), so that no text is sent twice."""
    return {
        "targets": [
            {
                "id": t.id,
                "anchors": [_key_anchor(a) for a in t.anchors],
                "label": t.label,
                "also_accept": list(t.also_accept),
            }
            for t in exercise.targets
        ],
        "discussions": [{"id": t.id, "anchors": [_key_anchor(a) for a in t.anchors]} for t in exercise.discussions],
        "distractors": [{"id": d.id, "anchors": [_key_anchor(a) for a in d.anchors]} for d in exercise.distractors],
        "options": [{"id": o.id, "correct": o.correct, "discussion": o.discussion} for o in exercise.options],
        "results": [{"id": r.id, "supports": r.supports} for r in exercise.results],
        "none_feedback": exercise.none_feedback,
        "messages": MESSAGES,
    }


def _search(exercise: Exercise) -> dict[str, Any] | None:
    """A search task as the learner sees it: the queries and their results (title, address, snippet, the page they
    open). Which results are evidence, and why, is in the key only."""
    if not exercise.queries:
        return None
    return {
        "queries": [
            {"id": q.id, "text": q.text, "words": list(q.words), "results": list(q.results)} for q in exercise.queries
        ],
        "results": [
            {"id": r.id, "page": r.page, "title": r.title, "address": r.address, "snippet": r.snippet}
            for r in exercise.results
        ],
    }


def ships_key(exercise: Exercise, mode: Mode) -> bool:
    """Whether a build in ``mode`` may send ``exercise``'s key, hints and maximum score to the browser.

    The one place that decides it: the ``exercise`` directive follows it, and the exam-build tests search every
    built file for the secrets of each exercise for which it is false.
    """
    match mode:
        case Mode.LEARN:
            return not exercise.assessment
        case Mode.EXAM:
            return False


def exercise_state(exercise: Exercise, catalogue: Catalogue, *, with_key: bool = True) -> dict[str, Any]:
    """Everything the front-end needs for ``exercise``; ``with_key=False`` (exam mode) leaves out answers.

    Without the key, hints are left out too (a hint can tell how many answers there are), and every highlight
    exercise offers "There is none", so that offering it gives nothing away.
    """
    return {
        "version": STATE_VERSION,
        "id": exercise.id,
        "type": str(exercise.type),
        "skill": str(exercise.skill),
        "title": exercise.title,
        "prompt": exercise.prompt,
        "hints": list(exercise.hints) if with_key else [],
        "content_hash": exercise.content_hash,
        "documents": _documents(exercise, catalogue),
        "unit_ids": list(exercise.unit_ids),
        "labels": [{"id": lab.id, "name": lab.name, "description": lab.description} for lab in exercise.labels],
        "allow_none": exercise.allow_none or (not with_key and kind_of(exercise).none_without_key),
        "options": [{"id": o.id, "text": o.text} for o in exercise.options],
        "multiple": exercise.multiple,
        "context": _anchor(exercise.context) if exercise.context else None,
        "search": _search(exercise),
        "rule": rule(exercise, tell_cost=with_key),  # a highlight's cost tells how many sentences are targets
        "max_score": max_score(exercise) if with_key else None,  # it tells how many answers are right
        "key": _key(exercise) if with_key else None,
        "key_view": key_view(exercise).as_dict() if with_key else None,  # what "Show answer" shows
        "attempts": 1 if exercise.assessment else None,  # the assessment setting: one attempt, then it is locked
    }
