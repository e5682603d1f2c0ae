"""The course goes into the wheel: ``seeds/``, ``exercises/`` and ``book/`` are copied to ``medialit/course/``.

``medialit init`` copies them out again. Build output (``book/_build``, ``book/_preview``) stays out. An editable
install copies nothing: ``medialit init`` then reads the checkout's own folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
COURSE_FOLDERS = ("seeds", "exercises", "book")
NOT_COURSE = shutil.ignore_patterns(
    "_build", "_preview", "__pycache__", ".ipynb_checkpoints", ".jupyter_cache", "*.pyc", ".DS_Store"
)


class BuildWithCourse(build_py):
    """``build_py`` that also copies the course into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "medialit" / "course"
        if target.exists():
            shutil.rmtree(target)
        for folder in COURSE_FOLDERS:
            source = HERE / folder
            if not source.is_dir():
                raise SystemExit(f"cannot build medialit: the course folder {folder}/ is missing in {HERE}")
            shutil.copytree(source, target / folder, ignore=NOT_COURSE)


setup(cmdclass={"build_py": BuildWithCourse})
