"""The YAML mistakes a teacher makes by hand, each from the exact slip: the message names the file and line, says what
is wrong in plain words, and shows the line as it should be written; the parser's own words never reach the author."""

from __future__ import annotations

import pytest

from tests.authoring.test_mistakes import edit, errors, line_of

JARGON = (
    "mapping values",
    "block end",
    "<scalar>",
    "simple key",
    "expected ':'",
    "block mapping",
    "block collection",
    "while scanning",
    "while parsing",
    "ScannerError",
    "ParserError",
    "could not find",
)

TARGET_QUOTE = '    quote: "THE HARBOUR POST — local news"'
FIRST_HINT = '  - "TODO: a gentle hint, for example: Look for words like “sources say” or “an official”."'


def only_error(workspace, medialit, skill: str = "sourcing") -> dict:
    (error,) = errors(medialit)
    assert error["file"] == str(workspace / "exercises" / f"harbour-{skill}.yaml")
    words = error["message"] + error["fix"]
    assert not [j for j in JARGON if j in words], words
    return error


def test_a_colon_in_a_hint_is_put_in_quotes(workspace, medialit, harbour):
    edit(workspace, "sourcing", FIRST_HINT, "  - For each source ask: could I phone this person?")
    error = only_error(workspace, medialit)
    assert error["field"] == "hints[0]" and error["line"] == line_of(workspace, "sourcing", "For each source ask")
    assert "colon followed by a space" in error["message"]
    assert error["fix"] == 'put this text in quotes:\n      - "For each source ask: could I phone this person?"'


def test_a_colon_in_a_field_value_is_put_in_quotes(workspace, medialit, harbour):
    edit(workspace, "sourcing", 'title: "Who says so in Document C?"', "title: Who says so: Document C")
    error = only_error(workspace, medialit)
    assert error["line"] == line_of(workspace, "sourcing", "title: Who says so")
    assert "not valid YAML" in error["message"] and "colon followed by a space" in error["message"]
    assert error["fix"] == 'put this text in quotes:\n    title: "Who says so: Document C"'


@pytest.mark.parametrize(
    ("written", "rewritten", "other"),
    [
        ('title: "Who says "so" in Document C?"', "title: 'Who says \"so\" in Document C?'", "single quotes"),
        ("title: 'Who's the source in Document C?'", 'title: "Who\'s the source in Document C?"', "double quotes"),
    ],
)
def test_quote_marks_inside_a_quoted_value(workspace, medialit, harbour, written, rewritten, other):
    edit(workspace, "sourcing", 'title: "Who says so in Document C?"', written)
    error = only_error(workspace, medialit)
    assert error["line"] == line_of(workspace, "sourcing", written)
    assert "holds" in error["message"] and "quotes itself" in error["message"]
    assert f"write the value in {other}" in error["fix"] and "`>-`" in error["fix"]
    assert error["fix"].endswith("\n    " + rewritten)


def test_both_kinds_of_quote_marks_inside_a_value_become_a_block(workspace, medialit, harbour):
    edit(workspace, "sourcing", 'title: "Who says so in Document C?"', "title: 'Who's \"the\" source?'")
    error = only_error(workspace, medialit)
    assert error["fix"].endswith('\n    title: >-\n      Who\'s "the" source?')


@pytest.mark.parametrize(
    ("spaces", "way"),
    [(6, "too far"), (5, "too far"), (3, "not far enough"), (2, "not far enough")],
)
def test_a_field_indented_wrongly_shows_the_expected_column(workspace, medialit, harbour, spaces, way):
    edit(workspace, "sourcing", TARGET_QUOTE, " " * spaces + TARGET_QUOTE.lstrip())
    error = only_error(workspace, medialit)
    line = line_of(workspace, "sourcing", "THE HARBOUR POST")
    assert error["line"] == line
    assert f"`quote` on line {line} is indented {way}" in error["message"]
    assert f"starts at column {spaces + 1}" in error["message"] and "start at column 5" in error["message"]
    assert error["fix"].startswith("start it at column 5 (4 spaces), like line")
    assert error["fix"].endswith("\n" + "    " + TARGET_QUOTE)


def test_an_explanation_indented_too_little_after_a_block_text(workspace, medialit, harbour):
    explanation = "    explanation: >-\n      TODO: say who the source is and why a reader cannot check it.\n"
    edit(workspace, "sourcing", explanation, explanation.replace("    explanation", "   explanation"))
    error = only_error(workspace, medialit)
    assert error["line"] == line_of(workspace, "sourcing", "   explanation: >-")
    assert "column 4" in error["message"] and "column 5" in error["message"]


def test_a_tab_is_named_at_its_line_and_column(workspace, medialit, harbour):
    edit(workspace, "sourcing", TARGET_QUOTE, "  \t" + TARGET_QUOTE.lstrip())
    error = only_error(workspace, medialit)
    line = line_of(workspace, "sourcing", "\tquote")
    assert error["line"] == line and f"line {line}, column 3 holds a tab" in error["message"]
    assert f"replace the tab with spaces (line {line}, column 3)" in error["fix"]


def test_a_quote_never_closed_points_at_where_it_opens(workspace, medialit, harbour):
    edit(workspace, "sourcing", 'title: "Who says so in Document C?"', 'title: "Who says so in Document C?')
    error = only_error(workspace, medialit)
    line = line_of(workspace, "sourcing", "title:")
    assert error["line"] == line and f"opened on line {line}, column 8 is not closed" in error["message"]
    assert error["fix"].endswith('\n    title: "Who says so in Document C?"')


def test_a_missing_dash_before_a_list_item(workspace, medialit, harbour):
    edit(workspace, "sourcing", FIRST_HINT, "  Compare the dates.")
    error = only_error(workspace, medialit)
    assert error["line"] == line_of(workspace, "sourcing", "Compare the dates.")
    assert "neither `field: value` nor a list item" in error["message"] and "start it with `- `" in error["fix"]
