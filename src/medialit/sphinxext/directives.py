"""The directives: ``medialit-exercise``, ``medialit-document`` and ``medialit-answer-key``."""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from medialit.modes import Mode
from medialit.sphinxext.answer_key import answer_key_nodes
from medialit.sphinxext.config import course, mode
from medialit.sphinxext.nodes import exercise_node
from medialit.sphinxext.progress import note_exercise
from medialit.state import exercise_state, ships_key
from medialit.text import paragraph_spans

__all__ = ["AnswerKeyDirective", "DocumentDirective", "ExerciseDirective"]


class ExerciseDirective(SphinxDirective):
    """``medialit-exercise ID``: one interactive exercise from ``exercises/``."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        loaded = course(self.env.app)
        catalogue, exercises = loaded.catalogue, loaded.exercises
        exercise_id = self.arguments[0]
        try:
            exercise = exercises.get(exercise_id)
        except KeyError:
            known = ", ".join(e.id for e in exercises.exercises)
            raise self.error(f"no exercise {exercise_id!r} in exercises/; known: {known}") from None
        self.env.note_dependency(exercise.source)
        note_exercise(self.env, exercise.id)
        node = exercise_node()
        node["exercise_id"] = exercise.id
        node["state"] = exercise_state(exercise, catalogue, with_key=ships_key(exercise, mode(self.env.app)))
        return [node]


class DocumentDirective(SphinxDirective):
    """``medialit-document SLUG``: a case-study document verbatim, one numbered item per paragraph."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        catalogue = course(self.env.app).catalogue
        try:
            document = catalogue.get(self.arguments[0])
        except KeyError:
            raise self.error(f"no document {self.arguments[0]!r}; known: {', '.join(catalogue.slugs)}") from None
        self.env.note_dependency(str(document.path))
        container = nodes.container(classes=["medialit-document"])
        container["ids"].append(f"document-{document.slug}")
        listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for number, (start, end) in enumerate(paragraph_spans(document.text), start=1):
            item = nodes.list_item(ids=[f"{document.slug}-p{number}"])
            item += nodes.paragraph(text=document.text[start:end])
            listing += item
        # The text's language and direction (from the catalogue), so that an Arabic or Hebrew text runs right to left.
        opening = f'<div class="medialit-document-text" lang="{escape(document.lang)}" dir="{document.dir}">'
        container += [nodes.raw("", opening, format="html"), listing, nodes.raw("", "</div>", format="html")]
        return [container]


class AnswerKeyDirective(SphinxDirective):
    """``medialit-answer-key``: the complete key in lesson order, from ``exercises/`` (left out of exam builds)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        loaded = course(self.env.app)
        catalogue, exercises = loaded.catalogue, loaded.exercises
        if mode(self.env.app) is Mode.EXAM:
            return [nodes.paragraph(text="The answer key is not part of an exam build.")]
        for exercise in exercises.exercises:
            self.env.note_dependency(exercise.source)
        ordered = loaded.lesson_order
        # An exercise whose key never ships (an assessment item) is left out of the book's key too.
        return answer_key_nodes([e for e in ordered if ships_key(e, Mode.LEARN)], catalogue)
