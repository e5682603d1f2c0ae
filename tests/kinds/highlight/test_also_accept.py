"""Accepted alternative kinds (a target's ``also_accept``): in the widget state, the answer keys and the real exercise;
and the rule text each highlight exercise ships."""

from __future__ import annotations

import re

from docutils import nodes

from medialit import scoring
from medialit.cli import main
from medialit.sphinxext.answer_key import answer_key_nodes
from medialit.state import exercise_state

KINDS = "sourcing-a-kinds"


def test_the_real_exercise_accepts_the_defensible_kinds(exercise_set):
    exercise = exercise_set.get(KINDS)
    by_id = {t.id: t for t in exercise.targets}
    assert by_id["russian-officials"].kinds == ("vague-group", "anonymous-official")
    assert by_id["two-experts"].kinds == ("confirmation-without-confirmer", "unfindable-expert")
    names = {label.id: label.name for label in exercise.labels}
    for target in exercise.targets:  # every explanation says which kind it is
        assert target.explanation.startswith(f"The kind is {names[target.label]}"), target.id
        for kind in target.also_accept:
            assert f"{names[kind]} is also accepted" in target.explanation, (target.id, kind)


def test_a_right_sentence_with_the_wrong_kind_in_the_real_exercise(exercise_set):
    exercise = exercise_set.get(KINDS)
    cables = next(t for t in exercise.targets if t.id == "cables")
    (unit,) = cables.anchors[0].units
    other_targets = {k for t in exercise.targets if unit in t.anchors[0].units for k in t.kinds}
    wrong = next(label.id for label in exercise.labels if label.id not in other_targets)
    result = scoring.score(exercise, {"marks": [{"unit": unit, "label": wrong}]})
    item = next(i for i in result.items if i.id == "cables")
    assert item.credit == 0.5 and result.score == 1.0  # half for each of the two targets in that sentence
    assert item.explanation.startswith("Right sentence. The kind here is: Secret or closed-off material. The kind is")
    officials = next(t for t in exercise.targets if t.id == "russian-officials")
    (unit,) = officials.anchors[0].units
    alternative = scoring.score(exercise, {"marks": [{"unit": unit, "label": "anonymous-official"}]})
    item = next(i for i in alternative.items if i.id == "russian-officials")
    assert alternative.score == 1 and item.credit == 1 and item.explanation == officials.explanation


def test_the_state_ships_alternatives_with_the_key_only(exercise_set, catalogue):
    exercise = exercise_set.get(KINDS)
    state = exercise_state(exercise, catalogue)
    shipped = {t["id"]: t["also_accept"] for t in state["key"]["targets"]}
    assert shipped["russian-officials"] == ["anonymous-official"] and shipped["cables"] == []
    assert state["rule"] == scoring.rule(exercise)
    exam = exercise_state(exercise, catalogue, with_key=False)
    assert exam["key"] is None and "also_accept" not in str(exam)
    assert exam["rule"] == scoring.rule(exercise, tell_cost=False)


def test_the_printable_key_names_the_alternatives(tmp_path):
    out = tmp_path / "key.html"
    assert main(["key", "-o", str(out)]) == 0
    html = re.sub(r"\s+", " ", out.read_text(encoding="utf-8"))
    section = html[html.index(f'id="key-{KINDS}"') :]
    section = section[: section.find("<section", 1) if "<section" in section[1:] else len(section)]
    row = next(r for r in section.split("<tr>") if "(russian-officials)" in r)
    assert "Vague group<br>also accepted: Anonymous official" in row
    row = next(r for r in section.split("<tr>") if "(cables)" in r)
    assert "also accepted" not in row


def test_the_book_answer_key_names_the_alternatives(exercise_set, catalogue):
    (section,) = answer_key_nodes([exercise_set.get(KINDS)], catalogue)
    titles = [p.astext() for p in section.findall(nodes.paragraph) if p.astext().startswith("Target ")]
    assert "Target russian-officials (Vague group; also accepted: Anonymous official)" in titles
    assert "Target cables (Secret or closed-off material)" in titles
