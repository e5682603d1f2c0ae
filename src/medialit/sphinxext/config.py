"""What the extension's modules share: the build's course, loaded once, and its mode.

Every module of the extension imports these from here, and the package's ``__init__`` imports every module, so no
module imports the package back.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from medialit.course import Course
from medialit.errors import ProjectError
from medialit.modes import Mode

__all__ = ["course", "mode"]


def course(app: Sphinx) -> Course:
    """The project's course, loaded once per process and cached on the app; its pages are the book being built.

    The project is ``medialit_root`` (relative to the configuration folder) or else found from the source folder
    upwards (or ``$MEDIALIT_ROOT``). A project that cannot be loaded, or exercise files with errors, stop the build.
    """
    cached: Course | None = getattr(app, "_medialit_course", None)
    if cached is None:
        root = Path(app.confdir, app.config.medialit_root) if app.config.medialit_root else None
        try:
            cached = Course.load(root, start=Path(app.srcdir), book=Path(app.srcdir), strict=False)
        except ProjectError as error:
            raise ExtensionError(f"medialit: {error}") from None
        if cached.exercises.errors:
            raise ExtensionError(
                "medialit: exercise files have errors:\n" + "\n".join(map(str, cached.exercises.errors))
            )
        app._medialit_course = cached  # type: ignore[attr-defined]
    return cached


def mode(app: Sphinx) -> Mode:
    """The build mode: ``$MEDIALIT_MODE`` wins over the ``medialit_mode`` setting."""
    return Mode(os.environ.get("MEDIALIT_MODE") or app.config.medialit_mode)
