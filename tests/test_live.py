"""The live-kernel API at the package's top level."""

from __future__ import annotations

import medialit


def test_widget_and_show_can_be_called_again_and_again():
    first = medialit.widget("disclaimer-002")
    second = medialit.show("disclaimer-000")
    third = medialit.widget("disclaimer-002")
    assert [w.exercise.id for w in (first, second, third)] == ["disclaimer-002", "disclaimer-000", "disclaimer-002"]
    assert callable(medialit.widget) and callable(medialit.hand_in) and callable(medialit.my_results)
