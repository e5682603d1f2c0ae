"""Keying mistakes, each from the exact slip a teacher makes: look-alike characters in a quote, a sentence keyed both
ways, a copied exercise file, TODOs left; and starters that never decide the answer for the teacher."""

from __future__ import annotations

import shutil

import yaml

from medialit.nearest import describe_look_alikes, nearest_passage
from tests.authoring.test_mistakes import FIRST, edit, errors, line_of

LONG = (
    "The council’s plan for the old mill, which has stood empty since the flood and which neighbours have asked about "
    "at every meeting for three years, will be decided on Thursday, said a spokesperson who gave no name, adding that "
    "“nothing is settled yet, whatever people may have heard…” before the meeting closed."
)


def test_curly_quotes_are_shown_with_both_characters_and_their_columns(workspace, medialit, harbour):
    written = "'Captain Rhona Vale, who has run the ferry for twelve years, said: \"Nobody has told us anything.\"'"
    edit(workspace, "sourcing", FIRST, written)
    (error,) = errors(medialit)
    line = line_of(workspace, "sourcing", "Captain Rhona")
    text = (workspace / "exercises" / "harbour-sourcing.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    opening, closing = text.index('"Nobody') + 1, text.index('."') + 2
    assert (
        f'line {line}, column {opening}: the quote has a straight quote mark " where the text has a curly opening '
        "quote “" in error["fix"]
    )
    assert (
        f'line {line}, column {closing}: the quote has a straight quote mark " where the text has a curly closing'
        in (error["fix"])
    )


def test_a_long_quote_is_shown_uncut_with_an_ellipsis_and_curly_quotes(workspace, medialit, tmp_path):
    source = tmp_path / "mill.txt"
    source.write_text(f"THE VALLEY GAZETTE\n{LONG}\nResidents were not told.\nThe mill is old.\n", encoding="utf-8")
    assert medialit("new-case", source, "--slug", "mill").code == 0
    path = workspace / "exercises" / "mill-sourcing.yaml"
    straight = LONG.replace("’", "'").replace("“", '"').replace("”", '"').replace("…", "...")
    text = path.read_text(encoding="utf-8").replace('"THE VALLEY GAZETTE"', "'" + straight.replace("'", "''") + "'", 1)
    path.write_text(text, encoding="utf-8")
    (error,) = errors(medialit)
    assert error["file"] == str(path) and error["field"] == "targets[0].quote"
    assert repr(LONG) in error["fix"]  # the whole sentence, not cut
    assert "three dots ... where the text has an ellipsis …" in error["fix"]
    assert "a straight apostrophe ' where the text has a curly apostrophe ’" in error["fix"]


def test_look_alike_spaces_and_dashes_are_named():
    found = nearest_passage("It opened – at last\u00a0today.", "It opened - at last today.")
    assert found is not None and found.passage == "It opened – at last\u00a0today."
    words = describe_look_alikes(found.look_alikes)
    assert "character 11 of the quote is a hyphen - where the text has a dash –" in words
    assert "character 20 of the quote is a space where the text has a non-breaking space" in words
    assert "non-breaking space" in found.reason


def test_the_same_sentence_as_target_and_distractor_is_an_error(workspace, medialit, harbour):
    edit(workspace, "sourcing", '"Insiders say the decision to stop the ferry was taken months ago."', FIRST)
    (error,) = errors(medialit)
    assert error["file"].endswith("harbour-sourcing.yaml") and error["field"] == "distractors[0].quote"
    assert error["line"] == line_of(workspace, "sourcing", "id: checkable-1") + 1
    assert "sentence harbour:1.1 is keyed both as a target ('source-1', targets[0])" in error["message"]
    assert "and as a distractor ('checkable-1')" in error["message"]
    assert "remove the distractor 'checkable-1', or the target 'source-1'" in error["fix"]


def test_the_same_pair_as_target_and_distractor_is_an_error(workspace, medialit, harbour):
    path = workspace / "exercises" / "harbour-contradictions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first, second = data["targets"][0]["first"]["quote"], data["targets"][0]["second"]["quote"]
    old = data["distractors"][0]["first"]["quote"]
    edit(workspace, "contradictions", f'      quote: "{old}"', f'      quote: "{first}"')
    text = path.read_text(encoding="utf-8")
    assert text.count(first) == 2 and text.count(second) == 2
    (error,) = errors(medialit)
    assert error["field"] == "distractors[0].id" and "keyed both as a target ('clash-1'" in error["message"]


def test_a_copied_exercise_file_is_blamed_and_names_the_original(workspace, medialit, harbour):
    original = workspace / "exercises" / "harbour-sourcing.yaml"
    copy = workspace / "exercises" / "harbour-sourcing-copy.yaml"  # sorts before the original
    shutil.copyfile(original, copy)
    report = medialit("validate", "--format", "json").json()
    (error,) = [p for p in report["problems"] if p["severity"] == "error"]
    assert error["file"] == str(copy) and error["field"] == "id"
    assert error["line"] == line_of(workspace, "sourcing", "id: harbour-sourcing")
    assert f"already used by {original}" in error["message"] and "looks like a copy" in error["message"]
    assert "`id: harbour-sourcing-copy`" in error["fix"]
    assert "harbour-sourcing" in report["exercises"]


def test_a_todo_in_any_field_is_flagged_with_what_to_write(workspace, medialit, harbour):
    edit(workspace, "sourcing", 'title: "Who says so in Document C?"', 'title: "TODO: a question about who says so"')
    report = medialit("validate", "--format", "json").json()
    (title,) = [p for p in report["problems"] if p["field"] == "title"]
    assert title["file"].endswith("harbour-sourcing.yaml") and title["line"] == line_of(workspace, "sourcing", "title:")
    assert title["severity"] == "warning" and "TODO" in title["message"]
    assert "(a question about who says so)" in title["fix"]


def test_the_disclaimer_starter_offers_both_answers_and_quotes_nothing(workspace, medialit, tmp_path):
    source = tmp_path / "fair.txt"
    last = "All names and events in this story are invented."
    source.write_text(
        f"THE TOWN NEWS\nThe spring fair opens on Friday.\nTickets cost two coins.\n{last}\n", encoding="utf-8"
    )
    assert medialit("new-case", source, "--slug", "fair").code == 0
    path = workspace / "exercises" / "fair-disclaimer.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert last not in text and "Tickets cost" not in text  # no sentence of the text is keyed either way
    assert data["allow_none"] is True and "targets" not in data and "distractors" not in data
    assert "ANSWER A, the text HAS a disclaimer" in text and "ANSWER B, the text has NO disclaimer" in text
    assert '#     quote: "TODO: copy the disclaimer sentence here' in text
    report = medialit("validate", "--format", "json").json()
    todos = {p["field"] for p in report["problems"] if p["file"] == str(path) and "TODO" in p["message"]}
    assert todos == {"none_feedback", "takeaway"}
    assert all("TODO" in data[field] for field in todos)


def test_answer_a_uncommented_with_its_placeholder_quote(workspace, medialit, harbour):
    path = workspace / "exercises" / "harbour-disclaimer.yaml"
    text = path.read_text(encoding="utf-8")
    block = text[text.index("# targets:\n") : text.index("#\n# ANSWER B")]
    path.write_text(text.replace(block, "\n".join(line[2:] for line in block.splitlines()) + "\n"), "utf-8")
    (error,) = errors(medialit)
    assert error["file"] == str(path) and error["field"] == "targets[0].quote"
    assert error["line"] == line_of(workspace, "disclaimer", 'quote: "TODO') and "TODO placeholder" in error["message"]
    assert "(copy the disclaimer sentence here, character for character)" in error["fix"]


def test_curly_quotes_from_a_word_processor_where_the_text_has_straight_ones():
    found = nearest_passage('The mayor said: "No comment." Then she left.', "The mayor said: “No comment.” Then")
    assert found is not None and found.passage == 'The mayor said: "No comment." Then'
    assert "the quote has curly quotes (‘ ’ “ ”) where the text has straight ones" in found.reason
    words = describe_look_alikes(found.look_alikes)
    assert 'character 17 of the quote is a curly opening quote “ where the text has a straight quote mark "' in words
    assert 'character 29 of the quote is a curly closing quote ” where the text has a straight quote mark "' in words


def test_every_field_a_starter_leaves_to_the_author_holds_a_todo(workspace, medialit, harbour):
    report = medialit("validate", "--format", "json").json()
    for skill in ("sourcing", "contradictions", "disclaimer"):
        path = workspace / "exercises" / f"harbour-{skill}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        to_write = {"takeaway": data["takeaway"]}
        to_write |= {f"hints[{i}]": hint for i, hint in enumerate(data["hints"]) if skill != "disclaimer"}
        for group in ("targets", "distractors"):
            to_write |= {f"{group}[{i}].explanation": item["explanation"] for i, item in enumerate(data.get(group, ()))}
        if "none_feedback" in data:
            to_write["none_feedback"] = data["none_feedback"]
        flagged = {p["field"] for p in report["problems"] if p["file"] == str(path) and "TODO" in p["message"]}
        assert all("TODO" in text for text in to_write.values()), skill
        assert flagged == set(to_write), skill
