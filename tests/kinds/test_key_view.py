"""One key view per exercise feeds the book's answer-key page, ``medialit key`` and the widget's "Show answer": the
three show the same items and the takeaway."""

from __future__ import annotations

import html as html_lib
import re

from docutils import nodes

from medialit.kinds.key import KeyRole, key_view
from medialit.modes import Mode
from medialit.sphinxext.answer_key import answer_key_nodes
from medialit.state import exercise_state, ships_key
from medialit.worksheet import build_key, key_html


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_each_kind_gives_its_items(exercise_set):
    for exercise in exercise_set.exercises:
        view = key_view(exercise)
        ids = [item.id for item in view.items]
        assert len(ids) == len(set(ids)), exercise.id
        assert view.takeaway == exercise.takeaway
        if exercise.results:  # a search task: the verdicts, then the results (evidence, not evidence, either)
            verdicts = [o.id for o in exercise.options]
            assert [item.option for item in view.items[: len(verdicts)]] == verdicts, exercise.id
            results = view.items[len(verdicts) :]
            assert [item.id for item in results] == [r.id for r in exercise.results], exercise.id
            roles = {True: KeyRole.RIGHT, False: KeyRole.WRONG, None: KeyRole.OPEN}
            assert [item.role for item in results] == [roles[r.supports] for r in exercise.results], exercise.id
            assert all(item.text and r.address in item.text for item, r in zip(results, exercise.results, strict=True))
            continue
        if exercise.options:
            assert [item.option for item in view.items] == [o.id for o in exercise.options], exercise.id
            continue
        right = [item.id for item in view.items if item.role is KeyRole.RIGHT and not item.none]
        assert right == [t.id for t in exercise.targets], exercise.id
        assert [i.id for i in view.items if i.role is KeyRole.WRONG] == [d.id for d in exercise.distractors]
        assert [i.id for i in view.items if i.role is KeyRole.OPEN] == [d.id for d in exercise.discussions]
        assert any(item.none for item in view.items) == (not exercise.targets), exercise.id


def test_the_widget_state_carries_the_view_by_sentence_id_only_when_the_key_ships(exercise_set, catalogue):
    for exercise in exercise_set.exercises:
        state = exercise_state(exercise, catalogue)
        if not ships_key(exercise, Mode.LEARN):
            continue
        shipped = state["key_view"]
        assert shipped == key_view(exercise).as_dict()
        assert [item["id"] for item in shipped["items"]] == [item.id for item in key_view(exercise).items]
        assert all(
            set(item) <= {"id", "role", "explanation", "units", "option", "kind", "also", "text"}
            for item in shipped["items"]
        )
        units = [group for item in key_view(exercise).items for group in item.units]
        assert [group for item in shipped["items"] for group in item.get("units", [])] == [list(g) for g in units]
        assert exercise_state(exercise, catalogue, with_key=False)["key_view"] is None


def test_the_book_page_and_the_printable_key_show_every_item_and_the_takeaway(exercise_set, catalogue):
    shown = [e for e in exercise_set.exercises if ships_key(e, Mode.LEARN)]
    sections = answer_key_nodes(shown, catalogue)
    printable = _flat(html_lib.unescape(key_html(build_key("every exercise", shown, catalogue))))
    for exercise, section in zip(shown, sections, strict=True):
        book = _flat(section.astext())
        start = printable.index(f'id="key-{exercise.id}"')
        end = printable.find("<section", start + 1)
        part = printable[start : end if end > 0 else len(printable)]
        view = key_view(exercise)
        for item in view.items:
            if item.option is not None:
                text = next(o.text for o in exercise.options if o.id == item.option)
                assert _flat(text) in book and _flat(text) in part, (exercise.id, item.id)
            elif item.text is not None:  # a search result
                assert f"{_flat(item.text)} ({item.id})" in book and f"({item.id})" in part, (exercise.id, item.id)
                assert _flat(item.text) in part, (exercise.id, item.id)
            elif item.none:
                assert "There is none" in book and "there is none" in part.lower(), exercise.id
            else:
                assert item.id in book and f"({item.id})" in part, (exercise.id, item.id)
            assert _flat(item.explanation) in book, (exercise.id, item.id)
        if view.takeaway:
            assert f"Remember: {_flat(view.takeaway)}" in book, exercise.id
            assert re.sub(r"<[^>]+>", "", f"Remember: {_flat(view.takeaway)}") in re.sub(r"<[^>]+>", "", part)
        assert any(isinstance(n, nodes.bullet_list) for n in section.children), exercise.id
