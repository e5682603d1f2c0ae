"""Read a YAML file together with the line of every field, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["YamlFile", "field_path"]


def field_path(parts: tuple[Any, ...] | list[Any]) -> str:
    """``("targets", 2, "quote")`` as ``targets[2].quote``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class YamlFile:
    """A parsed YAML file and the 1-based line of each field path."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.data = yaml.safe_load(text)
        self.lines: dict[tuple[Any, ...], int] = {}
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is not None:
            self._walk(node, ())

    @classmethod
    def read(cls, path: Path) -> YamlFile:
        """Parse ``path``; raises :class:`yaml.YAMLError` (with a mark) on a syntax error."""
        return cls(path, path.read_text(encoding="utf-8"))

    def _walk(self, node: yaml.Node, where: tuple[Any, ...]) -> None:
        self.lines[where] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self.lines[(*where, key.value)] = key.start_mark.line + 1
                self._walk(value, (*where, key.value))
                self.lines[(*where, key.value)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, (*where, index))

    def line_of(self, where: tuple[Any, ...] | list[Any]) -> int | None:
        """The line of the deepest known field on the path ``where``."""
        parts = tuple(where)
        while parts not in self.lines and parts:
            parts = parts[:-1]
        return self.lines.get(parts)
