"""``medialit new-case`` with texts in other scripts, and with a byte-order mark and Windows line ends."""

from __future__ import annotations

import hashlib

import pytest
import yaml

from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.scripts import Direction
from tests.languages import DIRECTIONS, SENTENCES, TEXTS

NAMES = {"ar": "Arabic letters", "he": "Hebrew letters", "ko": "Korean letters (Hangul)", "ja": "Japanese letters"}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_the_language_and_direction_are_detected_written_and_said(workspace, medialit, tmp_path, lang):
    source = tmp_path / f"bakery-{lang}.txt"
    source.write_text(TEXTS[lang], encoding="utf-8")
    done = medialit("new-case", source, "--slug", f"bakery-{lang}")
    assert done.code == 0, done.err
    assert f"Language: found {NAMES[lang]}" in done.out
    assert f"`lang: {lang}` and `dir: {DIRECTIONS[lang]}`" in done.out
    assert "If that is wrong, change them in" in done.out
    catalogue_path = workspace / "seeds" / "catalogue.yaml"
    entry = yaml.safe_load(catalogue_path.read_text(encoding="utf-8"))["documents"][-1]
    assert (entry["slug"], entry["lang"], entry["dir"]) == (f"bakery-{lang}", lang, DIRECTIONS[lang])
    document = Catalogue.load(catalogue_path).get(f"bakery-{lang}")
    assert (document.lang, document.dir) == (lang, Direction(DIRECTIONS[lang]))
    assert [u.text for u in document.units] == SENTENCES[lang]
    for unit in document.units:
        assert f"{unit.id}  {unit.text}" in done.out
    # The starter exercises quote the text: every quote is found and anchored to its sentences.
    exercises = load_exercises(workspace / "exercises", Catalogue.load(catalogue_path))
    assert not [p for p in exercises.problems if p.severity == "error"]
    mine = [e for e in exercises.exercises if e.id.startswith(f"bakery-{lang}-")]
    assert len(mine) == 3
    for exercise in mine:
        for target in exercise.targets:
            for anchor in target.anchors:
                assert document.text[anchor.start : anchor.end] == anchor.quote
                assert anchor.units and all(u in document.unit_index for u in anchor.units)


def test_an_english_text_is_said_to_be_english(medialit, tmp_path):
    source = tmp_path / "bakery.txt"
    source.write_text("A bakery opened. Dr. Ada Finch runs it.\nIt sells rye bread.\n", encoding="utf-8")
    done = medialit("new-case", source, "--slug", "bakery")
    assert done.code == 0, done.err
    assert "found Latin letters, taken as English, so the entry says `lang: en` and `dir: ltr`" in done.out


def test_a_byte_order_mark_and_windows_line_ends_are_cleaned_once_on_entry(workspace, medialit, tmp_path):
    source = tmp_path / "bakery.txt"
    text = "BAKERY NEWS\r\nA bakery opened on Mill Lane. Dr. Ada Finch runs it.\r\n\r\nIt sells rye bread.\r\n"
    source.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    done = medialit("new-case", source, "--slug", "bakery")
    assert done.code == 0, done.err
    assert (
        "Cleaned the stored copy: removed the byte-order mark at the start; changed 4 Windows line ends (CR LF) to LF."
        in done.out
    )
    seed = workspace / "seeds" / "bakery.txt"
    assert seed.read_bytes() == text.replace("\r\n", "\n").encode("utf-8")
    document = Catalogue.load(workspace / "seeds" / "catalogue.yaml").get("bakery")
    assert document.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()  # the checksum of the clean copy
    assert document.units[0].text == "BAKERY NEWS" and "bakery:1.1  BAKERY NEWS" in done.out
    for path in (workspace / "exercises").glob("bakery-*.yaml"):
        starter = path.read_text(encoding="utf-8")
        assert "\ufeff" not in starter and "uFEFF" not in starter.upper(), path.name
    assert '"BAKERY NEWS"' in (workspace / "exercises" / "bakery-sourcing.yaml").read_text(encoding="utf-8")
    assert medialit("validate", "--format", "json").json()["errors"] == 0


def test_old_mac_line_ends_become_paragraphs(workspace, medialit, tmp_path):
    source = tmp_path / "bakery.txt"
    source.write_bytes(b"A bakery opened.\rDr. Ada Finch runs it.\rIt sells rye bread.")
    done = medialit("new-case", source, "--slug", "bakery")
    assert done.code == 0, done.err
    assert "changed 2 old Mac line ends (CR) to LF" in done.out
    assert (
        workspace / "seeds" / "bakery.txt"
    ).read_bytes() == b"A bakery opened.\nDr. Ada Finch runs it.\nIt sells rye bread."
    assert "bakery:3.1  It sells rye bread." in done.out
