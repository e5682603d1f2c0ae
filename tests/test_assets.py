"""The front-end files are safe to compact for inlining into pages."""

from __future__ import annotations

import pytest

from medialit.assets import asset_text, compact_js

SCRIPTS = ["widget.js", "scoring.js", "shim.js", "progress.js", "learners.js"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_no_string_runs_over_a_line_end(name):
    """compact_js strips each line; that is only safe while no template literal spans lines."""
    for number, line in enumerate(asset_text(name).splitlines(), start=1):
        code = line.strip()
        if code.startswith(("//", "*", "/*")):
            continue
        assert code.count("`") % 2 == 0, f"{name}:{number} leaves a template literal open"
        assert not code.endswith("\\"), f"{name}:{number} continues a string on the next line"


def test_compact_js_keeps_every_line_of_code_and_drops_the_rest():
    source = "// a comment\n\nconst a = 1;\n    if (a) {\n      run(`x ${a}`);\n    }\n"
    assert compact_js(source) == "const a = 1;\nif (a) {\nrun(`x ${a}`);\n}\n"


@pytest.mark.parametrize("name", SCRIPTS)
def test_compacting_makes_the_shipped_scripts_smaller(name):
    assert len(compact_js(asset_text(name))) < len(asset_text(name))
