"""``medialit new-case``: a teacher adds a case study without writing Python."""

from __future__ import annotations

import hashlib

import yaml

from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.problems import Severity
from tests.authoring.conftest import DATA


def test_the_text_is_copied_byte_for_byte_and_registered(workspace, harbour):
    seed = workspace / "seeds" / "harbour.txt"
    assert seed.read_bytes() == (DATA / "harbour.txt").read_bytes()
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    document = catalogue.get("harbour")
    assert document.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert (document.label, document.title) == ("Document C", "The harbour ferry")
    assert catalogue.slugs[-1] == "harbour"


def test_the_catalogue_keeps_its_comments_and_earlier_entries(workspace, project, harbour):
    before = project.catalogue_path.read_text(encoding="utf-8")
    after = (workspace / "seeds" / "catalogue.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after.count("\n# ") + after.startswith("# ") == before.count("\n# ") + before.startswith("# ")


def test_the_sentence_split_is_printed_with_unit_ids(medialit):
    done = medialit("new-case", DATA / "harbour.txt", "--slug", "harbour")
    assert done.code == 0
    assert "harbour:1.1  THE HARBOUR POST — local news" in done.out
    assert (
        "harbour:3.1  Captain Rhona Vale, who has run the ferry for twelve years, said: “Nobody has told us "
        "anything.”" in done.out
    )
    assert "0 errors" in done.out


def test_the_starter_exercises_validate_at_once_with_todo_warnings(workspace, medialit, harbour):
    done = medialit("validate", "--format", "json")
    assert done.code == 0
    report = done.json()
    assert {"harbour-sourcing", "harbour-contradictions", "harbour-disclaimer"} <= set(report["exercises"])
    mine = [p for p in report["problems"] if "harbour-" in p["file"]]
    assert mine and all(p["severity"] == "warning" for p in mine)
    # Every warning is a TODO, except that the disclaimer starter has no distractor until the author adds one.
    assert [p for p in mine if "TODO" not in p["message"]] == [
        p for p in mine if p["file"].endswith("harbour-disclaimer.yaml") and p["field"] == "distractors"
    ]
    assert report["errors"] == 0


def test_every_field_of_the_starter_files_is_explained_in_a_comment(workspace, harbour):
    for skill in ("sourcing", "contradictions", "disclaimer"):
        text = (workspace / "exercises" / f"harbour-{skill}.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        lines = text.splitlines()
        for key in data:
            line = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
            assert lines[line - 1].startswith("#"), (skill, key)
        assert "TODO" in text


def test_the_placeholders_quote_real_sentences(workspace, harbour):
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    found = load_exercises(workspace / "exercises", catalogue)
    sourcing = found.get("harbour-sourcing")
    assert sourcing.targets[0].anchors[0].units == ("harbour:1.1",)
    assert sourcing.distractors[0].anchors[0].units == ("harbour:5.1",)
    pairs = found.get("harbour-contradictions")
    assert [a.units for a in pairs.targets[0].anchors] == [("harbour:1.1",), ("harbour:5.1",)]
    disclaimer = found.get("harbour-disclaimer")
    assert disclaimer.allow_none and not disclaimer.targets


def test_the_chapter_page_shows_the_document_and_embeds_the_exercises(workspace, harbour):
    page = (workspace / "book" / "cases" / "harbour.md").read_text(encoding="utf-8")
    assert page.startswith("# The harbour ferry\n")
    for directive in (
        "{medialit-document} harbour",
        "{medialit-exercise} harbour-sourcing",
        "{medialit-exercise} harbour-contradictions",
        "{medialit-exercise} harbour-disclaimer",
    ):
        assert f"```{directive}\n```" in page


def test_the_page_is_added_to_the_table_of_contents_once(workspace, medialit, harbour):
    toc_path = workspace / "book" / "_toc.yml"
    done = medialit("new-case", DATA / "arabic.txt", "--slug", "arabic")
    assert done.code == 0
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    (part,) = [p for p in toc["parts"] if p["caption"] == "Your case studies"]
    assert part["chapters"] == [{"file": "cases/harbour"}, {"file": "cases/arabic"}]
    from medialit.authoring.toc import add_chapter

    assert add_chapter(toc_path, "cases/harbour") is False
    assert yaml.safe_load(toc_path.read_text(encoding="utf-8")) == toc


def test_an_existing_slug_is_refused(workspace, medialit, harbour):
    catalogue = (workspace / "seeds" / "catalogue.yaml").read_bytes()
    done = medialit("new-case", DATA / "harbour.txt", "--slug", "harbour")
    assert done.code == 2
    assert "already a case study with the slug 'harbour'" in done.err and "choose another slug" in done.err
    assert (workspace / "seeds" / "catalogue.yaml").read_bytes() == catalogue
    assert medialit("new-case", DATA / "harbour.txt", "--slug", "kursk").code == 2


def test_a_malformed_slug_a_missing_file_and_a_short_text_are_refused(workspace, medialit, tmp_path):
    assert "lower-case letters" in medialit("new-case", DATA / "harbour.txt", "--slug", "Harbour Post").err
    assert "there is no file" in medialit("new-case", tmp_path / "nothing.txt", "--slug", "nothing").err
    short = tmp_path / "short.txt"
    short.write_text("Only one sentence here.\n", encoding="utf-8")
    done = medialit("new-case", short, "--slug", "short")
    assert done.code == 2 and "at least 3" in done.err
    assert not (workspace / "seeds" / "short.txt").exists()
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 news. More news. Even more news.\n".encode("latin-1"))
    assert "not UTF-8" in medialit("new-case", latin1, "--slug", "latin").err


def test_a_new_case_study_has_warnings_but_no_errors(harbour, workspace):
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    found = load_exercises(workspace / "exercises", catalogue)
    assert not found.errors
    assert all(p.severity is Severity.WARNING for p in found.problems)
