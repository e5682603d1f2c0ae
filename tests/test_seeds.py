"""The case-study documents are the originals, byte for byte."""

import hashlib
from pathlib import Path

import pytest

from medialit.catalogue import Catalogue, SeedIntegrityError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_every_seed_matches_its_checksum(catalogue):
    assert len(catalogue.documents) == 2
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
    assert catalogue.slugs == ("kursk", "article4")
    assert [d.label for d in catalogue.documents] == ["Document A", "Document B"]
