"""A real class with every hostile file next to it is graded in one run; archives and problem lists stay bounded."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.handin import Handin
from medialit.model import ExerciseType
from medialit.teacher import collect
from medialit.teacher.csvfile import MAX_CELL
from medialit.teacher.grade import MAX_PROBLEMS_PER_FILE, MORE_PROBLEMS
from medialit.teacher.synthetic import handin_as_older, synthetic_handin

from .conftest import ClassFolder, make_class

HUGE = "9" * 5_000
"""An integer too long for ``int()`` under Python's digit limit."""


def _csv_rows(handin: Handin) -> list[list[str]]:
    return list(csv.reader(io.StringIO(handin.as_csv())))


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _wrong_ids(exercises) -> dict[str, dict]:
    """Per kind, an exercise id and a schema-valid answer with a list or an object where an id belongs."""
    by_kind = {}
    for exercise in exercises:
        units = list(exercise.unit_order)
        if exercise.type is ExerciseType.HIGHLIGHT and exercise.label_ids:
            by_kind.setdefault("label", (exercise.id, {"marks": [{"unit": units[0], "label": {"id": "x"}}]}))
        elif exercise.type is ExerciseType.HIGHLIGHT:
            by_kind.setdefault("unit", (exercise.id, {"marks": [{"unit": units[:1], "label": None}]}))
        elif exercise.type is ExerciseType.CHOICE:
            by_kind.setdefault("choice", (exercise.id, {"choices": [[exercise.options[0].id]]}))
        elif exercise.type is ExerciseType.PAIRS:
            by_kind.setdefault("pair", (exercise.id, {"pairs": [[units[0], {"unit": units[1]}]]}))
    assert set(by_kind) == {"unit", "label", "choice", "pair"}
    return dict(by_kind.values())


def _add_hostile_files(tmp_path: Path, classroom: ClassFolder, exercises) -> dict[tuple[str, str, str], str]:
    """Write every hostile entry of the class next to ``make_class``'s; the answer and field problems expected."""
    root = classroom.root
    rng = random.Random(11)
    problems: dict[tuple[str, str, str], str] = {}
    """(file, exercise, field) → reason expected in ``rejected.csv`` for an answer or field."""

    def graded(name: str, file: str, handin: Handin | None = None, text: str | None = None) -> Handin:
        handin = handin or synthetic_handin(name, exercises, rng)
        if text is None:
            text = json.dumps(handin.as_json())
        (root / file).write_text(text, encoding="utf-8")
        classroom.graded.add(name)
        return handin

    def rejected(file: str, reason: str) -> None:
        classroom.rejected[file] = reason

    (root / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    rejected("deep.json", "corrupt")

    # A 5,000-digit checks count, in JSON and in CSV: that field is dropped, the rest graded.
    handin = synthetic_handin("Huge Json", exercises, rng)
    data = handin.as_json()
    first = next(iter(data["answers"]))
    data["answers"][first]["checks"] = "HUGE"
    graded("Huge Json", "huge-checks.json", handin, json.dumps(data).replace('"HUGE"', HUGE))
    problems["huge-checks.json", first, "checks"] = "bad-field"
    handin = synthetic_handin("Huge Csv", exercises, rng)
    rows = _csv_rows(handin)
    rows[1][rows[0].index("checks")] = HUGE
    graded("Huge Csv", "huge-checks.csv", handin, _csv_text(rows))
    problems["huge-checks.csv", rows[1][rows[0].index("exercise")], "checks"] = "bad-field"

    # Superscript digits: isdigit() is true, int() refuses them.
    handin = synthetic_handin("Super Script", exercises, rng)
    rows = _csv_rows(handin)
    rows[1][rows[0].index("checks")] = "²"
    rows[2][rows[0].index("confidence")] = "¹"
    graded("Super Script", "superscript.csv", handin, _csv_text(rows))
    problems["superscript.csv", rows[1][rows[0].index("exercise")], "checks"] = "bad-field"
    problems["superscript.csv", rows[2][rows[0].index("exercise")], "confidence"] = "bad-field"

    # A list or an object where an id belongs, one answer per kind: each answer rejected, the rest graded.
    data = synthetic_handin("Wrong Ids", exercises, rng).as_json()
    for exercise, answer in _wrong_ids(exercises).items():
        data["answers"][exercise]["answer"] = answer
        problems["wrong-ids.json", exercise, ""] = "bad-answer"
    graded("Wrong Ids", "wrong-ids.json", text=json.dumps(data))

    # A lone surrogate in the name (written as the JSON escape), and a file name in Latin-1.
    text = json.dumps(synthetic_handin("Ana SURROGATE", exercises, rng).as_json(), ensure_ascii=True)
    graded("Ana \ufffd", "surrogate.json", text=text.replace("SURROGATE", "\\ud800"))
    problems["surrogate.json", "", "learner"] = "bad-field"
    latin1 = synthetic_handin("Jose", exercises, rng)
    with open(os.path.join(os.fsencode(str(root)), b"Jos\xe9.json"), "wb") as handle:
        handle.write(json.dumps(latin1.as_json()).encode("utf-8"))
    classroom.graded.add("Jose")

    # Links and special files: never followed, never opened.
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "eve.json").write_text(
        json.dumps(synthetic_handin("Eve", exercises, rng).as_json()), encoding="utf-8"
    )
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    rejected("linked", "symlink")
    (root / "broken.json").symlink_to(tmp_path / "nowhere.json")
    rejected("broken.json", "symlink")
    (root / "loop.json").symlink_to(root / "loop.json")
    rejected("loop.json", "symlink")
    os.mkfifo(root / "pipe.json")
    rejected("pipe.json", "not-a-file")

    # One learner, one row: duplicate keys and blank names are refused; "Ben" and "Ben\u200b" are one learner.
    text = json.dumps(synthetic_handin("Dup Key", exercises, rng).as_json())
    (root / "dup-key.json").write_text('{"learner": "Other", ' + text[1:], encoding="utf-8")
    rejected("dup-key.json", "duplicate-key")
    blank = synthetic_handin("Blank", exercises, rng)
    (root / "blank.json").write_text(json.dumps(replace(blank, learner=" \u200b\u2060 ").as_json()), encoding="utf-8")
    rejected("blank.json", "blank-name")
    newest = graded("Ben", "ben-a.json")  # the newer file, whose spelling of the name the gradebook shows
    older = handin_as_older(synthetic_handin("Ben\u200b", exercises, rng), newest)
    graded("Ben", "ben-b.json", text=json.dumps(older))
    classroom.merged += 1

    future = synthetic_handin("Future Fay", exercises, rng)
    graded("Future Fay", "future.json", replace(future, exported=datetime.now(UTC) + timedelta(days=3)))
    return problems


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def _relative(source: str, root: Path) -> str:
    return source.removeprefix(str(root) + os.sep)


