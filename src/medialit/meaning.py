"""The content hash of an exercise: what an answer means, and nothing of the wording around it.

A saved answer names sentences, kinds and options. The book keeps it, and the teacher's grader counts it as current,
only while the exercise's content hash is the same. So the hash covers what changes what an answer means or how it
is scored: the type, the documents and every selectable sentence's text, the kinds' ids, the targets (where they are,
their kinds, which are discussion items), the options (their ids, text and whether they are right), ``multiple`` and
``allow_none``; in a search task, the verdicts (ids, text, which are right), each result's id and whether it
supports the verdict, and which results each query finds. It leaves out the wording that can be fixed without
changing any answer: the title, prompt, hints, explanations, feedback, the kinds' names and descriptions, the context
passage, the takeaway, distractors and ``reveals_ok`` notes (and a search result's title, address, snippet and
``why``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["WORDING", "meaning_hash"]

WORDING = frozenset(("explanation", "feedback", "reveals_ok", "name", "description"))
"""Fields of targets, options and kinds that are wording only."""
_TOP = ("id", "type", "documents", "allow_none", "multiple")


def _without_wording(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if k not in WORDING} for item in items]


def meaning_hash(data: Mapping[str, Any], sentences: Iterable[tuple[str, str]]) -> str:
    """16 hex digits for the exercise file's ``data`` and its selectable ``(sentence id, text)`` pairs."""
    payload = {
        **{key: data.get(key) for key in _TOP},
        "labels": [label["id"] for label in data.get("labels", ())],
        "targets": _without_wording(data.get("targets", ())),
        "options": _without_wording(data.get("options", ())),
        "sentences": [list(pair) for pair in sentences],
    }
    if "results" in data:  # a search task: its verdicts, what each result is, and what each query finds
        payload["verdicts"] = _without_wording(data.get("verdicts", ()))
        payload["results"] = [{"id": r.get("id"), "supports": r.get("supports")} for r in data["results"]]
        payload["queries"] = [{"id": q.get("id"), "results": q.get("results")} for q in data.get("queries", ())]
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
