"""The joiner: one ES module per page with the core and only the kinds the page uses; the DOM helpers live in one
file, shared by the widget's bundle and by progress.js."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib import resources

import pytest

from medialit.assets import asset_text, compact_js
from medialit.frontend import ENTRY_POINTS, bundle, bundle_parts, dom_helpers_script, drop_doc_comments, strip_module
from medialit.kinds import ExerciseType

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="Node is not installed")
OTHERS = {
    ExerciseType.HIGHLIGHT: ("pairsView", "choiceView", "reflectionView", "pairsScore", "choiceScore"),
    ExerciseType.CHOICE: ("highlightView", "pairsView", "buildSentences", "highlightScore", "pairsScore"),
}


def run_node(tmp_path, code: str) -> str:
    (tmp_path / "run.mjs").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [str(NODE), str(tmp_path / "run.mjs")], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_page_carries_only_the_kinds_it_uses():
    every = compact_js(bundle())
    for member, absent in OTHERS.items():
        one = compact_js(bundle([member]))
        assert f"{member.value}View" in one and f"{member.value}Score" in one
        for name in absent:
            assert name not in one, (member, name)
        assert len(one) < 0.8 * len(every), member
    assert bundle(["pairs", "highlight"]) == bundle(["highlight", "pairs"])  # the same kinds, the same bundle


def test_a_page_s_script_stays_small():
    """Budgets in bytes as inlined (compacted), JSDoc left out: before kinds were joined per page, every page
    carried 38 KB of widget and scoring code. (The all-kinds budget grew by 2 KB with the in-page question before
    an answer is shown. The budgets grew again with the exercise screen: the sticky action bars, about 1.4 KB in
    every bundle; the kind picker under the sentence, 2.6 KB more for highlight; two documents as tabs with a pinned
    chip, 3 KB more for pairs: 8 KB more for all kinds. The search kind, its search box, result lists and verdict,
    is about 13 KB; only a page with a search task carries it.)"""
    assert len(compact_js(bundle([ExerciseType.HIGHLIGHT])).encode()) < 35_000
    assert len(compact_js(bundle([ExerciseType.CHOICE])).encode()) < 23_000
    assert len(compact_js(bundle([ExerciseType.SEARCH])).encode()) < 32_000
    assert len(compact_js(bundle()).encode()) < 64_000


def test_doc_comments_are_left_out_and_code_comments_kept():
    source = (
        "/**\n * Doc.\n * @param {number} a\n */\n"
        "function f(a) {\n  /** @type {number} */\n  const b = /** @type {any} */ (a);\n}\n"
    )
    assert drop_doc_comments(source) == "function f(a) {\n  const b = /** @type {any} */ (a);\n}\n"
    assert "@param" not in bundle() and "@typedef" not in bundle()


def test_the_parts_come_in_order_each_once():
    parts = bundle_parts([ExerciseType.REFLECTION, ExerciseType.CHOICE])
    assert parts[:2] == ("static/dom.js", "static/scoring.js") and parts[-1] == "static/widget.js"
    assert len(parts) == len(set(parts))
    assert parts.index("kinds/choice/view.js") < parts.index("kinds/reflection/view.js")


def test_a_part_that_cannot_be_joined_is_refused():
    assert (
        strip_module('import { h } from "./dom.js";\nexport const a = 1;\nexport default { a };\n') == "const a = 1;\n"
    )
    with pytest.raises(ValueError, match="cannot join"):
        strip_module('import dom from "./dom.js";\n', "kinds/x/view.js")
    with pytest.raises(ValueError, match="cannot join"):
        strip_module("export { a, b };\n", "kinds/x/view.js")


def test_h_and_points_are_defined_once():
    static = resources.files("medialit").joinpath("static")
    kinds = resources.files("medialit").joinpath("kinds")
    sources = {p.name: p.read_text("utf-8") for p in static.iterdir() if p.name.endswith(".js")}
    sources |= {f"kinds/{p.name}": p.read_text("utf-8") for p in kinds.iterdir() if p.name.endswith(".js")}
    sources |= {
        f"kinds/{d.name}/{p.name}": p.read_text("utf-8")
        for d in kinds.iterdir()
        if d.is_dir()
        for p in d.iterdir()
        if p.name.endswith(".js")
    }
    defines_h = [name for name, text in sources.items() if re.search(r"function h\(|const h = ", text)]
    defines_points = [name for name, text in sources.items() if re.search(r"const points = ", text)]
    assert defines_h == defines_points == ["dom.js"]


@needs_node
def test_the_bundle_exports_render_and_the_scoring_entry_points(tmp_path):
    (tmp_path / "bundle.mjs").write_text(bundle([ExerciseType.HIGHLIGHT]), encoding="utf-8")
    out = run_node(
        tmp_path,
        'const m = await import("./bundle.mjs");\n'
        "let other = null;\n"
        'try { m.score({ type: "choice", key: {} }, { choices: [] }); } catch (e) { other = e.message; }\n'
        "console.log(JSON.stringify({ keys: Object.keys(m).sort(), render: typeof m.default.render, other }));\n",
    )
    found = json.loads(out)
    assert found["keys"] == sorted([*ENTRY_POINTS, "default"])
    assert found["render"] == "function"
    assert found["other"] == "unhandled exercise type choice"  # a page's bundle scores the kinds on the page only


@needs_node
def test_progress_js_finds_the_shared_helpers(tmp_path):
    script = compact_js(dom_helpers_script())
    out = run_node(
        tmp_path,
        "globalThis.window = {};\n"
        f"(0, eval)({json.dumps(script)});\n"
        "const dom = window.medialit.dom;\n"
        "console.log(JSON.stringify([typeof dom.h, dom.points(2), dom.points(2.345), Object.keys(window)]));\n",
    )
    assert json.loads(out) == ["function", "2", "2.35", ["medialit"]]
    assert "const { h } = dom;" in asset_text("progress.js") and "const { points } = dom;" in asset_text("progress.js")
