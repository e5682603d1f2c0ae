"""YAML mistakes in an author's words: what is wrong on which line, and the line as it should be written.

The parser's own words ("mapping values are not allowed here", "expected <block end>") never reach the author. Each
rule looks at the line the parser stopped on, and at the lines above it, and says what a person typing the file most
likely did: a colon and a space inside unquoted text, quote marks inside a quoted value, a line indented too far or
not far enough, a tab, a quote opened and never closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medialit.authoring.yamltext import in_double_quotes
from medialit.problems import Problem

__all__ = ["SyntaxHelp", "colon_in_text", "quote_text", "syntax_problem"]

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?:(?P<key>[A-Za-z_][\w-]*):(?: +|$))?(?P<rest>.*)$")
"""A line as ``indent``, list dashes, an optional ``field:`` and the rest."""


@dataclass(frozen=True)
class SyntaxHelp:
    """One syntax mistake, in plain words."""

    line: int
    """1-based line the author should look at."""
    message: str
    """What is wrong."""
    fix: str
    """What to do, with the corrected line where there is one."""


def quote_text(text: str) -> str:
    """``text`` as a quoted YAML value an author can read: double quotes, or single quotes when the text holds
    double ones; ``None``-like text with both kinds is written with ``\\"``."""
    if '"' not in text:
        return f'"{in_double_quotes(text)}"'
    if "'" not in text:
        return f"'{text}'"
    return f'"{in_double_quotes(text)}"'


def _shown(line: str) -> str:
    return f"    {line.rstrip()}"


def _comment_free(value: str) -> str:
    """``value`` without a trailing `` # comment``."""
    return re.split(r" +#", value, maxsplit=1)[0].rstrip()


def colon_in_text(line: str) -> str | None:
    """``line`` rewritten with its text in quotes, when the text holds a colon and a space; else ``None``."""
    found = _KEY.match(line.rstrip("\n"))
    if found is None:
        return None
    rest = _comment_free(found["rest"])
    if not rest or rest[0] in "\"'|>[{&*!" or ": " not in rest + " ":
        return None
    head = found["indent"] + found["dash"] + (f"{found['key']}: " if found["key"] else "")
    return head + quote_text(rest)


