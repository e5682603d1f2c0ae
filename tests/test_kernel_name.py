"""The book's notebooks run in the project's own Jupyter kernel, installed into the environment, never the user's.

``make setup`` installs a kernel named ``medialit`` with ``--sys-prefix`` (into the virtual environment); every page
with code cells names it, and every test that runs a notebook asks for it. The user's own ``python3`` kernel is
neither replaced nor used.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jupytext
from jupyter_client.kernelspec import KernelSpecManager

from tests.conftest import ROOT

KERNEL = "medialit"
INSTALL = re.compile(r"-m ipykernel install (?P<options>.*?)(?:>|$)", re.MULTILINE)


def _pages_with_code() -> list[Path]:
    pages = sorted(p for p in (ROOT / "book").rglob("*.md") if "_build" not in p.parts)
    return [p for p in pages if "```{code-cell}" in p.read_text(encoding="utf-8")]


def test_the_makefile_installs_the_project_kernel_into_the_environment_only():
    installs = INSTALL.findall((ROOT / "Makefile").read_text(encoding="utf-8"))
    assert installs, "the Makefile installs no kernel"
    for options in installs:
        words = options.split()
        assert "--sys-prefix" in words, options
        assert "--user" not in words, options
        assert words[words.index("--name") + 1] == KERNEL, options


def test_every_page_with_code_cells_names_the_project_kernel():
    pages = _pages_with_code()
    assert len(pages) >= 3  # the lab, the class view and the live notebook
    for page in pages:
        spec = jupytext.read(page).metadata.get("kernelspec", {})
        assert spec.get("name") == KERNEL, f"{page.relative_to(ROOT)} names the kernel {spec.get('name')!r}"


def test_every_test_that_runs_a_notebook_asks_for_the_project_kernel():
    named = [
        (path, name)
        for path in (ROOT / "tests").rglob("*.py")
        for name in re.findall(r"kernel_name=\"([^\"]*)\"", path.read_text(encoding="utf-8"))
    ]
    assert named, "no test runs a notebook"
    assert {name for _, name in named} == {KERNEL}, [(str(p.relative_to(ROOT)), n) for p, n in named]


def test_the_project_kernel_lives_in_this_environment_and_runs_its_python():
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    assert Path(spec.resource_dir).is_relative_to(Path(sys.prefix) / "share" / "jupyter" / "kernels")
    assert Path(spec.argv[0]).parent == Path(sys.prefix) / "bin"
