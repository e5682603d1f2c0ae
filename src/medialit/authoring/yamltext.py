"""Write single YAML values into hand-edited files, so that the rest of each file (its comments) stays as it is."""

from __future__ import annotations

import yaml

__all__ = ["in_double_quotes", "quoted"]

# Characters a double-quoted YAML scalar must escape; everything else printable is kept as typed.
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\u2028": "\\L",
    "\u2029": "\\P",
    "\u0085": "\\N",
    "\ufeff": "\\uFEFF",
}


def in_double_quotes(text: str) -> str:
    """``text`` escaped for use between the ``"…"`` of a double-quoted YAML scalar."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif not char.isprintable() and char != " ":
            out.append(f"\\u{ord(char):04X}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08X}")
        else:
            out.append(char)
    return "".join(out)


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back as exactly ``text``."""
    scalar = f'"{in_double_quotes(text)}"'
    assert yaml.safe_load(scalar) == text, text
    return scalar