def _closing_quote(rest: str) -> int | None:
    """The index in ``rest`` (which starts with a quote mark) of the quote mark that closes it, if any."""
    mark, index = rest[0], 1
    while index < len(rest):
        if mark == '"' and rest[index] == "\\":
            index += 2
            continue
        if rest[index] == mark:
            if mark == "'" and rest[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _after_closing_quote(line: str) -> tuple[str, str] | None:
    """(the text after the closing quote, the line without it) when a quoted value is followed by more text that
    holds no other quote mark of the same kind; else ``None``."""
    found = _KEY.match(line)
    if found is None:
        return None
    rest = _comment_free(found["rest"])
    if len(rest) < 2 or rest[0] not in "\"'":
        return None
    close = _closing_quote(rest)
    if close is None or not rest[close + 1 :].strip() or rest[0] in rest[close + 1 :]:
        return None
    head = found["indent"] + found["dash"] + (f"{found['key']}: " if found["key"] else "")
    return rest[close + 1 :].strip(), head + rest[: close + 1]


def _quotes_inside_quotes(line: str) -> str | None:
    """``line`` rewritten when its value is quoted and holds more quote marks of the same kind; else ``None``."""
    found = _KEY.match(line)
    if found is None:
        return None
    rest = _comment_free(found["rest"])
    if len(rest) < 2 or rest[0] not in "\"'":
        return None
    mark = rest[0]
    inner = rest[1:-1] if rest.endswith(mark) else rest[1:]
    if mark not in inner:
        return None
    head = found["indent"] + found["dash"] + (f"{found['key']}: " if found["key"] else "")
    if mark == "'" and '"' not in inner:
        return head + f'"{inner}"'
    if mark == '"' and "'" not in inner:
        return head + f"'{inner}'"
    indent = " " * (len(found["indent"]) + len(found["dash"]) + 2)
    return head + ">-\n    " + indent + inner


def _lines_above(lines: list[str], number: int) -> list[tuple[int, str]]:
    """The non-blank, non-comment lines above the 0-based line ``number``, nearest first."""
    return [
        (n, lines[n]) for n in range(number - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")
    ]


def _key_column(line: str) -> int:
    """0-based column where the line's field name (or text) starts, after its indentation and list dashes."""
    found = _KEY.match(line)
    return len(found["indent"]) + len(found["dash"]) if found else len(line) - len(line.lstrip())


def _is_field_or_item(line: str) -> bool:
    """Whether ``line`` is ``field: ...`` or ``- ...`` (not a line of text)."""
    found = _KEY.match(line)
    return found is not None and bool(found["key"] or found["dash"])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _opens_block(line: str) -> bool:
    """Whether ``line`` ends in ``field:`` (the next lines may be indented further), or is a ``>-``/``|`` text."""
    value = _comment_free(line)
    return value.endswith(":") or bool(re.search(r":\s*[>|][-+]?\d*$", value))


def _indentation(lines: list[str], number: int) -> SyntaxHelp | None:
    """Line ``number`` (0-based) indented unlike the fields around it: the column it should start at."""
    if not 0 <= number < len(lines):
        return None
    line = lines[number]
    above = _lines_above(lines, number)
    if not above:
        return None
    previous_number, previous = above[0]
    here = _indent(line)
    expected = _key_column(previous)
    if _opens_block(previous) and here > _indent(previous):
        return None
    name = _KEY.match(line)
    if name is None or not (name["key"] or name["dash"]):
        return None  # a line of plain text: see the "neither a field nor a list item" rule
    levels = {_key_column(text) for _, text in above if _is_field_or_item(text)}
    if name is not None and name["dash"]:
        levels |= {_indent(text) for _, text in above if text.lstrip().startswith("- ")}
    if here == expected or (here < expected and here in levels):
        return None
    what = f"`{name['key']}` on line {number + 1}" if name and name["key"] else f"line {number + 1}"
    moved = " " * expected + line.lstrip(" ")
    way = "too far" if here > expected else "not far enough"
    return SyntaxHelp(
        line=number + 1,
        message=f"{what} is indented {way}: it starts at column {here + 1}, and the fields of "
        f"the same item (line {previous_number + 1}) start at column {expected + 1}",
        fix=f"start it at column {expected + 1} ({expected} spaces), like line {previous_number + 1}:\n"
        + _shown(previous)
        + "\n"
        + _shown(moved),
    )


def _tab(lines: list[str], number: int) -> SyntaxHelp:
    candidates = [number, *range(len(lines))]
    row = next((n for n in candidates if 0 <= n < len(lines) and "\t" in lines[n]), number)
    line = lines[row] if 0 <= row < len(lines) else ""
    column = line.find("\t") + 1
    spaced = line.replace("\t", "  ")
    return SyntaxHelp(
        line=row + 1,
        message=f"line {row + 1}, column {column} holds a tab; YAML lines are indented with spaces only",
        fix=f"replace the tab with spaces (line {row + 1}, column {column}), so that the line lines up with the fields "
        f"it belongs to, for example:\n" + _shown(spaced),
    )


def _unclosed(lines: list[str], opened: int, column: int | None = None) -> SyntaxHelp:
    line = lines[opened] if 0 <= opened < len(lines) else ""
    at = f", column {column + 1}" if column is not None else ""
    mark = line[column] if column is not None and column < len(line) else '"'
    return SyntaxHelp(
        line=opened + 1,
        message=f"the quote mark {mark} opened on line {opened + 1}{at} is not closed on that line",
        fix=f"close the quote at the end of the text: put {mark} at the end of line {opened + 1}:\n"
        + _shown(line.rstrip() + mark),
    )


def _stray_text(lines: list[str], number: int) -> SyntaxHelp | None:
    """A line of plain text where a field or a list item was expected, right above the line the parser stopped on
    (it notices only there)."""
    above = _lines_above(lines, number)
    if not above or _is_field_or_item(above[0][1]) or not 0 <= number < len(lines):
        return None
    row, line = above[0]
    if _indent(line) > _indent(lines[number]) and len(above) > 1 and not _comment_free(above[1][1]).endswith(":"):
        return None  # more indented than the line that failed: the text of the field above, which may run on
    if len(above) > 1 and _opens_block(above[1][1]) and not _comment_free(above[1][1]).endswith(":"):
        return None  # a line of a `>-` text
    return SyntaxHelp(
        line=row + 1,
        message=f"line {row + 1} is neither `field: value` nor a list item `- value`",
        fix="if it is an item of the list below, start it with `- `; if it is the text of the field above, put it on "
        "the same line as the field, in quotes:\n" + _shown(line),
    )


def _unclosed_quote_above(lines: list[str], before: int) -> int | None:
    """The 0-based line above ``before`` whose double quotes do not pair up: the usual cause of a far-off error."""
    for number in range(min(before, len(lines)) - 1, -1, -1):
        text = lines[number].split(" #")[0]
        if not text.lstrip().startswith("#") and len(re.findall(r'(?<!\\)"', text)) % 2:
            return number
    return None


def explain(text: str, error: yaml.YAMLError) -> SyntaxHelp:
    """The mistake behind the parser's ``error`` in ``text``, in plain words."""
    lines = text.splitlines()
    mark = getattr(error, "problem_mark", None)
    start = getattr(error, "context_mark", None)
    problem = str(getattr(error, "problem", None) or error)
    context = str(getattr(error, "context", None) or "")
    number = mark.line if mark is not None else 0
    if start is not None and ("simple key" in context or number >= len(lines)):
        number = start.line  # the line the parser was reading when it gave up further down
    number = max(0, min(number, len(lines) - 1))
    line = lines[number] if lines else ""
    if "'\\t'" in problem or "\t" in line[: _indent(line) + 1]:
        return _tab(lines, number)
    if "quoted scalar" in context and start is not None:
        return _unclosed(lines, start.line, start.column)
    for help_ in _by_line(lines, number, problem):
        if help_ is not None:
            return help_
    opened = _unclosed_quote_above(lines, number)
    if opened is not None and opened != number:
        column = max(i for i, c in enumerate(lines[opened]) if c == '"' and lines[opened][i - 1 : i] != "\\")
        return _unclosed(lines, opened, column)
    stray = _stray_text(lines, number)
    if stray is not None:
        return stray
    return SyntaxHelp(
        line=number + 1,
        message=f"medialit cannot read line {number + 1}" + (f", column {mark.column + 1}" if mark is not None else ""),
        fix="compare it with the lines around it: each line is `field: value` or a list item `- value`, indented "
        "like the fields it belongs to; put text that holds a colon or a # in quotes:\n" + _shown(line),
    )


def _by_line(lines: list[str], number: int, problem: str) -> list[SyntaxHelp | None]:
    """The rules that look at the line itself, in order of likelihood; computed lazily by the caller's loop."""
    line = lines[number] if 0 <= number < len(lines) else ""
    helps: list[SyntaxHelp | None] = []
    if "mapping values" in problem or "block end" in problem:
        after = _after_closing_quote(line)
        if after is not None:
            helps.append(
                SyntaxHelp(
                    line=number + 1,
                    message=f"line {number + 1} has {after[0]!r} after the closing quote mark, outside the text",
                    fix="delete it, or move it inside the quote marks:\n" + _shown(after[1]),
                )
            )
        quoted = _quotes_inside_quotes(line)
        if quoted is not None:
            found = _KEY.match(line)
            mark = _comment_free(found["rest"])[0] if found else '"'
            other = "single" if mark == '"' else "double"
            helps.append(
                SyntaxHelp(
                    line=number + 1,
                    message=f"the text on line {number + 1} is in {_quote_name(mark)} and holds {_quote_name(mark)} "
                    "itself, so the value ends too early",
                    fix=f"write the value in {other} quotes (or, if it holds both kinds, as a `>-` text on the next "
                    "line):\n" + _shown(quoted),
                )
            )
        helps.append(_indentation(lines, number))
        fixed = colon_in_text(line)
        if fixed is not None:
            helps.append(
                SyntaxHelp(
                    line=number + 1,
                    message=f"the text on line {number + 1} holds a colon followed by a space, which YAML reads as "
                    "the start of a new field",
                    fix="put this text in quotes:\n" + _shown(fixed),
                )
            )
    if "expected ':'" in problem or "block end" in problem or "mapping values" in problem:
        helps.append(_indentation(lines, number))
    if "expected ':'" in problem or ("block end" in problem and line.strip() and not _is_field_or_item(line)):
        helps.append(
            SyntaxHelp(
                line=number + 1,
                message=f"line {number + 1} is neither `field: value` nor a list item `- value`",
                fix="if it is a new item of the list above, start it with `- `; if it continues the text above, put "
                "that whole text in quotes or write it as a `>-` text:\n" + _shown(line),
            )
        )
    return helps


def _quote_name(mark: str) -> str:
    return "double quotes" if mark == '"' else "single quotes"


def syntax_problem(path: Path, text: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error of the file ``path`` holding ``text``, as a :class:`Problem` in an author's words."""
    found = explain(text, error)
    return Problem(
        file=str(path), line=found.line, field="", message=f"this is not valid YAML: {found.message}", fix=found.fix
    )


def text_for_mapping(value: Any) -> str | None:
    """The text an author typed when YAML read a line of prose as ``{before: after}`` (a colon and a space inside
    unquoted text): ``"before: after"``; ``None`` for anything else."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, rest),) = value.items()
        if isinstance(key, str) and (rest is None or isinstance(rest, str | int | float)):
            return f"{key}: {rest}" if rest is not None else f"{key}:"
    return None
