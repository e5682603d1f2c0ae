"""The book's forms.js picks the same first check form as medialit.forms under Node, for many names."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.assets import asset_path
from medialit.forms import first_form, form_hash
from medialit.handin import learner_key

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node is not installed")

RUN = """
require(process.argv[1]);
const keys = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const forms = globalThis.medialit.forms;
process.stdout.write(JSON.stringify(keys.map((k) => [forms.formHash(k), forms.firstForm(k)])));
"""


def in_node(tmp_path: Path, keys: list[str]) -> list[list[object]]:
    (tmp_path / "keys.json").write_text(json.dumps(keys), encoding="utf-8")
    done = subprocess.run(
        [str(NODE), "-e", RUN, str(asset_path("forms.js")), str(tmp_path / "keys.json")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    found: list[list[object]] = json.loads(done.stdout)
    return found


def _names(count: int) -> list[str]:
    rng = random.Random(31)
    alphabets = ["abcdefghij", "éüñøçłßæ", "абвгдеж", "αβγδεζ", "日本語漢字", "😀🎉🧪", "أبتثج", "\u0301\u0308"]
    return [
        " ".join(
            "".join(rng.choice(rng.choice(alphabets)) for _ in range(rng.randint(1, 8)))
            for _ in range(rng.randint(1, 3))
        ).title()
        for _ in range(count)
    ]


def test_node_and_python_agree_on_two_thousand_names(tmp_path):
    names = [*_names(2000), "Ana", "Chloé", "", " ", "ŞEYMA", "Straße", "ǅemal"]
    keys = [learner_key(name) for name in names]
    found = in_node(tmp_path, keys)
    assert found == [[form_hash(key), str(first_form(name))] for key, name in zip(keys, names, strict=True)]
    assert {form for _, form in found} == {"A", "B"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=1, max_size=40))
def test_node_and_python_agree_on_any_text(tmp_path_factory, texts):
    keys = [learner_key(text) for text in texts]
    found = in_node(tmp_path_factory.mktemp("keys"), keys)
    assert [hash_ for hash_, _ in found] == [form_hash(key) for key in keys]
