"""Build one case study's chapter page on its own, quickly, and again faster.

The preview is a tiny Jupyter Book in ``book/_preview/<slug>/``: the book's own configuration (notebooks not run), a
table of contents with the one page, and a copy of ``book/cases/<slug>.md``. Files there are rewritten only when their
content changes, so Sphinx keeps its environment between runs and a second build re-reads only what changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medialit.authoring.register import AuthoringError
from medialit.authoring.scaffold import page_path
from medialit.project import Project

__all__ = ["PREVIEW_FOLDER", "Preview", "ignore_in_git", "prepare", "remove"]

PREVIEW_FOLDER = "_preview"
"""Folder under ``book/`` holding one preview book per case study; not part of the project (see .gitignore)."""


@dataclass(frozen=True)
class Preview:
    """The preview book of one case study."""

    slug: str
    """The case study."""
    source: Path
    """The preview book's folder."""

    @property
    def html(self) -> Path:
        """The built site."""
        return self.source / "_build" / "html"

    @property
    def page(self) -> Path:
        """The built chapter page, relative to :attr:`html`."""
        return Path("cases") / f"{self.slug}.html"

    def build(self) -> subprocess.CompletedProcess[str]:
        """Run Jupyter Book (incrementally) in a child process; its output is captured."""
        jupyter_book = Path(sys.executable).with_name("jupyter-book")
        command = [
            str(jupyter_book if jupyter_book.exists() else "jupyter-book"),
            "build",
            str(self.source),
            "--path-output",
            str(self.source),
        ]
        return subprocess.run(command, capture_output=True, text=True, check=False)


def _write_if_changed(path: Path, data: bytes) -> None:
    """Leave ``path`` (and its modification time) alone when it already holds ``data``."""
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _dump(data: dict[str, Any]) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def prepare(project: Project, slug: str) -> Preview:
    """Write (or refresh) the preview book of case study ``slug``."""
    page = page_path(project, slug)
    if not page.is_file():
        raise AuthoringError(
            f"there is no chapter page {page}: add the case study first with `medialit new-case TEXT --slug {slug}`"
        )
    folder = project.book / PREVIEW_FOLDER / slug
    config = yaml.safe_load((project.book / "_config.yml").read_text(encoding="utf-8")) or {}
    config["title"] = f"{config.get('title', 'medialit')} (preview of {slug})"
    config["only_build_toc_files"] = True
    config["execute"] = {**config.get("execute", {}), "execute_notebooks": "off"}
    sphinx = config.setdefault("sphinx", {})
    sphinx.setdefault("config", {})["medialit_root"] = str(project.root.resolve())
    _write_if_changed(folder / "_config.yml", _dump(config))
    _write_if_changed(folder / "_toc.yml", _dump({"format": "jb-book", "root": f"cases/{slug}"}))
    _write_if_changed(folder / "cases" / page.name, page.read_bytes())
    for stale in (folder / "cases").iterdir():
        if stale.name != page.name and stale.is_file():
            stale.unlink()
    return Preview(slug=slug, source=folder)


def ignore_in_git(project: Project) -> bool:
    """Add the preview folder to the project's ``.gitignore`` (if it has one); False if it was already there."""
    gitignore = project.root / ".gitignore"
    line = f"book/{PREVIEW_FOLDER}/"
    if not gitignore.is_file():
        return False
    text = gitignore.read_text(encoding="utf-8")
    if line in text.splitlines():
        return False
    gitignore.write_text(text + ("" if text.endswith("\n") or not text else "\n") + line + "\n", encoding="utf-8")
    return True


def remove(project: Project, slug: str) -> None:
    """Delete the preview book of ``slug`` (the next build starts from scratch)."""
    shutil.rmtree(project.book / PREVIEW_FOLDER / slug, ignore_errors=True)
