"""Write tables as CSV that a spreadsheet opens as data, never as formulas.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading ``'``
(the OWASP advice against CSV injection); numbers and booleans are written as they are.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["neutralise", "write_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may read as the start of a formula."""


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) cannot start a formula."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_bool_dtype(out[column]):
            continue
        values = out[column]
        risky = values.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_STARTS)) if values.dtype == object \
            else values.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
        if risky.any():
            out[column] = values.where(~risky, "'" + values[risky].astype(str))
    out.columns = [_cell(str(c)) for c in out.columns]
    return out


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` (without its index) to ``path`` as UTF-8 CSV with CRLF line ends (RFC 4180), neutralised."""
    neutralise(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")
    return path
