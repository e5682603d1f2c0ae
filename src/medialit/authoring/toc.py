"""Add a chapter to ``book/_toc.yml`` by editing its text, so that its comments and layout stay as they are."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from medialit.authoring.register import AuthoringError

__all__ = ["CASES_CAPTION", "add_chapter", "listed_files"]

CASES_CAPTION = "Your case studies"
"""The part of the book that holds the case studies added with ``medialit new-case``."""


def listed_files(toc: dict[str, Any]) -> set[str]:
    """Every ``file:`` named anywhere in a parsed table of contents."""
    found = set()
    stack = [toc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                found.add(node["file"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def add_chapter(toc_path: Path, file: str, caption: str = CASES_CAPTION) -> bool:
    """List ``file`` as a chapter of the part ``caption`` (created at the end if missing); False if already listed."""
    text = toc_path.read_text(encoding="utf-8")
    if file in listed_files(yaml.safe_load(text) or {}):
        return False
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    head = re.compile(rf"^(\s*)- caption:\s*[\"']?{re.escape(caption)}[\"']?\s*$")
    start = next((i for i, line in enumerate(lines) if head.match(line)), None)
    if start is None:
        lines += [f"  - caption: {caption}\n", "    chapters:\n", f"      - file: {file}\n"]
    else:
        found = head.match(lines[start])
        indent = len(found.group(1)) if found else 0
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, " " * (indent + 4) + f"- file: {file}\n")
    new_text = "".join(lines)
    if not _in_part(new_text, caption, file):
        raise AuthoringError(
            f"cannot add {file} to {toc_path} automatically; add it by hand under a part, as `- file: {file}`"
        )
    toc_path.write_text(new_text, encoding="utf-8")
    return True


def _in_part(text: str, caption: str, file: str) -> bool:
    """Whether ``file`` is listed in the part ``caption`` of the table of contents ``text``."""
    try:
        toc = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return False
    parts = [p for p in toc.get("parts", []) if isinstance(p, dict) and p.get("caption") == caption]
    return any(file in listed_files(part) for part in parts)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
