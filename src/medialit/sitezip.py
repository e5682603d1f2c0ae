"""One zip of the built book's static site, to unpack on any static web host or to open from disk."""

from __future__ import annotations

import zipfile
from pathlib import Path

from medialit.errors import MedialitError

__all__ = ["write_site_zip"]


def write_site_zip(html: Path, target: Path) -> Path:
    """Write every file under ``html`` into the zip ``target``, paths relative to ``html`` (``index.html`` on top).

    Raises :class:`MedialitError` when ``html`` holds no built book.
    """
    if not (html / "index.html").is_file():
        raise MedialitError(f"no built book in {html}: run `medialit build` first")
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    files = sorted(path for path in html.rglob("*") if path.is_file() and path.resolve() not in (target, partial))
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, path.relative_to(html).as_posix())
    partial.replace(target)
    return target
