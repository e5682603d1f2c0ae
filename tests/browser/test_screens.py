"""Reference screenshots of every exercise kind at a laptop's and a phone's width (tests/browser/screens/).

Each run takes the screenshots again and checks that every kind fits the width without scrolling sideways and that
its reference image exists at the same width. ``MEDIALIT_UPDATE_SCREENS=1`` writes the new images over the
references (look at them before committing)."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest

from medialit.state import exercise_state
from tests.browser.mirror import exercise_page

pytestmark = pytest.mark.browser

SCREENS = Path(__file__).parent / "screens"
SIZES = ((1280, 800), (390, 844))
UPDATE = os.environ.get("MEDIALIT_UPDATE_SCREENS") == "1"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG image, read from its header."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG image"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def one_of_each_kind(exercise_set) -> dict[str, object]:
    """The first exercise (by id) of each kind, and a highlight exercise with kinds to pick if there is one."""
    chosen: dict[str, object] = {}
    for exercise in sorted(exercise_set.exercises, key=lambda e: e.id):
        name = str(getattr(exercise.type, "value", exercise.type))
        if name == "highlight" and exercise.labels:
            name = "highlight-kinds"
        chosen.setdefault(name, exercise)
    return chosen


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_kind_has_a_reference_screenshot(exercise_set, catalogue, page_factory, serve, tmp_path, width, height):
    kinds = one_of_each_kind(exercise_set)
    assert {"choice", "highlight", "pairs", "reflection"} <= set(kinds), sorted(kinds)
    page = page_factory(viewport={"width": width, "height": height})
    server = serve(tmp_path)
    for kind, exercise in sorted(kinds.items()):
        name = exercise_page(tmp_path, [exercise_state(exercise, catalogue)], name=f"{kind}.html")
        page.goto(f"{server.url}/{name}")
        section = page.locator("section.medialit")
        section.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{kind} scrolls sideways at {width}"
        shot = tmp_path / f"{kind}-{width}x{height}.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"{kind} at {width}x{height}: {png_size(shot)[0]} x {png_size(shot)[1]} px ({exercise.id})")
        reference = SCREENS / shot.name
        if UPDATE:
            shutil.copyfile(shot, reference)
        assert reference.exists(), f"no reference image {reference.name}: run with MEDIALIT_UPDATE_SCREENS=1"
        assert png_size(reference)[0] == png_size(shot)[0] == width, reference.name
    assert page.external_requests == [] and page.console_errors == []
