"""A text's language and direction, its clean stored copy, and the catalogue fields that carry them."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.catalogue import Catalogue, CatalogueEntryError, entry_schema
from medialit.cli import main
from medialit.scripts import Direction, detect
from medialit.textfile import clean
from tests.language_project import write_project
from tests.languages import DIRECTIONS, SENTENCES, TEXTS


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_the_language_and_direction_come_from_the_letters(lang):
    found = detect(TEXTS[lang])
    assert (found.lang, str(found.dir)) == (lang, DIRECTIONS[lang])


def test_latin_names_inside_arabic_do_not_make_it_english():
    assert detect("قالت Lina Marsh من شركة Harbour Bakes إن الخبز جاهز.").dir is Direction.RTL


@pytest.mark.parametrize(
    ("text", "lang"),
    [("A new bakery opened.", "en"), ("", "en"), ("1234 …", "en"), ("新面包店开业了。", "zh"), ("漢字とかな。", "ja")],
)
def test_other_texts(text, lang):
    found = detect(text)
    assert found.lang == lang and found.dir is Direction.LTR


def test_a_byte_order_mark_and_windows_line_ends_are_cleaned():
    cleaned = clean("\ufeffBAKERY NEWS\r\nA new bakery.\r\n\r\nIt opened.\rOld Mac line.\n")
    assert cleaned.text == "BAKERY NEWS\nA new bakery.\n\nIt opened.\nOld Mac line.\n"
    assert (cleaned.removed_bom, cleaned.crlf, cleaned.cr) == (True, 3, 1)
    assert cleaned.changes() == [
        "removed the byte-order mark at the start",
        "changed 3 Windows line ends (CR LF) to LF",
        "changed 1 old Mac line end (CR) to LF",
    ]
    assert clean("plain\n").changes() == []


@given(st.text(alphabet=st.sampled_from(["a", "\r", "\n", "\ufeff", " ", "ب"])))
def test_a_clean_text_has_no_cr_and_only_its_first_bom_is_taken_off(text):
    cleaned = clean(text).text
    assert "\r" not in cleaned
    assert cleaned.count("\n") == text.count("\n") + text.replace("\r\n", "").count("\r")
    assert cleaned.replace("\n", "") == text.removeprefix("\ufeff").replace("\r", "").replace("\n", "")
    if not cleaned.startswith("\ufeff"):
        assert clean(cleaned).text == cleaned


def _catalogue(tmp_path, project, lang: str, extra: str = "") -> Catalogue:
    """A catalogue of one test text with ``extra`` lines added to its entry."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bakery.txt").write_text(TEXTS[lang], encoding="utf-8")
    digest = hashlib.sha256((seeds / "bakery.txt").read_bytes()).hexdigest()
    (seeds / "catalogue.yaml").write_text(
        "schema_version: 1\ndocuments:\n  - slug: bakery\n    label: The bakery\n    title: A new bakery\n"
        f"    file: bakery.txt\n    sha256: {digest}\n    origin: written-for-module\n{extra}",
        encoding="utf-8",
    )
    return Catalogue.load(seeds / "catalogue.yaml")


def test_an_entry_without_lang_and_dir_is_english_left_to_right(tmp_path, project):
    document = _catalogue(tmp_path, project, "ko").get("bakery")
    assert (document.lang, document.dir, document.no_split_after) == ("en", Direction.LTR, ())


def test_the_seeds_need_no_new_fields(catalogue):
    assert all((d.lang, d.dir) == ("en", Direction.LTR) for d in catalogue.documents)


def test_lang_dir_and_no_split_after_are_read_and_used(tmp_path, project):
    extra = '    lang: ar\n    dir: rtl\n    no_split_after: ["طلبًا."]\n'
    document = _catalogue(tmp_path, project, "ar", extra).get("bakery")
    assert (document.lang, document.dir, document.no_split_after) == ("ar", Direction.RTL, ("طلبًا.",))
    joined = SENTENCES["ar"][2] + " " + SENTENCES["ar"][3]
    assert [u.text for u in document.units] == [*SENTENCES["ar"][:2], joined, SENTENCES["ar"][4]]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("    lang: Arabic\n", "has `lang: 'Arabic'`, which cannot be used: write a language tag such as en, ar"),
        ("    dir: right\n", "has `dir: 'right'`, which cannot be used: write ltr (left to right) or rtl"),
        ("    no_split_after: Bros.\n", "has `no_split_after: 'Bros.'`, which cannot be used: write a list"),
        ('    no_split_after: [""]\n', "has `no_split_after: ['']`"),
        (
            '    no_split_after: ["Lina"]\n',
            "has `no_split_after: 'Lina'`, but no sentence of bakery.txt ends right after",
        ),
        ('    no_split_after: ["طلبًا"]\n', "changes nothing: write it exactly as it stands in the text"),
        (
            "    direction: rtl\n",
            "has the field `direction`, which a catalogue entry does not have; check its spelling",
        ),
    ],
)
def test_a_wrong_field_is_refused_naming_file_entry_field_and_fix(tmp_path, project, extra, words):
    with pytest.raises(CatalogueEntryError, match=re.escape(words)) as caught:
        _catalogue(tmp_path, project, "ar", extra)
    assert str(caught.value).startswith(str(tmp_path / "seeds" / "catalogue.yaml") + ": the entry 'bakery' ")


def test_every_field_of_the_entry_schema_is_described():
    assert all(spec.get("description") for spec in entry_schema()["properties"].values())


def test_validate_reports_a_wrong_field_with_its_own_fix(tmp_path, capsys):
    write_project(tmp_path)
    path = tmp_path / "seeds" / "catalogue.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("dir: rtl", "dir: right-to-left", 1), encoding="utf-8")
    assert main(["--root", str(tmp_path), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{path}: error: documents: the entry 'bakery-ar' has `dir: 'right-to-left'`, which cannot be used: " in out
    assert "write ltr (left to right) or rtl (right to left" in out
    assert "SHA-256" not in out  # the fix for a changed text does not apply
