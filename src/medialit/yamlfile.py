"""Read a YAML file together with the line of every field, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["YamlFile", "field_path", "load"]


def field_path(parts: tuple[Any, ...] | list[Any]) -> str:
    """``("targets", 2, "quote")`` as ``targets[2].quote``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _parse_with(loader_class: Any, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (None if node is None else loader.construct_document(node))
    finally:
        loader.dispose()


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data of ``text``, parsed once.

    libyaml parses when it is there. A text it refuses is parsed again by PyYAML's own parser, so a mistake is always
    reported with the same words and at the same place, whichever parser is installed.
    """
    if getattr(yaml, "__with_libyaml__", False):
        try:
            return _parse_with(yaml.CSafeLoader, text)
        except yaml.YAMLError:
            pass  # reported below, by PyYAML's own parser
    return _parse_with(yaml.SafeLoader, text)


def load(text: str) -> Any:
    """The data of ``text``, as :func:`yaml.safe_load` gives it, read by libyaml when it is there."""
    return _parse(text)[1]


class YamlFile:
    """A parsed YAML file and the 1-based line of each field path."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.lines: dict[tuple[Any, ...], int] = {}
        self.values: dict[tuple[Any, ...], yaml.Node] = {}
        node, self.data = _parse(text)
        if node is not None:
            self._walk(node, ())

    @classmethod
    def read(cls, path: Path) -> YamlFile:
        """Parse ``path``; raises :class:`yaml.YAMLError` (with a mark) on a syntax error."""
        return cls(path, path.read_text(encoding="utf-8"))

    def _walk(self, node: yaml.Node, where: tuple[Any, ...]) -> None:
        self.lines[where] = node.start_mark.line + 1
        self.values[where] = node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self.lines[(*where, key.value)] = key.start_mark.line + 1
                self._walk(value, (*where, key.value))
                self.lines[(*where, key.value)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, (*where, index))

    def source_line(self, number: int) -> str:
        """The text of the 1-based line ``number`` as written (empty past the end)."""
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def column_in_value(self, where: tuple[Any, ...] | list[Any], offset: int) -> tuple[int, int] | None:
        """The 1-based (line, column) of character ``offset`` of the text value at ``where``, when that value is
        written on one line exactly as it reads (no escapes); else ``None``."""
        node = self.values.get(tuple(where))
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.style in (">", "|"):  # a block text: exact when it is one line below its `>-`
            line = self.source_line(node.start_mark.line + 2)
            if str(node.value) != line.strip() or "\n" in str(node.value):
                return None
            return node.start_mark.line + 2, len(line) - len(line.lstrip()) + offset + 1
        if node.start_mark.line != node.end_mark.line:
            return None
        line = self.source_line(node.start_mark.line + 1)
        begin = node.start_mark.column + (1 if node.style in ("'", '"') else 0)
        value = str(node.value)
        if line[begin : begin + len(value)] != value or "\\" in line[begin : begin + len(value)]:
            return None
        return node.start_mark.line + 1, begin + offset + 1

    def line_of(self, where: tuple[Any, ...] | list[Any]) -> int | None:
        """The line of the deepest known field on the path ``where``."""
        parts = tuple(where)
        while parts not in self.lines and parts:
            parts = parts[:-1]
        return self.lines.get(parts)
