"""Reference screenshots of every exercise kind at a laptop's and a phone's width (tests/browser/screens/), and of
two moments: the kind picker open under a sentence, and two documents (side by side, or as tabs with the sentence
selected in the other one pinned as a chip).

A kind's image is the whole page, with the action bars at rest where they stand at the end of the exercise (in a
full-page image a sticky bar would be drawn over the text, at the first screen's bottom); an image of a moment is
the screen as the learner sees it then, the bars stuck to its bottom.

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
AT_REST = ".medialit .ml-actions, .medialit .ml-tools { position: static; }"


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


def open_picker(page) -> None:
    """Select the fourth sentence: the kind picker opens under its paragraph."""
    page.get_by_role("option").nth(3).click()
    page.locator(".ml-kinds").wait_for()


def pin_a_chip(page) -> None:
    """Select a sentence of Document A, then (as tabs) show Document B with that sentence pinned as a chip."""
    page.get_by_role("option").nth(1).click()
    tab = page.get_by_role("tab", name="Document B")
    if tab.is_visible():
        tab.click()
        page.locator(".ml-chip").wait_for()


def moments(exercise_set) -> dict[str, tuple[object, object]]:
    """Each screenshot: the exercise, and what is done before it is taken."""
    kinds = one_of_each_kind(exercise_set)
    assert {"choice", "highlight", "pairs", "reflection", "highlight-kinds"} <= set(kinds), sorted(kinds)
    shots: dict[str, tuple[object, object]] = {kind: (exercise, None) for kind, exercise in kinds.items()}
    shots["highlight-kinds-picker"] = (kinds["highlight-kinds"], open_picker)
    two = next(e for e in sorted(exercise_set.exercises, key=lambda e: e.id) if len(e.documents) == 2)
    shots["two-documents"] = (two, pin_a_chip)
    return shots


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_kind_has_a_reference_screenshot(exercise_set, catalogue, page_factory, serve, tmp_path, width, height):
    page = page_factory(viewport={"width": width, "height": height})
    server = serve(tmp_path)
    for kind, (exercise, action) in sorted(moments(exercise_set).items()):
        name = exercise_page(tmp_path, [exercise_state(exercise, catalogue)], name=f"{kind}.html")
        page.goto(f"{server.url}/{name}")
        section = page.locator("section.medialit")
        section.wait_for()
        if action is not None:
            action(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{kind} scrolls sideways at {width}"
        shot = tmp_path / f"{kind}-{width}x{height}.png"
        if action is None:
            page.add_style_tag(content=AT_REST)
        page.screenshot(path=str(shot), full_page=action is None)
        print(f"{kind} at {width}x{height}: {png_size(shot)[0]} x {png_size(shot)[1]} px ({exercise.id})")
        reference = SCREENS / shot.name
        if UPDATE:
            shutil.copyfile(shot, reference)
        assert reference.exists(), f"no reference image {reference.name}: run with MEDIALIT_UPDATE_SCREENS=1"
        assert png_size(reference)[0] == png_size(shot)[0] == width, reference.name
    assert page.external_requests == [] and page.console_errors == []
