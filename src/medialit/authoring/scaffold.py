"""Write the starter files of a new case study: one exercise per skill and a chapter page.

Every placeholder quotes a real sentence of the text, so the files pass ``medialit validate`` as soon as they are
written; each placeholder is marked TODO, and the validator warns about every TODO left.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

from medialit.authoring.register import AuthoringError
from medialit.authoring.templates import template
from medialit.authoring.yamltext import in_double_quotes, quoted
from medialit.catalogue import Document
from medialit.project import Project
from medialit.text import Unit, segment

__all__ = ["EXERCISE_TEMPLATES", "Placeholders", "page_path", "placeholders", "scaffold"]

EXERCISE_TEMPLATES = {
    "sourcing": "case-sourcing.yaml",
    "contradictions": "case-contradictions.yaml",
    "disclaimer": "case-disclaimer.yaml",
}
"""Skill (and file-name suffix) → template of the starter exercise."""

MIN_SENTENCES = 3
"""Sentences, each found only once in the text, needed for placeholders that pass validation."""


@dataclass(frozen=True)
class Placeholders:
    """The sentences the starter exercises quote until the author replaces them."""

    first: Unit
    """The first sentence that occurs once in the text."""
    second: Unit
    """The next such sentence."""
    last: Unit
    """The last such sentence."""


def placeholders(slug: str, text: str) -> Placeholders:
    """Three different sentences that can each be quoted on their own; :class:`AuthoringError` if there are none."""
    units = segment(slug, text)
    usable = [u for u in units if len(u.text) >= 3 and text.count(u.text) == 1]
    if len(usable) < MIN_SENTENCES:
        raise AuthoringError(
            f"the text has {len(units)} sentences, of which {len(usable)} can be quoted on their own (the others "
            f"occur more than once); a case study needs at least {MIN_SENTENCES}. Use a longer text."
        )
    return Placeholders(first=usable[0], second=usable[1], last=usable[-1])


def page_path(project: Project, slug: str) -> Path:
    """The chapter page of case study ``slug``."""
    return project.book / "cases" / f"{slug}.md"


def scaffold(project: Project, document: Document) -> list[Path]:
    """Write the starter exercises and the chapter page; the paths written, in order."""
    chosen = placeholders(document.slug, document.text)
    values = {
        "slug": document.slug,
        "label": document.label,
        "label_q": in_double_quotes(document.label),
        "title": document.title,
        "target_unit": chosen.first.id,
        "target_quote": quoted(chosen.first.text),
        "distractor_unit": chosen.last.id,
        "distractor_quote": quoted(chosen.last.text),
        "target_first_unit": chosen.first.id,
        "target_first_quote": quoted(chosen.first.text),
        "target_second_unit": chosen.last.id,
        "target_second_quote": quoted(chosen.last.text),
        "distractor_first_unit": chosen.second.id,
        "distractor_first_quote": quoted(chosen.second.text),
        "distractor_second_unit": chosen.last.id,
        "distractor_second_quote": quoted(chosen.last.text),
    }
    written = []
    project.exercises.mkdir(parents=True, exist_ok=True)
    for skill, name in EXERCISE_TEMPLATES.items():
        path = project.exercises / f"{document.slug}-{skill}.yaml"
        path.write_text(Template(template(name)).substitute(values), encoding="utf-8")
        written.append(path)
    page = page_path(project, document.slug)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(Template(template("case-page.md")).substitute(values), encoding="utf-8")
    written.append(page)
    return written
