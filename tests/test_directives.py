"""Directive names: every directive is registered as ``medialit-NAME``, and as ``NAME`` only where no other extension
has that name already (sphinx-exercise registers ``exercise``), so one book can load both.

Each test builds a tiny Sphinx book in a child process (the registry of directives is global to a process).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DUMMY = """
from docutils import nodes
from docutils.parsers.rst import Directive


class Other(Directive):
    required_arguments = 1

    def run(self):
        return [nodes.paragraph(text="from the other extension: " + self.arguments[0])]


def setup(app):
    app.add_directive("exercise", Other)
    return {"parallel_read_safe": True}
"""

PAGE = """# A tiny book

```{medialit-exercise} disclaimer-002
```

```{exercise} disclaimer-000
```

```{document} article4
```
"""


def _build(tmp_path: Path, extensions: list[str]) -> str:
    """Build the tiny book with these extensions (in this order); the HTML of its page."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "other_exercise.py").write_text(DUMMY, encoding="utf-8")
    (source / "conf.py").write_text(
        "import sys, pathlib\n"
        "sys.path.insert(0, str(pathlib.Path(__file__).parent))\n"
        f"extensions = {extensions!r}\n"
        f"medialit_root = {str(ROOT)!r}\n"
        "exclude_patterns = ['_build']\n"
        "nb_execution_mode = 'off'\n",
        encoding="utf-8",
    )
    (source / "index.md").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(source), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "already registered" not in done.stderr, done.stderr
    return (out / "index.html").read_text(encoding="utf-8")


def test_without_another_extension_the_old_names_still_work(tmp_path: Path) -> None:
    html = _build(tmp_path, ["medialit.sphinxext"])
    assert 'data-medialit-id="disclaimer-002"' in html
    assert 'data-medialit-id="disclaimer-000"' in html
    assert 'id="document-article4"' in html
    assert "from the other extension" not in html


@pytest.mark.parametrize(
    "extensions",
    [["other_exercise", "medialit.sphinxext"], ["medialit.sphinxext", "other_exercise"]],
    ids=["other-first", "other-last"],
)
def test_a_name_another_extension_registered_stays_its_own(tmp_path: Path, extensions: list[str]) -> None:
    html = _build(tmp_path, extensions)
    assert 'data-medialit-id="disclaimer-002"' in html  # the prefixed name is always ours
    assert "from the other extension: disclaimer-000" in html
    assert 'data-medialit-id="disclaimer-000"' not in html
    assert 'id="document-article4"' in html  # the aliases nobody else took are still registered


def test_no_module_of_the_extension_imports_the_package_back():
    """The package's ``__init__`` imports every module; they share what they need through ``sphinxext/config.py``."""
    folder = ROOT / "src" / "medialit" / "sphinxext"
    for path in sorted(folder.glob("*.py")):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "medialit.sphinxext", f"{path.name}:{node.lineno}"
            elif isinstance(node, ast.Import):
                assert all(alias.name != "medialit.sphinxext" for alias in node.names), f"{path.name}:{node.lineno}"
