"""The exercise schema, joined from the fields every exercise has (``schema/exercise-base.json``) and each kind's
fragment (``kinds/<kind>/schema.json``).

A fragment holds its kind's ``description`` (one phrase), the fields it ``required``, its ``properties`` (the fields
only some kinds take, each with its description), ``restricts`` (narrower rules for fields every exercise has) and
its ``$defs``. The join lists every field at the top (so that an unknown field is still refused there) and gives
each kind a branch: its own fields as it describes them, every other kind's fields forbidden.

``python -m medialit.kinds.schema`` writes the join to ``schema/exercise-v1.json``, the file editors and the docs
point at; a test checks that the file equals the join.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from medialit.kinds import ExerciseType

__all__ = ["JOINED", "fragment", "joined_schema", "main"]

JOINED = "schema/exercise-v1.json"
"""Where the join is written, in the package."""


def _json(path: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("medialit").joinpath(path).read_text(encoding="utf-8"))
    return data


def fragment(kind: ExerciseType) -> dict[str, Any]:
    """The schema fragment of ``kind``."""
    return _json(f"kinds/{kind.value}/schema.json")


def _is_type(kind: ExerciseType) -> dict[str, Any]:
    return {"required": ["type"], "properties": {"type": {"const": kind.value}}}


@cache
def joined_schema() -> dict[str, Any]:
    """The whole exercise schema: the base with every kind's fragment."""
    schema = _json("schema/exercise-base.json")
    schema.pop("$comment", None)
    fragments = {kind: fragment(kind) for kind in ExerciseType}
    properties = schema["properties"]
    kind_fields: dict[str, list[str]] = {}
    for kind, part in fragments.items():
        for name, field in part.get("properties", {}).items():
            kind_fields.setdefault(name, []).append(f"{kind.value}: {field['description']}")
        for name, definition in part.get("$defs", {}).items():
            if name in schema["$defs"]:
                raise ValueError(f"{kind.value}/schema.json: $defs {name!r} is defined twice")
            schema["$defs"][name] = definition
    properties["type"] = {
        "description": "; ".join(f"{kind.value}: {part['description']}" for kind, part in fragments.items()) + ".",
        "enum": [kind.value for kind in fragments],
    }
    for name, lines in kind_fields.items():
        properties[name] = {"description": " ".join(lines)}
    branches = []
    for kind, part in fragments.items():
        own = part.get("properties", {})
        rules = {name: own.get(name, False) for name in kind_fields}
        rules.update(part.get("restricts", {}))
        branches.append({"if": _is_type(kind), "then": {"required": part.get("required", []), "properties": rules}})
    schema["allOf"] = branches
    return schema


def main() -> None:  # pragma: no cover - a maintenance script
    """Write the join to ``schema/exercise-v1.json`` in the source tree."""
    path = Path(__file__).resolve().parents[1] / JOINED
    path.write_text(json.dumps(joined_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
