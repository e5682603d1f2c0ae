"""A new text as the catalogue keeps it: no byte-order mark, every line ending in a plain line feed.

Word processors and Windows editors save a byte-order mark (U+FEFF) at the start of a UTF-8 file and end lines with
CR LF (old Mac editors with CR alone). ``medialit new-case`` cleans a text once, with :func:`clean`, before it is
stored in ``seeds/``; its checksum is taken of the clean copy, so nothing later has to think about either.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BOM", "CleanText", "clean"]

BOM = "\ufeff"
"""The byte-order mark, as a character."""


@dataclass(frozen=True)
class CleanText:
    """A text after :func:`clean`, and what was changed."""

    text: str
    """The text without a byte-order mark, with LF line ends."""
    removed_bom: bool
    """Whether a byte-order mark was taken off the start."""
    crlf: int
    """How many Windows line ends (CR LF) became LF."""
    cr: int
    """How many old Mac line ends (CR alone) became LF."""

    def changes(self) -> list[str]:
        """What was changed, in words, for the author."""
        out = []
        if self.removed_bom:
            out.append("removed the byte-order mark at the start")
        if self.crlf:
            out.append(f"changed {self.crlf} Windows line end{'s' if self.crlf != 1 else ''} (CR LF) to LF")
        if self.cr:
            out.append(f"changed {self.cr} old Mac line end{'s' if self.cr != 1 else ''} (CR) to LF")
        return out


def clean(text: str) -> CleanText:
    """``text`` without a leading byte-order mark and with every CR LF and lone CR made LF."""
    removed_bom = text.startswith(BOM)
    if removed_bom:
        text = text[len(BOM) :]
    crlf = text.count("\r\n")
    text = text.replace("\r\n", "\n")
    cr = text.count("\r")
    return CleanText(text=text.replace("\r", "\n"), removed_bom=removed_bom, crlf=crlf, cr=cr)
