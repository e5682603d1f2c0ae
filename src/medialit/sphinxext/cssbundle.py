"""One stylesheet per page instead of nine: the stylesheets a page links, joined in their order into one file.

A book page links nine stylesheets, one of which (the theme's ``theme.css``) imports a tenth, so the browser asks
for ten files, the last only after the first has arrived, before it can paint. After the build, each run of
stylesheet links in a page's head is replaced by one link to ``_static/medialit/styles-<hash>.css``: the files joined
in the same order, ``@import`` rules replaced by the file they import, every ``url()`` rewritten for the new place.
Pages that link the same stylesheets share one file, named by its content, so a change gives a new name and no
browser keeps an old copy. A run is left as it is if a link has attributes other than ``rel``, ``type`` and ``href``
(a ``media``, say), points outside ``_static`` or to a missing file, or if a file imports with a media query.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["BUNDLE_FOLDER", "Filter", "bundle_stylesheets", "joined_css", "sources_of"]

BUNDLE_FOLDER = Path("_static", "medialit")
"""Where the joined stylesheets are written, relative to the site folder."""

LINK = re.compile(r"<link\b([^>]*)>")
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')
URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1\s*\)?\s*([^;]*);""")
CHARSET = re.compile(r'@charset\s+"[^"]*"\s*;')
SOURCES = re.compile(r"/\* medialit: joined from (.*?) \*/")

Filter = Callable[[Path, str], str]
"""What is kept of one stylesheet's text (its path, its text → the text to join)."""


def _unchanged(path: Path, css: str) -> str:
    return css


class _Unbundled(Exception):
    """This run of links stays as it is."""


def _stylesheet(tag_attributes: str) -> str | None:
    """The ``href`` of a plain stylesheet link (``rel``, ``type`` and ``href`` only), else ``None``."""
    attributes = dict(ATTRIBUTE.findall(tag_attributes))
    if attributes.get("rel") != "stylesheet" or not set(attributes) <= {"rel", "type", "href"}:
        return None
    return attributes.get("href")


def _local(url: str) -> bool:
    return not (urlsplit(url).scheme or url.startswith(("/", "#", "data:")))


def _file_css(path: Path, target_folder: Path, site: Path, seen: frozenset[Path], keep: Filter) -> str:
    """The text of ``path`` as ``keep`` leaves it, with its imports inlined and its ``url()`` rewritten relative to
    ``target_folder``."""
    if path in seen or not path.is_file() or site / "_static" not in path.parents:
        raise _Unbundled(path)
    text = CHARSET.sub("", keep(path, path.read_text(encoding="utf-8")))

    def inline(match: re.Match[str]) -> str:
        if match.group(3).strip() or not _local(match.group(2)):
            raise _Unbundled(path)
        imported = (path.parent / urlsplit(match.group(2)).path).resolve()
        return _file_css(imported, target_folder, site, seen | {path}, keep)

    def rewrite(match: re.Match[str]) -> str:
        url = match.group(2)
        if not _local(url):
            return match.group(0)
        parts = urlsplit(url)
        moved = os.path.relpath((path.parent / parts.path).resolve(), target_folder)
        suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return f'url("{Path(moved).as_posix()}{suffix}")'

    return URL.sub(rewrite, IMPORT.sub(inline, text))


def joined_css(paths: list[Path], site: Path, keep: Filter = _unchanged) -> str:
    """The stylesheets ``paths`` of the built ``site`` as one file in :data:`BUNDLE_FOLDER`, each as ``keep`` leaves
    it. A comment names the files joined (the originals stay in the site as they were)."""
    target = (site / BUNDLE_FOLDER).resolve()
    parts = [_file_css(path.resolve(), target, site.resolve(), frozenset(), keep) for path in paths]
    names = " ".join(Path(os.path.relpath(path.resolve(), target)).as_posix() for path in paths)
    return f'@charset "UTF-8";\n/* medialit: joined from {names} */\n' + "\n".join(parts)


def sources_of(bundle_css: str) -> list[str]:
    """The files a joined stylesheet was made from, relative to :data:`BUNDLE_FOLDER`."""
    found = SOURCES.search(bundle_css)
    return found.group(1).split() if found else []


def _runs(head: str) -> list[tuple[int, int, list[str]]]:
    """Each run of two or more plain stylesheet links in ``head``, with nothing but white space between them: its
    start, end and hrefs."""
    runs: list[tuple[int, int, list[str]]] = []
    start = end = -1
    hrefs: list[str] = []
    for match in LINK.finditer(head):
        href = _stylesheet(match.group(1))
        if href is not None and hrefs and not head[end : match.start()].strip():
            hrefs.append(href)
            end = match.end()
            continue
        if len(hrefs) > 1:
            runs.append((start, end, hrefs))
        start, end, hrefs = (match.start(), match.end(), [href]) if href is not None else (-1, -1, [])
    if len(hrefs) > 1:
        runs.append((start, end, hrefs))
    return runs


def _bundle_page(page: Path, site: Path, written: dict[str, str], keep: Filter) -> str | None:
    """The page's HTML with each run of stylesheet links in its head made one link, or ``None`` if nothing changed."""
    html = page.read_text(encoding="utf-8")
    head_end = html.find("</head>")
    if head_end < 0:
        return None
    head = html[:head_end]
    changed = False
    for start, end, hrefs in reversed(_runs(head)):
        paths = [(page.parent / urlsplit(href).path).resolve() for href in hrefs]
        try:
            css = joined_css(paths, site, keep)
        except _Unbundled:
            continue
        name = f"styles-{hashlib.sha256(css.encode('utf-8')).hexdigest()[:16]}.css"
        if name not in written:
            (site / BUNDLE_FOLDER).mkdir(parents=True, exist_ok=True)
            (site / BUNDLE_FOLDER / name).write_text(css, encoding="utf-8")
            written[name] = css
        href = Path(os.path.relpath(site / BUNDLE_FOLDER / name, page.parent)).as_posix()
        head = f'{head[:start]}<link rel="stylesheet" href="{href}" />{head[end:]}'
        changed = True
    return head + html[head_end:] if changed else None


def bundle_stylesheets(site: Path, keep: Filter = _unchanged) -> list[str]:
    """Join the stylesheets of every page of the built ``site`` (see the module's text), each as ``keep`` leaves
    it; the files written."""
    written: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] in {"_static", "_sources"}:
            continue
        html = _bundle_page(page, site, written, keep)
        if html is not None:
            page.write_text(html, encoding="utf-8")
    return sorted(written)
