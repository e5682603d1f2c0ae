"""Write a run's output folder all together or not at all, never through a symbolic link.

The files are written into a new temporary folder next to the output folder (same parent, so same file system);
then the old output folder is renamed aside, the new one renamed into its place, and the old one deleted. A run
therefore never leaves files of two classes side by side, and a run that fails leaves the old outputs as they were.

Refused, with :class:`OutputError` and before anything is written: an output path that is a symbolic link or a
file; an output folder inside an input folder, equal to an input, or holding an input; an existing folder holding
anything that medialit did not write there (it would be deleted), or one of its files as a link or a folder; a
parent folder that cannot be written.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["FEEDBACK", "FEEDBACK_NAME", "OUTPUT_NAMES", "OutputError", "check_output", "replace_folder"]

OUTPUT_NAMES = frozenset({"results.csv", "gradebook.csv", "items.csv", "rejected.csv", "sources.csv", "report.html"})
"""Every file ``medialit grade`` may write: with :data:`FEEDBACK`, the only entries an output folder it replaces may
hold."""
FEEDBACK = "feedback"
"""The folder of feedback pages (``medialit grade --feedback``)."""
FEEDBACK_NAME = re.compile(r"^[0-9]{4,}-[a-z0-9-]{0,40}\.html$")
"""The name of a feedback page: the learner's number and an ASCII form of the name."""


class OutputError(Exception):
    """The output folder cannot be used; the message says why and what to do."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _feedback_only(path: str) -> bool:
    """Whether ``path`` is a real folder (not a link) holding only feedback pages, each a plain file."""
    try:
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            return False
        with os.scandir(path) as listing:
            return all(FEEDBACK_NAME.match(e.name) and e.is_file(follow_symlinks=False) for e in listing)
    except OSError:
        return False


def check_output(folder: Path, inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """``folder`` made absolute, if a run may replace it; :class:`OutputError` otherwise."""
    folder = Path(os.path.abspath(folder))
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot use the output folder {folder}: {error.strerror or error}") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OutputError(
            f"the output path {folder} is a symbolic link; nothing is written through a link: give the real folder"
        )
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"the output path {folder} is a file, not a folder; give a folder")
    real = Path(os.path.realpath(folder))
    for given in inputs:
        source = Path(os.path.realpath(given))
        name = os.fsencode(given).decode(errors="replace")
        if _inside(real, source):
            raise OutputError(f"the output folder {folder} lies inside the input {name}; write the outputs elsewhere")
        if _inside(source, real):
            raise OutputError(
                f"the input {name} lies inside the output folder {folder}, which is replaced; "
                "write the outputs elsewhere"
            )
    if info is not None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            raise OutputError(f"cannot read the output folder {folder}: {error.strerror or error}") from None
        foreign = sorted(
            os.fsencode(e.name).decode(errors="replace")
            for e in entries
            if e.name not in OUTPUT_NAMES and not (e.name == FEEDBACK and _feedback_only(e.path))
        )
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise OutputError(
                f"the output folder {folder} holds files medialit did not write ({shown}); the run "
                "replaces the whole folder: give a new or empty folder, or move those files"
            )
        odd = sorted(e.name for e in entries if not e.is_file(follow_symlinks=False) and e.name != FEEDBACK)
        if odd:
            raise OutputError(
                f"in the output folder {folder}, {', '.join(odd)} is a link or a folder, not a file "
                "medialit wrote; remove it or give another folder"
            )
    parent = folder.parent
    if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in {parent}: permission denied; give a folder you can write")
    return folder


def replace_folder(
    folder: Path, write: Callable[[Path], list[Path]], inputs: Iterable[str | os.PathLike[str]] = ()
) -> list[Path]:
    """Run ``write(temporary folder)``, then put that folder in the place of ``folder``; the paths it wrote, moved.

    :class:`OutputError` if ``folder`` may not be replaced (see :func:`check_output`) or cannot be written.
    """
    folder = check_output(folder, inputs)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new-", dir=folder.parent))
    except OSError as error:
        raise OutputError(f"cannot write the outputs next to {folder}: {error.strerror or error}") from None
    try:
        written = write(staging)
        os.chmod(staging, 0o755)
        aside = None
        if os.path.lexists(folder):
            aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
            os.rename(folder, aside / "old")
        try:
            os.rename(staging, folder)
        except OSError:
            if aside is not None:
                os.rename(aside / "old", folder)
            raise
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the outputs to {folder}: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / path.relative_to(staging) for path in written]
