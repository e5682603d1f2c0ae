"""Each kind draws its own answer space on a printed worksheet: ``kinds/<kind>/sheet.py`` and ``worksheet.html``."""

from __future__ import annotations

from importlib import resources

import pytest

from medialit.kinds import ExerciseType, kind
from medialit.worksheet import build_sheet, worksheet_html


@pytest.mark.parametrize("member", list(ExerciseType))
def test_every_kind_has_its_worksheet_part(member):
    part = resources.files("medialit").joinpath("kinds", member.value, "worksheet.html")
    assert part.is_file(), f"kinds/{member.value}/worksheet.html is missing"
    assert isinstance(kind(member).prints_documents, bool)


@pytest.mark.parametrize("member", list(ExerciseType))
def test_each_kind_part_is_what_the_sheet_shows(member, exercise_set, catalogue):
    exercise = next(e for e in exercise_set.exercises if e.type is member)
    html = worksheet_html(build_sheet("one", [exercise], catalogue))
    section = html[html.index(f'id="exercise-{exercise.id}"') :]
    answer_marks = {
        ExerciseType.HIGHLIGHT: 'data-answer="ticks"',
        ExerciseType.PAIRS: 'data-answer="pairs"',
        ExerciseType.CHOICE: 'data-answer="options"',
        ExerciseType.REFLECTION: 'data-answer="lines"',
        ExerciseType.SEARCH: 'data-answer="evidence"',
    }
    assert answer_marks[member] in section
    others = {m for k, m in answer_marks.items() if k is not member} - {'data-answer="options"'}
    assert not any(mark in section for mark in others)
    shows_documents = 'class="document"' in html
    assert shows_documents is kind(member).prints_documents
