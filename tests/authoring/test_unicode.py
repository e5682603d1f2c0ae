"""Right-to-left (Arabic) and CJK (Chinese) case studies: segmented, registered, validated and scored correctly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.authoring.yamltext import quoted
from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.scoring import score
from tests.authoring.conftest import DATA

CASES = {
    "arabic": ["قال مصدر مجهول إن المصنع سيغلق الأسبوع المقبل.", "هل هذا صحيح؟", "لم يذكر أحد اسم المصدر."],
    "chinese": ["据一位不愿透露姓名的官员说，图书馆下个月将关闭。", "这是真的吗？", "没有人说出消息来源。"],
}


@pytest.mark.parametrize("slug", CASES)
def test_new_case_segments_validates_and_scores(workspace, medialit, slug):
    done = medialit("new-case", DATA / f"{slug}.txt", "--slug", slug)
    assert done.code == 0, done.err
    for sentence in CASES[slug]:
        assert sentence in done.out
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    document = catalogue.get(slug)
    assert [u.text for u in document.units if u.paragraph > 1][::2][:1] == [CASES[slug][0]]
    assert all(document.text[u.start : u.end] == u.text for u in document.units)

    # The author quotes the anonymous-source sentence; the learner marks it.
    path = workspace / "exercises" / f"{slug}-sourcing.yaml"
    first = document.units[0].text
    path.write_text(
        path.read_text(encoding="utf-8").replace(quoted(first), quoted(CASES[slug][0]), 1), encoding="utf-8"
    )
    found = load_exercises(workspace / "exercises", catalogue)
    assert not found.errors
    exercise = found.get(f"{slug}-sourcing")
    (target,) = exercise.targets
    assert target.anchors[0].units == (f"{slug}:2.1",)
    right = score(exercise, {"marks": [{"unit": f"{slug}:2.1", "label": None}]})
    assert right.score == right.max_score == 1
    wrong = score(exercise, {"marks": [{"unit": f"{slug}:3.1", "label": None}]})
    assert wrong.score == 0


@pytest.mark.parametrize("slug", CASES)
def test_a_mistyped_quote_in_another_script_finds_the_nearest_passage(workspace, medialit, slug):
    assert medialit("new-case", DATA / f"{slug}.txt", "--slug", slug).code == 0
    path = workspace / "exercises" / f"{slug}-sourcing.yaml"
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    first = catalogue.get(slug).units[0].text
    wanted = CASES[slug][2]
    typo = wanted.replace("المصدر", "الخبر") if slug == "arabic" else wanted.replace("消息", "新闻")
    path.write_text(path.read_text(encoding="utf-8").replace(quoted(first), quoted(typo), 1), encoding="utf-8")
    (error,) = load_exercises(workspace / "exercises", catalogue).errors
    assert "the nearest passage is '" + wanted.rstrip("。.") in error.fix
    assert ("المصدر" if slug == "arabic" else "消息") in error.fix.split("where the text has")[1]


@given(st.text(max_size=40))
def test_quoted_yaml_reads_back_exactly(text):
    import yaml

    assert yaml.safe_load(quoted(text)) == text
