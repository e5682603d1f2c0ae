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


def test_the_chapters_quote_mistakes_are_what_validate_prints(project, workspace, medialit):
    chapter = (project.root / CHAPTER).read_text(encoding="utf-8")
    shown = re.findall(r"```text\n(exercises/rumour-sourcing\.yaml:.*?\n    fix: .*?)\n```", chapter, flags=re.DOTALL)
    assert len(shown) == 2
    assert medialit("new-case", project.root / "examples" / "rumour.txt", "--slug", "rumour").code == 0
    sourcing = workspace / "exercises" / "rumour-sourcing.yaml"
    text = sourcing.read_text(encoding="utf-8")
    text = text.replace(
        quoted("BRAMBLEWICK NEIGHBOURS — community board"),
        '>-\n      "They didn\'t want parents to find out before the summer," the worker said.',
    )
    text = text.replace(
        quoted("Please share this before it gets taken down!"),
        quoted("My neighbour’s kids have swimming lessons there twice a week - what are they supposed to do now?"),
    )
    sourcing.write_text(text, encoding="utf-8")
    out = medialit("validate").out.replace(f"{workspace}/", "")
    for example in shown:
        assert example in out
