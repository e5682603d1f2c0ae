"""An exercise draft written as YAML: a new file in the usual layout, or an edited file with its comments kept.

An edited file is loaded in ``ruamel.yaml``'s round-trip mode and only what the draft changed is replaced: fields the
draft leaves alone keep their node, their style and the comments around them; a removed item takes its own comments
with it and leaves the next field's comment in place. Plain text that the round trip would only re-wrap keeps its
original lines. Every text written is read back and compared with the draft before anyone writes it to disk.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from medialit.errors import MedialitError

__all__ = ["FIELD_ORDER", "WIDTH", "YamlOutError", "edited_text", "new_text"]

FIELD_ORDER = (
    "schema_version",
    "id",
    "type",
    "skill",
    "title",
    "documents",
    "context",
    "allow_none",
    "multiple",
    "prompt",
    "hints",
    "labels",
    "none_feedback",
    "targets",
    "distractors",
    "options",
    "takeaway",
    "assessment",
    "reveals_ok",
    # inside items
    "name",
    "description",
    "document",
    "quote",
    "first",
    "second",
    "text",
    "label",
    "also_accept",
    "correct",
    "discussion",
    "explanation",
    "feedback",
)
"""The usual order of fields, at the top of a file and inside items (as ``medialit new-case`` writes them)."""

WIDTH = 118
"""Longest line written for new text (the project's files keep to 120 columns)."""

_FOLD_AFTER = 60
"""Text longer than this goes on lines of its own (``>-``), where quote marks and colons need no escaping."""


class YamlOutError(MedialitError):
    """A draft cannot be written as YAML that reads back as the same exercise."""


def _yaml() -> YAML:
    out = YAML()  # round-trip mode
    out.preserve_quotes = True
    out.width = 4096  # never re-wrap text that is kept: new text is wrapped by _folded
    out.indent(mapping=2, sequence=4, offset=2)
    return out


def _rank(key: str) -> int:
    return FIELD_ORDER.index(key) if key in FIELD_ORDER else len(FIELD_ORDER)


def _foldable(text: str) -> bool:
    """Whether ``text`` reads back unchanged from a ``>-`` block (one line, no doubled, leading or trailing space)."""
    return (
        bool(text)
        and text == text.strip()
        and "  " not in text
        and all(char.isprintable() or char == " " for char in text)
        and not text.startswith(("#", "%"))
    )


def _folded(text: str, indent: int) -> Any:
    """``text`` as a ``>-`` block broken at spaces so that its lines stay within :data:`WIDTH`."""
    out = FoldedScalarString(text)
    room = max(40, WIDTH - indent)
    breaks, line_start, last_space = [], 0, -1
    for index, char in enumerate(text):
        if char == " ":
            if index - line_start > room and last_space > line_start:
                breaks.append(last_space)
                line_start = last_space + 1
            last_space = index
    if len(text) - line_start > room and last_space > line_start:
        breaks.append(last_space)
    out.fold_pos = breaks  # ruamel reads this attribute to place the line breaks
    return out


def _scalar(text: str, indent: int, like: Any = None) -> Any:
    """``text`` in the style of the value it replaces (``like``), or the usual style for new text."""
    if isinstance(like, FoldedScalarString | LiteralScalarString) and _foldable(text):
        return _folded(text, indent)
    if isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if isinstance(like, SingleQuotedScalarString) and "\n" not in text:
        return SingleQuotedScalarString(text)
    if len(text) > _FOLD_AFTER and _foldable(text):
        return _folded(text, indent)
    if "\n" in text or text != text.strip() or not all(char.isprintable() or char == " " for char in text):
        # Left to itself, the emitter may write white space at either end as a block, which a comment after it
        # would then join.
        return DoubleQuotedScalarString(text)
    return text  # the emitter quotes it if it must


def _build(value: Any, indent: int, key: str = "") -> Any:
    """A new node for ``value``."""
    if isinstance(value, Mapping):
        node = CommentedMap()
        for name in sorted(value, key=_rank):
            node[name] = _build(value[name], indent + 2, name)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_build(item, indent + 4) for item in value)
        if key == "documents":
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return _scalar(value, indent + 2)
    return value


def _plain(value: Any) -> Any:
    """A node as plain data, to compare with the draft."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _same(old: Any, new: Any) -> bool:
    plain = _plain(old)
    return type(plain) is type(new) and plain == new


def _tail_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after the last line of ``node`` is kept: (container, key, index in its comment entry), on
    the last plain value inside it, as ``ruamel.yaml`` reads it."""
    if isinstance(node, CommentedMap) and node:
        last = list(node)[-1]
        deeper = _tail_slot(node[last])
        return deeper if deeper is not None else (node, last, 2)
    if isinstance(node, CommentedSeq) and node:
        deeper = _tail_slot(node[-1])
        return deeper if deeper is not None else (node, len(node) - 1, 0)
    return None


def _read(slot: tuple[Any, Any, int]) -> Any:
    container, key, index = slot
    entry = container.ca.items.get(key)
    return entry[index] if entry and len(entry) > index else None


def _take_tail(node: Any) -> Any:
    """The comment after the last line of ``node``, removed from there."""
    slot = _tail_slot(node)
    if slot is None:
        return None
    found = _read(slot)
    if found is not None:
        slot[0].ca.items[slot[1]][slot[2]] = None
    return found


def _put_tail(node: Any, comment: Any) -> None:
    """Put ``comment`` after the last line of ``node`` (nothing happens when ``comment`` is None)."""
    slot = _tail_slot(node)
    if slot is not None and comment is not None:
        _put(*slot, comment)


