"""Find hand-in files in files, folders (recursively) and ``.zip`` archives, and read them one at a time.

Every entry found is *read*: it becomes either a :class:`Submission` (a hand-in to grade) or a :class:`Rejection`
with its reason, so that ``read = graded + rejected`` always holds. Nothing is skipped silently:

* Symbolic links are never followed, whether they point to a file, a folder, nowhere (broken) or back at
  themselves (a loop): each is rejected as ``symlink``. Copy the files themselves into the class folder instead.
* Anything that is not a regular file or a folder (a FIFO, a socket, a device) is rejected as ``not-a-file`` and
  never opened, even when named on the command line.
* A folder that cannot be listed is rejected as ``unreadable``.
* Inside folders and archives only ``*.json`` and ``*.csv`` files (and, in folders, ``*.zip``) are hand-ins by
  their name; any other file, a hidden file and ``__MACOSX/`` entries are rejected as ``not-a-handin``. A file named
  on the command line is always tried.
* An archive is read up to :data:`MAX_ZIP_ENTRIES` files and :data:`MAX_ARCHIVE_BYTES` unpacked bytes; the entries
  beyond either limit are rejected together, as one ``too-many-entries`` or ``archive-too-large`` rejection that
  gives their number.
* A file whose reading fails in a way this code did not expect (a bug) is rejected as ``internal-error``; the run
  goes on.

File names that are not valid UTF-8 on disk (``Jos\\xe9.json`` written by an older system) are read; their names are
shown with a replacement character (``Jos\ufffd.json``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from medialit.handin import MAX_BYTES, Handin, HandinError, Reason, parse_handin

__all__ = [
    "MAX_ARCHIVE_BYTES",
    "MAX_ZIP_ENTRIES",
    "FileReason",
    "Rejection",
    "Submission",
    "gather",
    "shown",
]

HANDIN_SUFFIXES = (".json", ".csv")
MAX_ZIP_ENTRIES = 5_000
"""Files read from one ``.zip`` archive; the rest are rejected together."""
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
"""Unpacked bytes read from one ``.zip`` archive (256 MB); the entries after that are rejected together."""

_log = logging.getLogger(__name__)


class FileReason(StrEnum):
    """Why an entry of the inputs was not read as a hand-in (reasons about files, not about their content)."""

    SYMLINK = "symlink"
    """A symbolic link: links are never followed."""
    NOT_A_FILE = "not-a-file"
    """A FIFO, socket or device: never opened."""
    NOT_A_HANDIN = "not-a-handin"
    """A file in a folder or archive whose name is not that of a hand-in, or a hidden file."""
    TOO_MANY_ENTRIES = "too-many-entries"
    """Entries of an archive beyond :data:`MAX_ZIP_ENTRIES`."""
    ARCHIVE_TOO_LARGE = "archive-too-large"
    """Entries of an archive after :data:`MAX_ARCHIVE_BYTES` unpacked bytes."""
    INTERNAL_ERROR = "internal-error"
    """Reading the file failed unexpectedly (a bug in medialit); the run went on."""


@dataclass(frozen=True)
class Rejection:
    """An entry that was read but not graded."""

    source: str
    """The file, or ``archive.zip:member``, as shown to people."""
    reason: Reason | FileReason
    """Why, as a code."""
    message: str
    """Why, in words."""


@dataclass(frozen=True)
class Submission:
    """A readable hand-in and where it came from."""

    source: str
    """The file, or ``archive.zip:member``, as shown to people."""
    handin: Handin
    """Its content."""
    digest: str
    """SHA-256 of its bytes."""


def shown(path: str | bytes | os.PathLike[str]) -> str:
    """``path`` as text that can always be printed and written: bytes that are not UTF-8 become ``\\ufffd``."""
    return os.fsencode(path).decode("utf-8", "replace")


@dataclass(frozen=True)
class _Candidate:
    """A file to read: where it is shown, and how to get its bytes (which may raise :class:`HandinError`)."""

    source: str
    load: Callable[[], bytes]


def _read_regular(path: str) -> bytes:
    """The bytes of the regular file ``path``, without following a link or opening anything else."""
    try:
        info = os.lstat(path)
    except OSError as error:
        raise HandinError(Reason.UNREADABLE, f"cannot read it: {error.strerror or error}") from None
    refusal = _not_regular(info)
    if refusal is not None:
        raise refusal
    if info.st_size > MAX_BYTES:
        raise HandinError(Reason.OVERSIZED, f"{info.st_size} bytes, over the {MAX_BYTES} byte limit")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise HandinError(Reason.UNREADABLE, f"cannot read it: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as handle:
        refusal = _not_regular(os.fstat(descriptor))  # the file may have been swapped since lstat
        if refusal is not None:
            raise refusal
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise HandinError(Reason.UNREADABLE, f"cannot read it: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise HandinError(Reason.OVERSIZED, f"over the {MAX_BYTES} byte limit")
    return data


class _Refused(HandinError):
    """A file-system refusal carried through :func:`_read_regular` (its reason is a :class:`FileReason`)."""

    def __init__(self, reason: FileReason, message: str):
        super().__init__(Reason.UNREADABLE, message)
        self.reason = reason  # type: ignore[assignment]


def _not_regular(info: os.stat_result) -> _Refused | None:
    if stat.S_ISREG(info.st_mode):
        return None
    if stat.S_ISLNK(info.st_mode):
        return _Refused(FileReason.SYMLINK, _SYMLINK_MESSAGE)
    return _Refused(FileReason.NOT_A_FILE, f"a {_kind(info.st_mode)}, not a regular file: it was not opened")


_SYMLINK_MESSAGE = "a symbolic link: links are not followed; copy the file itself here"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def _symlink_message(path: str) -> str:
    try:
        os.stat(path)
    except OSError as error:
        return f"a symbolic link that leads nowhere ({error.strerror or error}): links are not followed"
    return _SYMLINK_MESSAGE


def _hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p.startswith(".") or p == "__MACOSX" for p in parts if p)


# -- finding ------------------------------------------------------------------------------------------------------
def _archive(path: str) -> Iterator[_Candidate | Rejection]:
    """The entries of the archive ``path``; the archive stays open until the iterator is finished or closed."""
    source = shown(path)
    try:
        handle = _open_archive_file(path)
    except HandinError as error:
        yield Rejection(source, error.reason, error.message)
        return
    except OSError as error:
        yield Rejection(source, Reason.UNREADABLE, f"cannot read it: {error.strerror or error}")
        return
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        handle.close()
        yield Rejection(source, Reason.CORRUPT, f"not a readable .zip archive: {error}")
        return
    with handle, archive:
        members = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
        budget = MAX_ARCHIVE_BYTES
        for number, info in enumerate(members):
            name = f"{source}:{info.filename}"
            if number == MAX_ZIP_ENTRIES:
                yield Rejection(
                    f"{source}:({len(members) - number} entries)",
                    FileReason.TOO_MANY_ENTRIES,
                    f"{len(members) - number} more entries after the first {MAX_ZIP_ENTRIES} "
                    "were not read; split the archive",
                )
                return
            if _hidden(info.filename) or not info.filename.lower().endswith(HANDIN_SUFFIXES):
                yield Rejection(name, FileReason.NOT_A_HANDIN, _NOT_A_HANDIN)
                continue
            if budget <= 0:
                yield Rejection(
                    f"{source}:({len(members) - number} entries)",
                    FileReason.ARCHIVE_TOO_LARGE,
                    f"{len(members) - number} more entries were not read: the archive unpacks to over "
                    f"{MAX_ARCHIVE_BYTES // 2**20} MB; split it",
                )
                return
            loaded: list[int] = []
            yield _Candidate(name, _member(archive, info, loaded))
            budget -= sum(loaded)


_NOT_A_HANDIN = "not a hand-in by its name (.json, .csv, or .zip in a folder), or a hidden file"


def _open_archive_file(path: str) -> BinaryIO:
    """An open binary file for the archive ``path``, refusing links and special files like any hand-in."""
    info = os.lstat(path)
    refusal = _not_regular(info)
    if refusal is not None:
        raise refusal
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.fdopen(os.open(path, flags), "rb")
    refusal = _not_regular(os.fstat(handle.fileno()))
    if refusal is not None:
        handle.close()
        raise refusal
    return handle


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, loaded: list[int]) -> Callable[[], bytes]:
    def load() -> bytes:
        if info.file_size > MAX_BYTES:
            raise HandinError(Reason.OVERSIZED, f"{info.file_size} bytes, over the {MAX_BYTES} byte limit")
        try:
            with archive.open(info) as handle:
                data = handle.read(MAX_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            RuntimeError,
            NotImplementedError,
            OSError,
            EOFError,
            ValueError,
        ) as error:
            raise HandinError(Reason.CORRUPT, f"cannot unpack it from the archive: {error}") from None
        loaded.append(len(data))
        if len(data) > MAX_BYTES:
            raise HandinError(Reason.OVERSIZED, f"over the {MAX_BYTES} byte limit")
        return data

    return load


def _folder(path: str) -> Iterator[_Candidate | Rejection]:
    """Every entry under the folder ``path``, depth first in name order; links are reported, never followed."""
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda e: os.fsencode(e.name))
    except OSError as error:
        yield Rejection(shown(path), Reason.UNREADABLE, f"cannot list this folder: {error.strerror or error}")
        return
    for entry in entries:
        yield from _entry(entry.path, hidden=_hidden(entry.name), top=False)


def _entry(path: str, *, hidden: bool, top: bool) -> Iterator[_Candidate | Rejection]:
    """What ``path`` holds: a candidate, a rejection, or (for a folder or archive) everything in it."""
    try:
        info = os.lstat(path)
    except OSError as error:
        yield Rejection(shown(path), Reason.UNREADABLE, f"cannot read it: {error.strerror or error}")
        return
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        yield Rejection(shown(path), FileReason.SYMLINK, _symlink_message(path))
    elif stat.S_ISDIR(mode):
        if hidden and not top:
            yield Rejection(shown(path), FileReason.NOT_A_HANDIN, "a hidden folder: not searched")
        else:
            yield from _folder(path)
    elif not stat.S_ISREG(mode):
        yield Rejection(shown(path), FileReason.NOT_A_FILE, f"a {_kind(mode)}, not a regular file: it was not opened")
    elif hidden and not top:
        yield Rejection(shown(path), FileReason.NOT_A_HANDIN, _NOT_A_HANDIN)
    elif path.lower().endswith(".zip"):
        yield from _archive(path)
    elif top or path.lower().endswith(HANDIN_SUFFIXES):
        yield _Candidate(shown(path), lambda: _read_regular(path))
    else:
        yield Rejection(shown(path), FileReason.NOT_A_HANDIN, _NOT_A_HANDIN)


def entries(paths: Iterable[str | os.PathLike[str]]) -> Iterator[_Candidate | Rejection]:
    """Every entry under ``paths``, in the order given and, inside folders and archives, in name order."""
    for given in paths:
        yield from _entry(os.fspath(given), hidden=False, top=True)


# -- reading ------------------------------------------------------------------------------------------------------
def gather(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Submission | Rejection]:
    """Read every entry under ``paths`` one at a time: a :class:`Submission` or a :class:`Rejection` for each.

    Only one file's bytes are held at a time. No exception escapes for one file: a reading error that is not a
    :class:`HandinError` (a bug) becomes an ``internal-error`` rejection.
    """
    for item in entries(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        yield read_candidate(item)


def read_candidate(candidate: _Candidate) -> Submission | Rejection:
    """One candidate read and parsed, or why not."""
    try:
        data = candidate.load()
        handin = parse_handin(data, candidate.source)
    except HandinError as error:
        return Rejection(candidate.source, error.reason, error.message)
    except Exception as error:  # one file must never stop a class
        _log.info("unexpected error while reading %s", candidate.source, exc_info=True)
        return Rejection(
            candidate.source,
            FileReason.INTERNAL_ERROR,
            f"medialit failed while reading it ({type(error).__name__}); please report this",
        )
    return Submission(candidate.source, handin, hashlib.sha256(data).hexdigest())
