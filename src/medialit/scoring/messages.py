"""Messages in words: feedback used by more than one kind, and the table of format errors.

The front-end receives both: :data:`MESSAGES` with each exercise's key, :data:`FORMAT_MESSAGES` joined into the
widget's bundle (:mod:`medialit.frontend`), so that one text serves Python and JS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["FORMAT_MESSAGES", "MESSAGES", "format_message", "kind_names"]

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

FORMAT_MESSAGES: dict[str, str] = {
    "not_object": "{name} must be an object, not {type}",
    "unknown_fields": "unknown answer fields {fields}; expected {expected}",
    "missing_fields": "missing answer fields {fields}",
    "not_list": "{name} must be a list, not {type}",
    "not_id": "an id must be text, not {type}",
    "no_sentence": "there is no sentence “{id}” in this exercise",
    "no_option": "there is no option “{id}” in this exercise",
    "needs_kind": "sentence “{unit}” needs a kind, one of {kinds}",
    "no_kinds": "this exercise takes no kinds; label must be null",
    "none_not_bool": "none must be true or false",
    "marks_and_none": "an answer cannot both mark sentences and say there is none",
    "bad_pair": "a pair links exactly two different sentences",
    "one_answer": "this question takes one answer only",
    "no_verdict": "there is no verdict “{id}” in this exercise",
    "no_result": "there is no search result “{id}” in this exercise",
    "no_query": "there is no search “{id}” in this exercise",
    "twice": "“{id}” is listed twice in {name}",
}
"""Why an answer cannot be read, by code; ``{name}`` is filled from the error's params (a list is joined with
commas). JS formats the same table with the same steps."""

_FIELD = re.compile(r"\{(\w+)\}")


def format_message(code: str, params: Mapping[str, str | list[str]]) -> str:
    """The message ``code`` with its ``{name}`` fields filled from ``params`` (lists joined by ", ")."""

    def fill(match: re.Match[str]) -> str:
        value = params[match[1]]
        return ", ".join(value) if isinstance(value, list) else value

    return _FIELD.sub(fill, FORMAT_MESSAGES[code])


def kind_names(names: list[str]) -> str:
    """The kinds that count as right, in words: the target's own kind first, then the alternatives."""
    return ", or ".join(names)
