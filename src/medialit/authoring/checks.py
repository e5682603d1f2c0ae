"""Checks of exercise files that speak to the author: a colon read as a new field, look-alike characters in a quote,
TODOs left, a sentence keyed both ways, an exercise file copied without a new id.

:mod:`medialit.exercises` calls these while it validates a file; each returns what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema

from medialit.authoring.yamlmistakes import quote_text, text_for_mapping
from medialit.model import Exercise, Target
from medialit.nearest import Suggestion
from medialit.problems import Problem
from medialit.yamlfile import YamlFile

__all__ = ["colon_in_list_item", "duplicate_ids", "look_alike_fix", "overlaps", "todo_fix"]


def colon_in_list_item(
    yaml_file: YamlFile, where: tuple[Any, ...], error: jsonschema.ValidationError
) -> tuple[str, str] | None:
    """(message, fix) when a field that takes text holds ``{before: after}``: text with a colon and a space that
    YAML read as a field; ``None`` for any other schema error."""
    expected: Any = error.validator_value
    if error.validator != "type" or "string" not in ([expected] if isinstance(expected, str) else list(expected)):
        return None
    typed = text_for_mapping(error.instance)
    if typed is None:
        return None
    number = yaml_file.line_of(where)
    line = yaml_file.source_line(number) if number else ""
    indent = line[: len(line) - len(line.lstrip(" -"))] if line.lstrip().startswith("-") else ""
    rewritten = f"{indent}{quote_text(typed)}" if indent else quote_text(typed)
    return (
        "this text holds a colon followed by a space, so YAML read it as `field: value` instead of text",
        f"put this text in quotes:\n    {rewritten}",
    )


def look_alike_fix(yaml_file: YamlFile, where: tuple[Any, ...], suggestion: Suggestion, most: int = 4) -> str:
    """``"; line 12, column 30: the quote has ..."`` for each look-alike character (a curly quote, a dash, a space)
    that differs between a quote and the text; empty when there is none."""
    parts = []
    for found in suggestion.look_alikes[:most]:
        place = yaml_file.column_in_value(where, found.offset)
        at = f"line {place[0]}, column {place[1]}" if place else f"character {found.offset + 1} of the quote"
        parts.append(f"{at}: the quote has {found}")
    more = f", and {len(suggestion.look_alikes) - most} more like these" if len(suggestion.look_alikes) > most else ""
    return ("; " + "; ".join(parts) + more) if parts else ""


def todo_fix(value: str) -> str:
    """How to replace a TODO placeholder, in the placeholder's own words."""
    found = re.search(r"TODO\s*:?\s*(.+)", " ".join(value.split()))
    instruction = found.group(1).strip() if found else ""
    if instruction:
        return f"write the real text in place of the placeholder ({instruction}) and remove the word TODO"
    return "write the real text in place of the placeholder and remove the word TODO"


def _index(data: dict[str, Any], group: str, item_id: str) -> int:
    return next((i for i, raw in enumerate(data.get(group, ())) if raw.get("id") == item_id), 0)


def _clash(target: Target, anchors: tuple[Any, ...], single: bool) -> bool:
    """Whether a distractor with ``anchors`` keys the same sentences as ``target``: one shared sentence for a
    one-quote item, the same sentences on both sides for a pair."""
    if single:
        return bool(set(target.anchors[0].units) & set(anchors[0].units))
    return {frozenset(a.units) for a in target.anchors} == {frozenset(a.units) for a in anchors}


def overlaps(exercise: Exercise, data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str, str]]:
    """(where, what, fix) for each distractor keying a sentence (or pair) that a target keys too: a learner
    cannot be both right and wrong to mark it."""
    found = []
    for distractor in exercise.distractors:
        for target in (*exercise.targets, *exercise.discussions):
            single = len(target.anchors) == 1 and len(distractor.anchors) == 1
            if len(target.anchors) != len(distractor.anchors) or not _clash(target, distractor.anchors, single):
                continue
            shared = sorted(
                {u for a in target.anchors for u in a.units} & {u for a in distractor.anchors for u in a.units}
            )
            what = f"sentence {shared[0]}" if single and len(shared) == 1 else "sentences " + ", ".join(shared)
            where_target = f"targets[{_index(data, 'targets', target.id)}]"
            found.append(
                (
                    ("distractors", _index(data, "distractors", distractor.id), "quote" if single else "id"),
                    f"the {what} is keyed both as a target ({target.id!r}, {where_target}) and as a distractor "
                    f"({distractor.id!r}): a learner cannot be both right and wrong to mark it",
                    f"decide which it is: remove the distractor {distractor.id!r}, or the target {target.id!r}; if "
                    "careful readers could disagree, keep only the target and add `discussion: true` to it",
                )
            )
    return found


def _id_line(path: str) -> int:
    """The line of the ``id:`` field in the exercise file ``path`` (1 if it cannot be found)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, start=1) if re.match(r"id\s*:", line)), 1)


def duplicate_ids(exercises: Iterable[Exercise]) -> tuple[list[Exercise], list[Problem]]:
    """The exercises with unique ids, and an error for each copy: a file whose id another file already uses.

    Of the files sharing an id, the one named after the id (``<id>.yaml``) is the original; when none is, the first
    by file name. Each other file is the copy: the error is on it and names the original too."""
    by_id: dict[str, list[Exercise]] = {}
    for exercise in exercises:
        by_id.setdefault(exercise.id, []).append(exercise)
    kept: list[Exercise] = []
    problems: list[Problem] = []
    for exercise_id, group in by_id.items():
        named = [e for e in group if Path(e.source).stem == exercise_id]
        original = named[0] if named else group[0]
        kept.append(original)
        taken = set(by_id)
        for copy in group:
            if copy is original:
                continue
            stem = Path(copy.source).stem
            new_id = stem if stem not in taken and re.fullmatch(r"[a-z0-9][a-z0-9-]*", stem) else f"{exercise_id}-2"
            problems.append(
                Problem(
                    file=copy.source,
                    line=_id_line(copy.source),
                    field="id",
                    message=f"the exercise id {exercise_id!r} is already used by {original.source}; this file looks "
                    f"like a copy of it, and the book shows only {Path(original.source).name} under that id",
                    fix=f"give this file its own id, for example `id: {new_id}`, and use that id in the chapter "
                    "page's {medialit-exercise} line",
                )
            )
    kept.sort(key=lambda e: Path(e.source))
    return kept, problems
