"""The chapter "Write your own case study": its example runs and its example edits validate."""

from __future__ import annotations

import re

from medialit.authoring.yamltext import quoted

CHAPTER = "book/teachers/write-your-own.md"


def test_the_walk_through_works_on_the_shipped_example(project, workspace, medialit):
    chapter = (project.root / CHAPTER).read_text(encoding="utf-8")
    done = medialit(
        "new-case", project.root / "examples" / "rumour.txt", "--slug", "rumour", "--title", "The pool rumour"
    )
    assert done.code == 0
    for unit_line in re.findall(r"^ {5}(rumour:\d\.\d .*)$", chapter, flags=re.MULTILINE):
        assert unit_line in done.out
    sourcing = workspace / "exercises" / "rumour-sourcing.yaml"
    text = sourcing.read_text(encoding="utf-8")
    text = text.replace(
        quoted("BRAMBLEWICK NEIGHBOURS — community board"),
        ">-\n      A council worker, who asked me not to use their name",
    )
    sourcing.write_text(text, encoding="utf-8")
    pairs = workspace / "exercises" / "rumour-contradictions.yaml"
    text = pairs.read_text(encoding="utf-8")
    text = text.replace(
        quoted("BRAMBLEWICK NEIGHBOURS — community board"),
        ">-\n        the council decided it last Thursday in a secret meeting",
        1,
    )
    text = text.replace(
        quoted("Please share this before it gets taken down!"),
        ">-\n        ever since it made the decision back in November",
        1,
    )
    pairs.write_text(text, encoding="utf-8")
    report = medialit("validate", "--format", "json").json()
    assert report["errors"] == 0, report["problems"]
    assert {"rumour-sourcing", "rumour-contradictions", "rumour-disclaimer"} <= set(report["exercises"])


def test_the_chapter_is_in_the_table_of_contents(project):
    assert "- file: teachers/write-your-own" in (project.book / "_toc.yml").read_text(encoding="utf-8")