def _put(container: Any, key: Any, index: int, comment: Any) -> None:
    """Put ``comment`` after ``container[key]``, on lines of its own."""
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= index:
        entry.append(None)
    # After a block of text the comment starts on a line of its own; after a one-line value it ends that line first.
    block = isinstance(container[key], FoldedScalarString | LiteralScalarString)
    comment.value = comment.value.lstrip("\n") if block else "\n" + comment.value.lstrip("\n")
    entry[index] = comment


def _take_key_tail(node: CommentedMap, key: Any) -> Any:
    """The comment after field ``key`` (about the field that follows it), removed from there."""
    value = node[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value:
        found = _take_tail(value)
        if found is not None:
            return found
    entry = node.ca.items.get(key)
    if entry and len(entry) > 2 and entry[2] is not None:
        found, entry[2] = entry[2], None
        return found
    return None


def _put_key_tail(node: CommentedMap, key: Any, comment: Any) -> None:
    if comment is None:
        return
    value = node[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value:
        _put_tail(value, comment)
    else:
        _put(node, key, 2, comment)


def _remove_key(node: CommentedMap, key: str) -> None:
    """Delete ``key`` with its comments; the comment that followed it (about the next field) stays in place."""
    keys = list(node)
    position = keys.index(key)
    after = _take_key_tail(node, key)
    del node[key]
    node.ca.items.pop(key, None)
    if position > 0:
        _put_key_tail(node, keys[position - 1], after)
    elif after is not None:
        node.ca.comment = [None, [after]]


def _merge_map(node: CommentedMap, new: Mapping[str, Any], indent: int) -> CommentedMap:
    tail = _take_tail(node)
    for key in [k for k in node if k not in new]:
        _remove_key(node, key)
    for key, value in new.items():
        if key in node:
            first = _ids(node[key]) if isinstance(node[key], CommentedSeq) else None
            node[key] = _merge(node[key], value, indent + 2, key)
            if first and isinstance(value, list) and first[0] not in (_ids(value) or []):
                # The comment above the first item spoke of the item that is gone.
                node[key].ca.comment = None
                entry = node.ca.items.get(key)
                if entry and len(entry) > 3:
                    entry[3] = None
            continue
        position = sum(1 for k in node if _rank(k) <= _rank(key))
        before = list(node)[position - 1] if position else None
        moved = _take_key_tail(node, before) if before is not None else None
        node.insert(position, key, _build(value, indent + 2, key))
        _put_key_tail(node, key, moved)
    _put_tail(node, tail)
    return node


def _ids(items: Sequence[Any]) -> list[Any] | None:
    """The ``id`` of every item, or None when the items are not all mappings with an id."""
    found = [item.get("id") if isinstance(item, Mapping) else None for item in items]
    return found if found and all(isinstance(i, str) for i in found) else None


def _merge_seq(seq: CommentedSeq, new: list[Any], indent: int) -> CommentedSeq:
    tail = _take_tail(seq)
    old_ids, new_ids = _ids(seq), _ids(new)
    if old_ids is not None and new_ids is not None:
        for index in range(len(seq) - 1, -1, -1):
            if old_ids[index] not in new_ids:
                del seq[index]
                del old_ids[index]
        for index, item in enumerate(new):
            where = old_ids.index(item["id"]) if item["id"] in old_ids else -1
            if where == index:
                seq[index] = _merge(seq[index], item, indent + 4)
            elif where > index:
                moved = seq.pop(where)
                old_ids.pop(where)
                seq.insert(index, _merge(moved, item, indent + 4))
                old_ids.insert(index, item["id"])
            else:
                seq.insert(index, _build(item, indent + 4))
                old_ids.insert(index, item["id"])
    else:
        for index, item in enumerate(new[: len(seq)]):
            seq[index] = _merge(seq[index], item, indent + 4)
        while len(seq) > len(new):
            del seq[len(seq) - 1]
        for item in new[len(seq) :]:
            seq.append(_build(item, indent + 4))
    _put_tail(seq, tail)
    return seq


def _merge(old: Any, new: Any, indent: int, key: str = "") -> Any:
    """``old`` changed into ``new``, keeping whatever of ``old`` did not change."""
    if _same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        return _merge_map(old, new, indent)
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_seq(old, new, indent)
    if isinstance(new, str):
        return _scalar(new, indent + 2, old)
    return _build(new, indent, key)


def _dump(node: Any) -> str:
    out = io.StringIO()
    _yaml().dump(node, out)
    return out.getvalue()


def _reads_as(text: str, data: Mapping[str, Any]) -> bool:
    try:
        return bool(yaml.safe_load(text) == data)
    except yaml.YAMLError:
        return False


def _keep_wrapping(original: str, text: str) -> str:
    """``text`` with each run of lines that differs from ``original`` only in where it wraps put back as it was."""
    old, new = original.splitlines(keepends=True), text.splitlines(keepends=True)
    out: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "replace" and "".join(old[a1:a2]).split() == "".join(new[b1:b2]).split():
            out.extend(old[a1:a2])
        else:
            out.extend(new[b1:b2])
    return "".join(out)


def new_text(data: Mapping[str, Any]) -> str:
    """A new exercise file holding ``data``, fields in the usual order."""
    text = _dump(_build(data, -2))
    if not _reads_as(text, data):
        raise YamlOutError("the exercise cannot be written as YAML that reads back the same; this is a bug")
    return text


def edited_text(original: str, data: Mapping[str, Any]) -> str:
    """``original`` (an exercise file's text) changed to hold ``data``, its comments and untouched fields kept."""
    node = _yaml().load(original)
    if not isinstance(node, CommentedMap):
        return new_text(data)
    text = _dump(_merge_map(node, data, -2))
    kept = _keep_wrapping(original, text)
    if _reads_as(kept, data):
        return kept
    if _reads_as(text, data):
        return text
    raise YamlOutError("the exercise cannot be written as YAML that reads back the same; this is a bug")