def test_the_sample_class_and_every_hostile_file_are_graded_in_one_run(tmp_path, exercise_set, capsys):
    exercises = exercise_set.exercises
    classroom = make_class(tmp_path / "class", exercises)
    problems = _add_hostile_files(tmp_path, classroom, exercises)
    entries = classroom.read

    # A previous run's outputs, of another class, in the output folder.
    out = tmp_path / "out"
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "olga.json").write_text(
        json.dumps(synthetic_handin("Old Olga", exercises, random.Random(1)).as_json()), encoding="utf-8"
    )
    assert main(["grade", str(previous), "-o", str(out)]) == 0
    assert "Old Olga" in (out / "gradebook.csv").read_text(encoding="utf-8")
    capsys.readouterr()

    code = main(["grade", str(classroom.root), "-o", str(out)])
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert code == 1

    # N read = G graded + R rejected, and N is every entry written.
    counts = re.search(r"(\d+) read = (\d+) graded \+ (\d+) rejected", printed.out)
    assert counts is not None, printed.out
    read, graded, rejected = map(int, counts.groups())
    assert read == graded + rejected == entries
    assert graded == classroom.graded_files and rejected == len(classroom.rejected)

    # Outputs of this run only.
    wrote = re.search(r"^Wrote (.+) to ", printed.out, re.MULTILINE)
    assert wrote is not None and sorted(p.name for p in out.iterdir()) == sorted(wrote.group(1).split(", "))
    for path in out.iterdir():
        assert "Old Olga" not in path.read_text(encoding="utf-8"), path.name

    gradebook = _rows(out / "gradebook.csv")
    learners = {row["learner"].removeprefix("'") for row in gradebook}
    assert learners == classroom.graded
    assert {row["learner"] for row in gradebook if row["future_export"] == "True"} == {"Future Fay"}
    assert "Exported in the future (1 files" in printed.out

    lines = _rows(out / "rejected.csv")
    files = {_relative(row["source"], classroom.root): row["reason"] for row in lines if not row["learner"]}
    assert files == classroom.rejected
    answers = {
        (_relative(row["source"], classroom.root), row["exercise"], row["field"]): row["reason"]
        for row in lines
        if row["learner"]
    }
    assert {key: answers.get(key) for key in problems} == problems
    # make_class's own answer-level lines, and nothing else.
    assert {key[0] for key in answers} - {key[0] for key in problems} == {"unknown-exercise.json", "bad-answer.json"}
    for path in out.glob("*.csv"):
        assert max(map(len, _cells(path))) <= MAX_CELL, path.name
        assert not any(HUGE[:100] in cell for cell in _cells(path)), "learner text is cut to an excerpt"


