"""The documents are kept byte for byte; the two case studies are the originals; every entry says its origin."""

import hashlib
from pathlib import Path

import pytest

from medialit.catalogue import Catalogue, CatalogueEntryError, Origin, SeedIntegrityError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_every_seed_matches_its_checksum(catalogue):
    assert len(catalogue.documents) >= 2
    for document in catalogue.documents:
        assert hashlib.sha256(document.path.read_bytes()).hexdigest() == document.sha256


def test_seeds_equal_the_shared_originals_when_present(catalogue):
    originals = sorted(SHARED.glob("*.txt")) if SHARED.is_dir() else []
    names = {d.path.name for d in catalogue.documents}
    for original in originals:
        assert original.name in names
        ours = next(d.path for d in catalogue.documents if d.path.name == original.name)
        assert ours.read_bytes() == original.read_bytes()


def test_a_changed_seed_is_refused(tmp_path, project):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in project.seeds.iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    victim = next(seeds.glob("000_*.txt"))
    victim.write_bytes(victim.read_bytes().replace(b"Kursk", b"Kursq", 1))
    with pytest.raises(SeedIntegrityError, match="SHA-256"):
        Catalogue.load(seeds / "catalogue.yaml")


def test_catalogue_slugs_and_titles(catalogue):
    assert catalogue.slugs[:2] == ("kursk", "article4")
    assert [d.label for d in catalogue.documents[:2]] == ["Document A", "Document B"]
    labels = [d.label for d in catalogue.documents]
    assert len(set(labels)) == len(labels) and len(set(catalogue.slugs)) == len(catalogue.slugs)


def test_the_case_studies_are_the_two_originals_and_the_rest_were_written_for_the_module(catalogue):
    assert [d.slug for d in catalogue.of_origin(Origin.CASE_STUDY)] == ["kursk", "article4"]
    written = catalogue.of_origin(Origin.WRITTEN_FOR_MODULE)
    assert len(written) == len(catalogue.documents) - 2
    assert all(not d.path.name.startswith(("000_", "002_")) for d in written)


def _catalogue_with(tmp_path, project, old: str, new: str):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in project.seeds.iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    text = (seeds / "catalogue.yaml").read_text(encoding="utf-8")
    assert old in text
    (seeds / "catalogue.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return seeds / "catalogue.yaml"


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("", r"the entry 'kursk' has no `origin`; add `origin: case-study`"),
        ("    origin: case study\n", r"the entry 'kursk' has `origin: 'case study'`, which is not one of 'case-study'"),
        ("    origin: [case-study]\n", r"the entry 'kursk' has `origin: \['case-study'\]`, which is not one of"),
        ("    origin: 1\n", r"the entry 'kursk' has `origin: 1`, which is not one of"),
        ("    origin:\n", r"the entry 'kursk' has no `origin`"),
    ],
)
def test_a_missing_or_unknown_origin_is_refused_naming_the_file_and_the_entry(tmp_path, project, new, expected):
    path = _catalogue_with(tmp_path, project, "    origin: case-study\n", new)
    with pytest.raises(CatalogueEntryError, match=expected) as caught:
        Catalogue.load(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_an_origin_error_is_a_seed_error_so_the_command_line_reports_it(tmp_path, project):
    path = _catalogue_with(tmp_path, project, "    origin: case-study\n", "    origin: invented\n")
    with pytest.raises(SeedIntegrityError):
        Catalogue.load(path)


def test_an_entry_that_is_not_a_mapping_is_refused(tmp_path, project):
    path = _catalogue_with(tmp_path, project, "documents:\n", "documents:\n  - just a string\n")
    with pytest.raises(CatalogueEntryError, match="must be a mapping"):
        Catalogue.load(path)
