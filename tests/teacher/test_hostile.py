"""One file never stops a class: links, special files, odd names, output folders, one learner's files merged."""

from __future__ import annotations

import csv
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.handin import Answer
from medialit.learner import handin_from_results
from medialit.scoring import examples
from medialit.teacher import grade_paths


def _handin(name, exercise_set, *, raw="correct", moment=None, exported=None):
    moment = moment or handin_from_results("x", []).exported
    answers = [
        Answer(e.id, e.content_hash, getattr(examples(e), raw), 1, None, False, moment) for e in exercise_set.exercises
    ]
    return handin_from_results(name, answers, exported=exported or moment)


def _write(path: Path, handin) -> Path:
    path.write_text(json.dumps(handin.as_json()), encoding="utf-8")
    return path


def test_links_special_files_and_odd_names_are_counted_and_listed(tmp_path, exercise_set):
    root = tmp_path / "class"
    root.mkdir()
    _write(root / "ana.json", _handin("Ana", exercise_set))
    _write(Path(os.fsdecode(bytes(root) + b"/Jos\xe9.json")), _handin("Jose", exercise_set))
    (tmp_path / "elsewhere").mkdir()
    _write(tmp_path / "elsewhere" / "eve.json", _handin("Eve", exercise_set))
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    (root / "broken.json").symlink_to(tmp_path / "nowhere.json")
    (root / "loop.json").symlink_to(root / "loop.json")
    os.mkfifo(root / "pipe.json")
    grades = grade_paths([root], exercise_set)
    reasons = {Path(r.source).name: str(r.reason) for r in grades.rejections}
    assert reasons == {"linked": "symlink", "broken.json": "symlink", "loop.json": "symlink", "pipe.json": "not-a-file"}
    assert {g.learner for g in grades.learners} == {"Ana", "Jose"}
    assert any(s.endswith("Jos\ufffd.json") for g in grades.learners for s in g.sources)
    assert grades.read == 6 == grades.graded + len(grades.rejections)


def test_a_fifo_named_on_the_command_line_is_not_opened(tmp_path, exercise_set):
    os.mkfifo(tmp_path / "pipe.json")
    grades = grade_paths([tmp_path / "pipe.json"], exercise_set)
    assert [str(r.reason) for r in grades.rejections] == ["not-a-file"]


def test_an_unreadable_folder_is_rejected(tmp_path, exercise_set, monkeypatch):
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def refuse(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    grades = grade_paths([tmp_path], exercise_set)
    assert [(Path(r.source).name, str(r.reason)) for r in grades.rejections] == [("locked", "unreadable")]


def test_a_learners_files_merge_the_newest_answer_per_exercise(tmp_path, exercise_set):
    first = exercise_set.exercises[0]
    early = handin_from_results("x", []).exported - timedelta(days=21)
    week1 = _handin("Ben", exercise_set, raw="incorrect", moment=early)
    week4 = handin_from_results(
        "Ben\u200b",
        [a for a in _handin("B", exercise_set).answers if a.exercise != first.id],
        exported=early + timedelta(days=21),
    )
    _write(tmp_path / "week1.json", week1)
    _write(tmp_path / "week4.json", week4)
    grades = grade_paths([tmp_path], exercise_set)
    assert len(grades.learners) == 1 and grades.graded == 2
    ben = grades.learners[0]
    assert len(ben.results) == len(exercise_set.exercises)
    by_id = {r.exercise: r for r in ben.results}
    assert by_id[first.id].score < by_id[first.id].max_score, "the week-1 answer still counts"
    assert all(r.score == r.max_score for i, r in by_id.items() if i != first.id), "newer answers win"
    assert grades.sources.superseded == len(exercise_set.exercises) - 1


def test_an_export_in_the_future_is_flagged(tmp_path, exercise_set, capsys):
    later = handin_from_results("x", []).exported + timedelta(days=3)
    _write(tmp_path / "ana.json", _handin("Ana", exercise_set, exported=later))
    assert main(["grade", str(tmp_path / "ana.json"), "-o", str(tmp_path / "out")]) == 0
    assert "Exported in the future" in capsys.readouterr().out
    with (tmp_path / "out" / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.DictReader(handle))["future_export"] == "True"


def test_output_folders_are_replaced_whole_or_refused(tmp_path, exercise_set, capsys):
    ana = _write(tmp_path / "ana.json", _handin("Ana", exercise_set))
    out = tmp_path / "out"
    out.mkdir()
    (out / "items.csv").write_text("stale", encoding="utf-8")
    (out / "sources.csv").write_text("stale", encoding="utf-8")
    assert main(["grade", str(ana), "-o", str(out), "--no-html"]) == 0
    assert "stale" not in (out / "items.csv").read_text(encoding="utf-8")
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    capsys.readouterr()
    assert main(["grade", str(ana), "-o", str(out)]) == 2
    assert "did not write" in capsys.readouterr().err and (out / "mine.txt").exists()
    (tmp_path / "link").symlink_to(tmp_path / "target")
    assert main(["grade", str(ana), "-o", str(tmp_path / "link")]) == 2
    assert not (tmp_path / "target").exists()
    assert main(["grade", str(ana), "-o", str(ana)]) == 2
    classroom = tmp_path / "classroom"
    classroom.mkdir()
    assert main(["grade", str(classroom), "-o", str(classroom / "out")]) == 2
    err = capsys.readouterr().err
    assert "symbolic link" in err and "is a file" in err and "inside the input" in err
    assert "Traceback" not in err


def test_outside_a_project_commands_say_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MEDIALIT_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    for command in (["validate"], ["grade", str(tmp_path), "-o", str(tmp_path.parent / "graded-out")]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no medialit project" in err


@pytest.mark.parametrize("cell", ["=x" * 20_000, "y" * 40_000])
def test_no_csv_cell_is_longer_than_a_spreadsheet_allows(tmp_path, cell):
    import pandas as pd

    from medialit.teacher.csvfile import MAX_CELL, write_csv

    write_csv(pd.DataFrame({"a": [cell], "b": [1]}), tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows[1][0]) == MAX_CELL and rows[1][0].endswith("…")