@pytest.fixture
def fast_archive_caps(monkeypatch):
    monkeypatch.setattr(collect, "MAX_ZIP_ENTRIES", 5)


def _handin_text(name: str, exercises, seed: int) -> str:
    return json.dumps(synthetic_handin(name, exercises, random.Random(seed)).as_json())


def test_an_archive_with_more_entries_than_the_cap_is_read_to_the_cap(
    tmp_path, exercise_set, capsys, fast_archive_caps
):
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for number in range(8):
            handle.writestr(f"learner-{number}.json", _handin_text(f"Learner {number}", exercise_set.exercises, number))
    code = main(["grade", str(archive), "-o", str(tmp_path / "out")])
    printed = capsys.readouterr()
    assert code == 1 and "Traceback" not in printed.out + printed.err
    assert "8 read = 5 graded + 1 rejected" not in printed.out
    assert "6 read = 5 graded + 1 rejected" in printed.out
    (line,) = _rows(tmp_path / "out" / "rejected.csv")
    assert line["reason"] == "too-many-entries" and "3 more entries" in line["message"]
    assert line["source"].endswith("class.zip:(3 entries)")


def test_an_archive_over_the_unpacked_bytes_cap_stops_there(tmp_path, exercise_set, capsys, monkeypatch):
    texts = [_handin_text(f"Learner {n}", exercise_set.exercises, n) for n in range(6)]
    monkeypatch.setattr(collect, "MAX_ARCHIVE_BYTES", len(texts[0]) + len(texts[1]))
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        for number, text in enumerate(texts):
            handle.writestr(f"learner-{number}.json", text)
    code = main(["grade", str(archive), "-o", str(tmp_path / "out")])
    printed = capsys.readouterr()
    assert code == 1 and "Traceback" not in printed.out + printed.err
    assert "3 read = 2 graded + 1 rejected" in printed.out
    (line,) = _rows(tmp_path / "out" / "rejected.csv")
    assert line["reason"] == "archive-too-large" and line["message"].startswith("4 more entries")


def test_a_zip_of_files_full_of_unknown_answers_stays_bounded(tmp_path, exercise_set, capsys):
    files, answers = 200, 1_000
    template = synthetic_handin("x", exercise_set.exercises[:1], random.Random(3)).as_json()
    answer = next(iter(template["answers"].values()))
    archive = tmp_path / "flood.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        for number in range(files):
            data = dict(
                template,
                learner=f"Flood {number}",
                answers={f"no-such-exercise-{'z' * 40}-{i}": answer for i in range(answers)},
            )
            handle.writestr(f"flood-{number}.json", json.dumps(data))
    out = tmp_path / "out"
    code = main(["grade", str(archive), "-o", str(out)])
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert code == 1, "every file is read, every answer in it rejected"
    assert f"{files} read = {files} graded + 0 rejected" in printed.out
    per_line = 200 + len(f"{archive}:flood-{files}.json")
    assert (out / "rejected.csv").stat().st_size < per_line * files * 25
    assert (out / "report.html").stat().st_size < 2 * 1024 * 1024
    lines = _rows(out / "rejected.csv")
    per_file: dict[str, list[dict]] = {}
    for line in lines:
        per_file.setdefault(line["source"], []).append(line)
    assert len(per_file) == files
    for source, listed in per_file.items():
        assert len(listed) <= MAX_PROBLEMS_PER_FILE + 1, source
        assert listed[-1]["reason"] == MORE_PROBLEMS, source
        assert re.search(r"\d+", listed[-1]["message"])
    assert max(map(len, _cells(out / "rejected.csv"))) <= MAX_CELL
