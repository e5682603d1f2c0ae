"""Gather hand-in files from files, folders (recursively) and ``.zip`` archives; keep one hand-in per learner.

Inside folders and archives only ``*.json`` and ``*.csv`` files (and, in folders, ``*.zip``) are hand-ins; other
files, hidden files and ``__MACOSX/`` entries are listed in :attr:`Collected.ignored`, never dropped silently. A file
named on the command line is always tried. When one learner hands in more than once (names compared after Unicode
NFC normalisation, trimming and case folding), the newest ``exported`` wins and the others are rejected as
``duplicate``; equal times are broken by the files' SHA-256, so the choice never depends on file order.
"""

from __future__ import annotations

import hashlib
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from medialit.handin import MAX_BYTES, Handin, HandinError, Reason, display_name, parse_handin, read_bytes
from medialit.teacher.gcdefer import defer_full_gc

__all__ = ["Collected", "Rejection", "Submission", "gather", "learner_key"]

HANDIN_SUFFIXES = (".json", ".csv")


@dataclass(frozen=True)
class Rejection:
    """A file that was read but not graded."""

    source: str
    """The file, or ``archive.zip:member``."""
    reason: Reason
    """Why, as a code."""
    message: str
    """Why, in words."""


@dataclass(frozen=True)
class Submission:
    """A readable hand-in and where it came from."""

    source: str
    """The file, or ``archive.zip:member``."""
    handin: Handin
    """Its content."""
    digest: str
    """SHA-256 of its bytes."""


@dataclass(frozen=True)
class Collected:
    """Everything found in the inputs."""

    submissions: tuple[Submission, ...]
    """One hand-in per learner, ordered by learner."""
    rejections: tuple[Rejection, ...]
    """Files not graded, ordered by source."""
    ignored: tuple[str, ...] = ()
    """Files in folders or archives that are not hand-ins by their name."""

    @property
    def read(self) -> int:
        """Hand-in files read: graded plus rejected."""
        return len(self.submissions) + len(self.rejections)


def learner_key(name: str) -> str:
    """The form in which two learner names are the same learner."""
    return unicodedata.normalize("NFC", name).strip().casefold()


@dataclass(frozen=True)
class _Candidate:
    source: str
    load: Callable[[], bytes]


def _file(path: Path) -> _Candidate:
    return _Candidate(str(path), lambda: read_bytes(path))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def load() -> bytes:
        if info.file_size > MAX_BYTES:
            raise HandinError(Reason.OVERSIZED, f"{info.file_size} bytes, over the {MAX_BYTES} byte limit")
        try:
            with archive.open(info) as handle:
                return handle.read(MAX_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError, EOFError) as error:
            raise HandinError(Reason.CORRUPT, f"cannot unpack it from the archive: {error}") from None

    return load


def _hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p.startswith(".") or p == "__MACOSX" for p in parts if p)


def _archive(path: Path, archives: list[zipfile.ZipFile], ignored: list[str],
             rejected: list[Rejection]) -> Iterator[_Candidate]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        rejected.append(Rejection(str(path), Reason.CORRUPT, f"not a readable .zip archive: {error}"))
        return
    archives.append(archive)
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        source = f"{path}:{info.filename}"
        if _hidden(info.filename) or not info.filename.lower().endswith(HANDIN_SUFFIXES):
            ignored.append(source)
            continue
        yield _Candidate(source, _read_member(archive, info))


def _candidates(paths: Iterable[str | Path], archives: list[zipfile.ZipFile], ignored: list[str],
                rejected: list[Rejection]) -> Iterator[_Candidate]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            depth = len(path.parts)
            for found in sorted((p for p in path.rglob("*") if p.is_file()), key=str):
                suffix = found.suffix.lower()
                if _hidden("/".join(found.parts[depth:])):
                    ignored.append(str(found))
                elif suffix == ".zip":
                    yield from _archive(found, archives, ignored, rejected)
                elif suffix in HANDIN_SUFFIXES:
                    yield _file(found)
                else:
                    ignored.append(str(found))
        elif path.suffix.lower() == ".zip" and path.is_file():
            yield from _archive(path, archives, ignored, rejected)
        else:
            yield _file(path)


@defer_full_gc
def gather(paths: Iterable[str | Path], *, progress: bool = False) -> Collected:
    """Read every hand-in under ``paths``; ``progress`` shows a tqdm bar on stderr."""
    archives: list[zipfile.ZipFile] = []
    ignored: list[str] = []
    rejected: list[Rejection] = []
    readable: list[Submission] = []
    try:
        candidates = list(_candidates(paths, archives, ignored, rejected))
        for candidate in tqdm(candidates, desc="reading", unit="file", disable=not progress, leave=False):
            try:
                data = candidate.load()
                handin = parse_handin(data, candidate.source)
            except HandinError as error:
                rejected.append(Rejection(candidate.source, error.reason, error.message))
                continue
            readable.append(Submission(candidate.source, handin, hashlib.sha256(data).hexdigest()))
    finally:
        for archive in archives:
            archive.close()
    kept, duplicates = _newest_per_learner(readable)
    rejections = sorted([*rejected, *duplicates], key=lambda r: (r.source, r.reason))
    return Collected(tuple(kept), tuple(rejections), tuple(sorted(ignored)))


def _newest_per_learner(submissions: list[Submission]) -> tuple[list[Submission], list[Rejection]]:
    groups: dict[str, list[Submission]] = {}
    for submission in submissions:
        groups.setdefault(learner_key(submission.handin.learner), []).append(submission)
    kept, rejected = [], []
    for key in sorted(groups):
        ranked = sorted(groups[key], key=lambda s: (s.handin.exported, s.digest, s.source), reverse=True)
        winner = ranked[0]
        kept.append(winner)
        for loser in ranked[1:]:
            rejected.append(Rejection(
                loser.source, Reason.DUPLICATE,
                f"{display_name(loser.handin.learner, 40)} handed in again: the newest export wins, "
                f"{winner.source} (exported {winner.handin.exported.isoformat()}) is graded instead",
            ))
    return kept, rejected
