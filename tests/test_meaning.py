"""A wording fix keeps the content hash (saved answers survive it); a change in what an answer means does not."""

from __future__ import annotations

import copy

import pytest
import yaml

from medialit.exercises import load_exercise
from medialit.meaning import meaning_hash


def _load(project, catalogue, tmp_path, name, change=None):
    data = yaml.safe_load((project.exercises / f"{name}.yaml").read_text(encoding="utf-8"))
    if change is not None:
        change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    exercise, problems = load_exercise(path, catalogue)
    assert exercise is not None, problems
    return exercise


def _set(*path_and_value):
    *path, value = path_and_value

    def change(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


WORDING = {
    "sourcing-a-kinds": [
        _set("prompt", "Mark the sentences."),
        _set("title", "Kinds"),
        _set("hints", 0, "Look again."),
        _set("targets", 0, "explanation", "Secret cables."),
        _set("labels", 0, "name", "Nameless official"),
        _set("labels", 0, "description", "Someone unnamed."),
    ],
    "lateral-article": [_set("options", 0, "feedback", "Look at the treaty text.")],
}
MEANING = {
    "sourcing-a-kinds": [_set("targets", 0, "label", "vague-group"), _set("labels", 0, "id", "anonymous")],
    "lateral-article": [_set("options", 0, "text", "Something else"), _set("options", 0, "id", "other-id")],
}


@pytest.mark.parametrize(("name", "number"), [(n, i) for n, changes in WORDING.items() for i in range(len(changes))])
def test_a_wording_fix_keeps_the_hash(project, catalogue, tmp_path, name, number):
    before = _load(project, catalogue, tmp_path, name)
    after = _load(project, catalogue, tmp_path, name, WORDING[name][number])
    assert after.content_hash == before.content_hash


@pytest.mark.parametrize(("name", "number"), [(n, i) for n, changes in MEANING.items() for i in range(len(changes))])
def test_a_change_of_meaning_changes_the_hash(project, catalogue, tmp_path, name, number):
    data = yaml.safe_load((project.exercises / f"{name}.yaml").read_text(encoding="utf-8"))
    changed = copy.deepcopy(data)
    MEANING[name][number](changed)
    sentences = [("a:1.1", "One sentence.")]
    assert meaning_hash(changed, sentences) != meaning_hash(data, sentences)


def test_a_changed_sentence_changes_the_hash(project):
    data = yaml.safe_load((project.exercises / "sourcing-a.yaml").read_text(encoding="utf-8"))
    assert meaning_hash(data, [("a:1.1", "One sentence.")]) != meaning_hash(data, [("a:1.1", "One sentence!")])
    assert meaning_hash(data, [("a:1.1", "One.")]) != meaning_hash(data, [("a:1.2", "One.")])
