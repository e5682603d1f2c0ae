"""The Python → JavaScript contract: the hand-in format's name and version, its CSV columns and the storage keys
travel from :mod:`medialit.handin` in the book's manifest, and the book's scripts follow whatever it says."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from medialit.assets import asset_text
from medialit.handin import CSV_COLUMNS, FORMAT, FORMAT_VERSION, browser_contract, read_handin
from medialit.scoring import examples
from tests.browser.pages import download_both
from tests.browser.storage import key_of, seed_script

pytestmark = [pytest.mark.build, pytest.mark.browser]

MANIFEST = re.compile(r"window\.MEDIALIT_BOOK = (.*);\n")
EXERCISE = "disclaimer-002"


def read_manifest(book: Path) -> dict:
    text = (book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8")
    found = MANIFEST.match(text)
    assert found, "progress.js does not start with the manifest"
    return json.loads(found.group(1))


def write_manifest(book: Path, manifest: dict) -> None:
    path = book / "_static" / "medialit" / "progress.js"
    text = path.read_text(encoding="utf-8")
    found = MANIFEST.match(text)
    assert found
    path.write_text(f"window.MEDIALIT_BOOK = {json.dumps(manifest)};\n" + text[found.end() :], encoding="utf-8")


def saved_answer(storage_keys: dict, manifest: dict, exercise_set) -> dict[str, str]:
    """localStorage holding one answer of the learner Ana, under the key prefixes ``storage_keys``."""
    entry = next(e for e in manifest["exercises"] if e["id"] == EXERCISE)
    learner = key_of("Ana")
    submission = {"answer": examples(exercise_set.get(EXERCISE)).correct, "count": 1, "confidence": 2}
    record = {"submission": submission, "revealed": False, "answered_at": "2026-11-22T10:30:00Z"}
    return {
        f"{storage_keys['answers']}{learner}:{EXERCISE}:{entry['content_hash']}": json.dumps(record),
        f"{storage_keys['meta']}{learner}": json.dumps({"learner": "Ana"}),
        storage_keys["current"]: json.dumps({"key": learner}),
    }


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_the_manifest_carries_the_contract_of_the_format_module(built_book):
    contract = read_manifest(built_book)["handin"]
    assert contract == browser_contract()
    assert contract["csv_columns"] == list(CSV_COLUMNS)
    assert (contract["format"], contract["format_version"]) == (FORMAT, FORMAT_VERSION)


@pytest.mark.parametrize("name", ["learners.js", "progress.js"])
def test_the_scripts_do_not_type_the_contract_themselves(name):
    contract = browser_contract()
    # The format's name, the storage keys and every column name that is not also a plain word ("learner", "mode").
    literals = [contract["format"], *contract["storage"].values(), *(c for c in contract["csv_columns"] if "_" in c)]
    code = [line for line in asset_text(name).splitlines() if not line.strip().startswith(("//", "*", "/*"))]
    for line in code:
        for literal in literals:
            assert f'"{literal}"' not in line and f"'{literal}'" not in line and f"`{literal}" not in line, line
        assert "medialit:v" not in line, line


def test_the_exported_csv_header_is_the_format_modules(book_server, page, manifest_of_book, exercise_set, tmp_path):
    page.add_init_script(seed_script(saved_answer(browser_contract()["storage"], manifest_of_book, exercise_set)))
    paths = download_both(page, book_server.url, tmp_path)
    rows = csv_rows(paths["csv"])
    assert tuple(rows[0]) == CSV_COLUMNS
    handin = read_handin(paths["csv"])
    assert [a.exercise for a in handin.answers] == [EXERCISE] and handin.learner == "Ana"


def test_the_book_follows_a_changed_contract(built_book, serve, page, exercise_set, tmp_path):
    """A copy of the book whose manifest says other keys, another column order and another format name."""
    book = tmp_path / "book"
    shutil.copytree(built_book, book)
    manifest = read_manifest(book)
    storage = {
        "answers": "other:v9:",
        "meta": "other:v9-meta:",
        "current": "other:v9-current",
        "old_answers": "other:v8:",
        "old_meta": "other:v8-meta",
    }
    columns = list(reversed(manifest["handin"]["csv_columns"]))
    manifest["handin"] = {"format": "another-format", "format_version": 9, "csv_columns": columns, "storage": storage}
    write_manifest(book, manifest)
    server = serve(book)
    try:
        page.add_init_script(seed_script(saved_answer(storage, manifest, exercise_set)))
        paths = download_both(page, server.url, tmp_path / "downloads")
    finally:
        server.close()
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"], data["learner"]) == ("another-format", 9, "Ana")
    assert list(data["answers"]) == [EXERCISE]  # read under the manifest's keys
    header, row = csv_rows(paths["csv"])
    assert header == columns
    cells = dict(zip(header, row, strict=True))
    assert (cells["format"], cells["format_version"], cells["exercise"]) == ("another-format", "9", EXERCISE)
    assert json.loads(cells["answer_json"]) == data["answers"][EXERCISE]["answer"]


@pytest.fixture(scope="module")
def manifest_of_book(built_book) -> dict:
    return read_manifest(built_book)
