"""Adding a kind is one folder and one registry line (plus the documented schema step), shown on a copy of the
package: a made-up kind "poll", made from the reflection kind's folder with its names changed, then used."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import medialit

PACKAGE = Path(medialit.__file__).resolve().parent
SKIP = shutil.ignore_patterns("__pycache__", "course")

USE_THE_NEW_KIND = r"""
import json, sys
from medialit.kinds import ExerciseType, kind
from medialit.kinds.key import key_view
from medialit.kinds.schema import joined_schema
from medialit.frontend import bundle
from medialit.model import Exercise, Option, Skill
from medialit.scoring import score
import jsonschema

poll = Exercise(
    id="poll-1", type=ExerciseType("poll"), skill=Skill.DISCLAIMER, title="t", prompt="p", hints=(), documents=(),
    units=(), options=(Option("a", "A", False, "fa"), Option("b", "B", False, "fb")), multiple=False,
)
result = score(poll, {"choices": ["a"]})
source = bundle(["poll"])
raw = {
    "schema_version": 1, "id": "poll-1", "type": "poll", "skill": "disclaimer", "title": "A poll",
    "prompt": "Which view is closest to yours?", "hints": [],
    "options": [
        {"id": "a", "text": "One view", "feedback": "A fair view."},
        {"id": "b", "text": "Another view", "feedback": "Also a fair view."},
    ],
}
jsonschema.validate(raw, joined_schema())
print(json.dumps({
    "kinds": [m.value for m in ExerciseType],
    "score": [result.score, result.max_score],
    "verdicts": [str(i.verdict) for i in result.items],
    "key": len(key_view(poll).items),
    "in_bundle": ["pollScore" in source, "pollView" in source, "reflectionView" in source],
    "rule": kind("poll").rule(poll, True),
}))
"""


def _tree(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_a_new_kind_is_one_folder_and_one_registry_line(tmp_path):
    copy = tmp_path / "src" / "medialit"
    shutil.copytree(PACKAGE, copy, ignore=SKIP)
    # One folder: the reflection kind's, with its own names.
    folder = copy / "kinds" / "poll"
    shutil.copytree(copy / "kinds" / "reflection", folder, ignore=SKIP)
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("reflection", "poll").replace("Reflection", "Poll"), encoding="utf-8")
    # One registry line.
    registry = copy / "kinds" / "__init__.py"
    text = registry.read_text(encoding="utf-8")
    line = '    REFLECTION = "reflection"\n'
    assert line in text
    registry.write_text(text.replace(line, line + '    POLL = "poll"\n'), encoding="utf-8")
    # The documented schema step.
    env = {**os.environ, "PYTHONPATH": str(copy.parent)}
    subprocess.run(
        [sys.executable, "-m", "medialit.kinds.schema"], env=env, cwd=tmp_path, check=True, capture_output=True
    )

    changed = {
        path for path in _tree(PACKAGE) & _tree(copy) if not filecmp.cmp(PACKAGE / path, copy / path, shallow=False)
    }
    assert changed == {Path("kinds/__init__.py"), Path("schema/exercise-v1.json")}
    assert _tree(copy) - _tree(PACKAGE) == {Path("kinds/poll") / p.name for p in folder.iterdir() if p.is_file()}

    done = subprocess.run(
        [sys.executable, "-c", USE_THE_NEW_KIND], env=env, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    used = json.loads(done.stdout)
    assert used["kinds"][-1] == "poll"
    assert used["score"] == [0.0, 0.0]
    assert used["verdicts"] == ["chosen", "view"]
    assert used["key"] == 2
    assert used["in_bundle"] == [True, True, False], "the page's bundle carries the new kind, and only it"
    assert "not scored" in used["rule"]
