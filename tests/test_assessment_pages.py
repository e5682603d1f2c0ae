"""A page's front matter puts all its exercises under the assessment setting, for every reader of the project."""

from __future__ import annotations

from medialit.assessment import page_is_assessed, with_page_settings
from medialit.model import ExerciseType


def test_only_front_matter_that_says_true_counts():
    assert page_is_assessed("---\nmedialit-assessment: true\n---\n# A test\n")
    assert page_is_assessed("---\njupytext:\n  x: 1\nmedialit-assessment: true\n---\n# A test\n")
    for text in (
        "# No front matter\nmedialit-assessment: true\n",
        "---\nmedialit-assessment: false\n---\n",
        "---\nmedialit-assessment: yes please\n---\n",
        "---\n: [broken\n---\n",
        "---\n- a list\n---\n",
        "# Title\n---\nmedialit-assessment: true\n---\n",
    ):
        assert not page_is_assessed(text), text


def test_every_exercise_on_an_assessed_page_is_assessed_except_reflections(tmp_path, exercise_set):
    book = tmp_path / "book"
    book.mkdir()
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n  - file: test\n  - file: other\n", encoding="utf-8"
    )
    (book / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (book / "test.md").write_text(
        "---\nmedialit-assessment: true\n---\n# Test\n\n```{exercise} disclaimer-002\n```\n"
        "\n```{exercise} impressions-a\n```\n",
        encoding="utf-8",
    )
    (book / "other.md").write_text("# Other\n\n```{exercise} disclaimer-000\n```\n", encoding="utf-8")
    found = with_page_settings(exercise_set, book)
    assessed = {e.id for e in found.exercises if e.assessment}
    in_files = {e.id for e in exercise_set.exercises if e.assessment}  # the check forms
    assert in_files and assessed == {"disclaimer-002"} | in_files
    assert found.get("impressions-a").type is ExerciseType.REFLECTION and not found.get("impressions-a").assessment
    assert with_page_settings(exercise_set, tmp_path / "no-book") is exercise_set
