"""What loading the exercises costs: no charts, no tables; and every name the lazy packages offer is there."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

CHARTS_AND_TABLES = {"matplotlib", "pandas", "numpy"}


def test_validating_the_course_loads_neither_charts_nor_tables():
    code = (
        "import json, sys\n"
        "from medialit.cli import main\n"
        "main(['validate'])\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    imported = {name.split(".")[0] for name in json.loads(done.stderr.strip().splitlines()[-1])}
    assert "medialit" in imported and "yaml" in imported  # the control: the walk sees imports
    assert not imported & CHARTS_AND_TABLES, sorted(imported & CHARTS_AND_TABLES)


@pytest.mark.parametrize("package", ["medialit.teacher", "medialit.worksheet"])
def test_every_name_a_lazy_package_offers_is_there(package):
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name).__name__ == name, name
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        module.nothing_here  # noqa: B018
