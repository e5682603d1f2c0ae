"""A class of hand-ins written into a temporary folder: valid ones, every kind of broken one, and hostile names."""

from __future__ import annotations

import json
import random
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from medialit.handin import MAX_BYTES, Handin
from medialit.modes import Mode
from medialit.teacher.synthetic import synthetic_handin

SCRIPT_NAME = "<script>alert(1)</script>"
RTL_NAME = "Ana \u202egnp.exe"
LONG_NAME = "x" * 10_000
FORMULA_NAMES = ('=HYPERLINK("http://example.invalid","click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturn")


@dataclass
class ClassFolder:
    """Where each file went and what the grader should say about it."""

    root: Path
    """The folder given to the grader (holds ``more.zip`` too)."""
    graded: set[str] = field(default_factory=set)
    """Learner names expected in the gradebook."""
    rejected: dict[str, str] = field(default_factory=dict)
    """File name (or ``more.zip:member``) → expected reason."""
    merged: int = 0
    """Files graded beyond one per learner (a learner's files are merged)."""

    @property
    def graded_files(self) -> int:
        return len(self.graded) + self.merged

    @property
    def read(self) -> int:
        return self.graded_files + len(self.rejected)


def write_json(path: Path, handin: Handin) -> Path:
    path.write_text(json.dumps(handin.as_json(), ensure_ascii=False), encoding="utf-8")
    return path


def make_class(root: Path, exercises, seed: int = 7) -> ClassFolder:
    """Write the class into ``root``."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    out = ClassFolder(root)

    def valid(name: str, file: str, **kwargs) -> Handin:
        handin = synthetic_handin(name, exercises, rng, **kwargs)
        write_json(root / file, handin)
        out.graded.add(name)
        return handin

    for number in range(6):
        valid(f"Learner {number}", f"learner-{number}.json")
    csv_handin = synthetic_handin("Ben CSV", exercises, rng)
    (root / "ben.csv").write_text(csv_handin.as_csv(), encoding="utf-8")
    out.graded.add("Ben CSV")
    valid("Exam Taker", "exam.json", mode=Mode.EXAM)
    valid(SCRIPT_NAME, "script.json")
    valid(RTL_NAME, "rtl.json")
    for number, name in enumerate(FORMULA_NAMES):
        valid(name, f"formula-{number}.json")

    # One learner, two files: merged, the newer answer to each exercise counting whatever the file names say.
    older = synthetic_handin("Dana", exercises, rng)
    newer = synthetic_handin("Dana", exercises, rng)
    newer = Handin(
        newer.learner, newer.book_version, newer.mode, older.exported + timedelta(hours=1), newer.answers, newer.created
    )
    write_json(root / "a-dana-new.json", newer)
    write_json(root / "z-dana-old.json", older)
    out.graded.add("Dana")
    out.merged += 1

    # Answer-level problems: graded, with the answer left out.
    unknown = valid("Una Known", "unknown-exercise.json").as_json()
    unknown["answers"]["no-such-exercise"] = next(iter(unknown["answers"].values()))
    (root / "unknown-exercise.json").write_text(json.dumps(unknown), encoding="utf-8")
    bad = valid("Bad Answer", "bad-answer.json").as_json()
    first = next(iter(bad["answers"]))
    bad["answers"][first]["answer"] = {"nonsense": True}
    (root / "bad-answer.json").write_text(json.dumps(bad), encoding="utf-8")
    stale = valid("Stale Sam", "stale.json").as_json()
    stale["answers"][first]["content_hash"] = "0" * 16
    (root / "stale.json").write_text(json.dumps(stale), encoding="utf-8")

    # Whole-file rejections.
    good = json.dumps(synthetic_handin("Cut Off", exercises, rng).as_json())
    (root / "corrupt.json").write_text('{"format": "medialit-handin", oops}', encoding="utf-8")
    out.rejected["corrupt.json"] = "corrupt"
    (root / "truncated.json").write_text(good[: len(good) // 2], encoding="utf-8")
    out.rejected["truncated.json"] = "truncated"
    wrong = json.loads(good)
    wrong["format_version"] = 3
    (root / "wrong-version.json").write_text(json.dumps(wrong), encoding="utf-8")
    out.rejected["wrong-version.json"] = "wrong-version"
    (root / "oversized.json").write_text(" " * (MAX_BYTES + 1) + good, encoding="utf-8")
    out.rejected["oversized.json"] = "oversized"
    long = json.loads(good)
    long["learner"] = LONG_NAME
    (root / "long-name.json").write_text(json.dumps(long), encoding="utf-8")
    out.rejected["long-name.json"] = "invalid"
    (root / "binary.csv").write_bytes(b"\xff\xfe\x00garbage")
    out.rejected["binary.csv"] = "corrupt"
    (root / "notes.txt").write_text("not a hand-in", encoding="utf-8")
    out.rejected["notes.txt"] = "not-a-handin"

    # A folder inside the folder, and a zip.
    (root / "group-b").mkdir()
    valid("Nested Nora", "group-b/nora.json")
    with zipfile.ZipFile(root / "more.zip", "w") as archive:
        for name in ("Zip Zoe", "Zip Zack"):
            archive.writestr(
                f"{name.split()[1].lower()}.json", json.dumps(synthetic_handin(name, exercises, rng).as_json())
            )
            out.graded.add(name)
        archive.writestr("broken.json", "[1, 2")
        out.rejected["more.zip:broken.json"] = "truncated"
        archive.writestr("__MACOSX/._zoe.json", "junk")
        out.rejected["more.zip:__MACOSX/._zoe.json"] = "not-a-handin"
    return out


@pytest.fixture
def handin_class(tmp_path, exercise_set) -> ClassFolder:
    return make_class(tmp_path / "class", exercise_set.exercises)
