"""The base of medialit's own errors, and the error of a project that cannot be loaded."""

from __future__ import annotations

from medialit.problems import Problem

__all__ = ["MedialitError", "ProjectError"]


class MedialitError(Exception):
    """Something a person can fix went wrong; the command line shows its message on one line, with no traceback."""


class ProjectError(MedialitError):
    """The project cannot be loaded: no project found, an unreadable catalogue or book, or exercise files with errors.

    ``problems`` lists what was found wrong in the project's files (empty when there is no project at all), so that
    ``medialit validate`` can show each one.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems
        """What is wrong, file by file."""
