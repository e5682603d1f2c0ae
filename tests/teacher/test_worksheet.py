"""Printable worksheets and keys: every exercise with its answer space, every target and right option in the key,
no key information on an exam sheet, escaped text, and page counts printed to PDF in Chromium."""

from __future__ import annotations

import re
import shutil

import pytest

from medialit.cli import main
from medialit.kinds.pairs.sheet import pair_rows
from medialit.model import ExerciseType
from medialit.reading_order import lesson_order, reading_order
from medialit.worksheet.numbers import number
from tests.conftest import ROOT

CHAPTERS = [p for p in reading_order(ROOT / "book") if p.exercise_ids]


@pytest.fixture(scope="module")
def assessed(exercise_set) -> set[str]:
    """Exercises the book puts under the assessment setting: printed as an exam prints them, and left out of keys."""
    from medialit.assessment import with_page_settings
    from medialit.modes import Mode
    from medialit.state import ships_key

    settled = with_page_settings(exercise_set, ROOT / "book").exercises
    return {e.id for e in settled if not ships_key(e, Mode.LEARN)}


def _section(html: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    end = html.find("<section", start + 1)
    return html[start : end if end != -1 else len(html)]


def _write(tmp_path, *argv: str) -> str:
    out = tmp_path / "page.html"
    assert main([*argv, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def test_reading_order_follows_the_toc_and_directives(exercise_set):
    names = [p.name for p in reading_order(ROOT / "book")]
    assert names.index("documents/document-a") < names.index("sourcing") < names.index("final-challenge")
    ordered = [e.id for e in lesson_order(exercise_set.exercises, reading_order(ROOT / "book"))]
    assert sorted(ordered) == sorted(e.id for e in exercise_set.exercises)
    assert ordered.index("impressions-a") < ordered.index("sourcing-a") < ordered.index("sourcing-a-kinds")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.short_name)
def test_every_exercise_of_the_chapter_has_its_answer_space(tmp_path, chapter, exercise_set, assessed):
    html = _write(tmp_path, "worksheet", chapter.short_name)
    assert "<script" not in html.lower()
    for exercise_id in chapter.exercise_ids:
        exercise = exercise_set.get(exercise_id)
        part = _section(html, f"exercise-{exercise_id}")
        if exercise.type is ExerciseType.HIGHLIGHT:  # an assessed item offers "There is none" as an exam does
            offers_none = exercise.allow_none or exercise_id in assessed
            assert part.count('class="box"') == len(exercise.units) + offers_none
            for unit in exercise.units:
                assert f"{number(unit.id)}" in part
        elif exercise.type is ExerciseType.PAIRS:
            assert part.count("<li>") == pair_rows(exercise) >= len(exercise.targets)
        elif exercise.type is ExerciseType.SEARCH:  # a box per result (listed once) and per verdict
            assert part.count('<span class="box') == len(exercise.results) + len(exercise.options)
        else:
            assert part.count('<span class="box') == len(exercise.options)
        for document in exercise.documents:
            assert html.count(f'id="document-{document}"') == 1


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.short_name)
def test_the_key_lists_every_target_and_right_option(tmp_path, chapter, exercise_set, assessed):
    html = _write(tmp_path, "worksheet", chapter.short_name, "--key")
    for exercise_id in chapter.exercise_ids:
        exercise = exercise_set.get(exercise_id)
        if exercise_id in assessed:  # no key in the book: only medialit grade holds it
            assert f'id="key-{exercise_id}"' not in html
            continue
        part = _section(html, f"key-{exercise_id}")
        for target in exercise.targets:
            assert f"({target.id})" in part
            for anchor in target.anchors:
                for unit in anchor.units:
                    assert number(unit) in part
            if target.label:
                assert next(lab.name for lab in exercise.labels if lab.id == target.label) in part
        rows = re.findall(r'<tr class="(right|wrong|open)">', part)
        reflection = exercise.type is ExerciseType.REFLECTION  # every view is open: nothing is right or wrong
        assert rows == [
            "open" if o.discussion or reflection else "right" if o.correct else "wrong" for o in exercise.options
        ] + [  # a search task's results follow its verdicts: evidence, not evidence, or open
            "open" if r.supports is None else "right" if r.supports else "wrong" for r in exercise.results
        ]
        for discussion in exercise.discussions:
            assert f"({discussion.id})" in part


def test_the_whole_key_is_in_lesson_order_by_default(tmp_path, exercise_set, assessed):
    lesson = _write(tmp_path, "key")
    by_id = _write(tmp_path, "key", "--order", "id")
    found = re.findall(r'id="key-([^"]+)"', lesson)
    ordered = lesson_order(exercise_set.exercises, reading_order(ROOT / "book"))
    assert found == [e.id for e in ordered if e.id not in assessed]
    assert re.findall(r'id="key-([^"]+)"', by_id) == sorted(found)
    assert found != sorted(found)


def test_an_exam_sheet_carries_no_key(tmp_path, exercise_set):
    for chapter in CHAPTERS:
        html = _write(tmp_path, "worksheet", chapter.short_name, "--exam")
        text = re.sub(r"\s+", " ", html)
        assert " point" not in text
        for exercise_id in chapter.exercise_ids:
            exercise = exercise_set.get(exercise_id)
            part = _section(html, f"exercise-{exercise_id}")
            if exercise.type is ExerciseType.HIGHLIGHT:
                assert "There is none." in part
            key_texts = [t.explanation for t in exercise.targets] + [d.explanation for d in exercise.distractors]
            key_texts += [o.feedback for o in exercise.options] + list(exercise.hints)
            key_texts += [exercise.none_feedback, exercise.takeaway]
            for secret in filter(None, key_texts):
                assert re.sub(r"\s+", " ", secret)[:40] not in text
    learn = _write(tmp_path, "worksheet", "sourcing")
    assert " point" in learn  # the control: the same search finds points on a lesson's sheet


def test_exam_and_key_together_are_refused(tmp_path, capsys):
    assert main(["worksheet", "sourcing", "--exam", "--key", "-o", str(tmp_path / "x.html")]) == 2
    assert "an exam has no key" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
    assert main(["worksheet", "no-such-page", "-o", str(tmp_path / "x.html")]) == 2
    assert "no chapter 'no-such-page'" in capsys.readouterr().err


def test_exercise_text_is_escaped(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "exercises").mkdir()
    source = (ROOT / "exercises" / "sourcing-a.yaml").read_text(encoding="utf-8")
    prompt = "prompt: <script>alert(1)</script> Mark the sentences & check.\n"
    (tmp_path / "exercises" / "sourcing-a.yaml").write_text(
        re.sub(r"^prompt: >-\n(  .*\n)+", prompt, source, flags=re.MULTILINE), encoding="utf-8"
    )
    out = tmp_path / "ws.html"
    assert main(["--root", str(tmp_path), "worksheet", "--exercises", "sourcing-a", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Mark the sentences &amp; check." in html
    assert "<script" not in html


@pytest.mark.browser
def test_printed_page_counts(tmp_path, browser):
    page = browser.new_page()
    try:
        counts = {}
        for chapter in CHAPTERS:
            html = tmp_path / f"{chapter.short_name}.html"
            assert main(["worksheet", chapter.short_name, "-o", str(html)]) == 0
            page.goto(html.as_uri())
            counts[chapter.short_name] = _pages(page.pdf(format="A4"))
            assert counts[chapter.short_name] >= 1
        assert counts["sourcing"] <= 4
        page.goto((tmp_path / "sourcing.html").as_uri())
        assert _pages(page.pdf(format="Letter")) <= 4
        smallest = page.evaluate(
            "Math.min(...[...document.querySelectorAll('body *')]"
            ".filter(e => e.textContent.trim())"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
        )
        assert round(smallest * 0.75, 2) >= 10  # CSS px to pt
        key = tmp_path / "key.html"
        assert main(["key", "-o", str(key)]) == 0
        page.goto(key.as_uri())
        exercises = page.locator("section.exercise").count()
        assert _pages(page.pdf(format="A4")) <= 0.4 * exercises
    finally:
        page.close()


def test_a_key_never_prints_an_assessment_item(exercise_set, catalogue):
    import dataclasses

    from medialit.worksheet import build_key, key_html

    exercises = list(exercise_set.exercises[:3])
    exercises[1] = dataclasses.replace(exercises[1], assessment=True)
    key = build_key("three", exercises, catalogue)
    assert [e.title for e in key.exercises] == [exercises[0].title, exercises[2].title]
    assert key.withheld == (exercises[1].title,)
    html = key_html(key)
    assert "assessment setting" in html
    for option in exercises[1].options:
        assert option.feedback not in html
    for target in exercises[1].targets:
        assert target.explanation not in html


def test_an_assessment_item_is_printed_as_in_an_exam(exercise_set, catalogue):
    import dataclasses

    from medialit.worksheet import build_sheet

    highlight = next(e for e in exercise_set.exercises if e.type is ExerciseType.HIGHLIGHT and not e.allow_none)
    tested = dataclasses.replace(highlight, assessment=True)
    (normal,) = build_sheet("one", [highlight], catalogue).exercises
    (assessed,) = build_sheet("one", [tested], catalogue).exercises
    assert normal.points is not None and not normal.answer.offer_none
    assert assessed.points is None and assessed.answer.offer_none, (
        "no maximum, and 'There is none' offered as in an exam"
    )
