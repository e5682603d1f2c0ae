"""The authoring server: its token, its origin and path checks, its checks of a draft and its saves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from medialit.author.workspace import AuthorError, inside
from medialit.author.yamlout import edited_text
from tests.conftest import ROOT

STRAIGHT = 'Captain Rhona Vale, who has run the ferry for twelve years, said: "Nobody has told us anything."'


def test_every_post_needs_the_token(author):
    assert author.post("/api/open").status == 200
    assert author.post("/api/open", X_Medialit_Token=None).status == 403
    wrong = author.post("/api/open", X_Medialit_Token=author.server.token[:-1] + "x")
    assert wrong.status == 403 and "token" in wrong.body["error"]
    assert author.request("GET", "/").status == 403
    assert author.request("GET", "/?token=nope").status == 403
    page = author.request("GET", f"/?token={author.server.token}")
    assert page.status == 200 and "Key Document C: The harbour ferry" in page.body
    assert "<script>" not in page.body  # the page's policy allows no inline script


def test_other_sites_are_refused(author):
    own = f"http://127.0.0.1:{author.port}"
    assert author.post("/api/open", Origin=own).status == 200
    assert author.post("/api/open", Origin=f"http://localhost:{author.port}").status == 200
    for origin in ("http://evil.example", f"http://127.0.0.1:{author.port + 1}", "null"):
        refused = author.post("/api/open", Origin=origin)
        assert refused.status == 403 and "other sites" in refused.body["error"]
    # A name that resolves to 127.0.0.1 (DNS rebinding) is refused by its Host header, token or not.
    rebound = author.post("/api/open", Host=f"evil.example:{author.port}")
    assert rebound.status == 403
    assert author.request("GET", f"/?token={author.server.token}", headers={"Host": "evil.example"}).status == 403


def test_paths_outside_exercises_are_refused(author, workspace):
    catalogue = workspace / "seeds" / "catalogue.yaml"
    before = catalogue.read_bytes()
    for name in ("../seeds/catalogue.yaml", "/etc/passwd", "..", "sub/x.yaml", "harbour-sourcing.yaml/.."):
        assert author.post("/api/exercise", {"file": name}).status == 409
        data = yaml.safe_load((workspace / "exercises" / "harbour-sourcing.yaml").read_text(encoding="utf-8"))
        refused = author.post("/api/save", {"file": name, "data": data})
        assert refused.status == 409 and "not an exercise file name" in refused.body["error"]
    for exercise_id in ("../../seeds/catalogue", "../book/x", "x/../../y"):
        data = {"schema_version": 1, "id": exercise_id, "type": "highlight", "title": "A title"}
        assert author.post("/api/save", {"file": None, "data": data}).status == 409
    assert catalogue.read_bytes() == before
    assert sorted(p.name for p in workspace.rglob("*") if p.name.startswith(("x", "y"))) == []
    # A link inside exercises/ that leads out of it is refused too.
    (workspace / "exercises" / "leak.yaml").symlink_to(catalogue)
    with pytest.raises(AuthorError):
        inside(workspace / "exercises", "leak.yaml")
    assert author.post("/api/exercise", {"file": "leak.yaml"}).status == 409


def validate_json(medialit, capsys):
    """``medialit validate --format json`` (what the server printed on its saves is read first, and dropped)."""
    capsys.readouterr()
    return medialit("validate", "--format", "json")


def _draft(workspace: Path) -> dict:
    """The sourcing starter with three mistakes: a retyped quote, a short title, a distractor without feedback."""
    data = yaml.safe_load((workspace / "exercises" / "harbour-sourcing.yaml").read_text(encoding="utf-8"))
    data["title"] = "x"
    data["targets"][0]["quote"] = STRAIGHT
    data["distractors"][0]["explanation"] = "Short"
    return data


def test_validate_gives_what_medialit_validate_gives(author, workspace, medialit, capsys):
    data = _draft(workspace)
    checked = author.post("/api/validate", {"file": "harbour-sourcing.yaml", "data": data})
    assert checked.status == 200 and checked.body["state"] is None
    problems = checked.body["problems"]
    fields = {p["field"] for p in problems if p["severity"] == "error"}
    assert fields == {"title", "distractors[0].explanation"}  # the schema stops at these; quotes come next
    saved = author.post("/api/save", {"file": "harbour-sourcing.yaml", "data": data})
    assert saved.status == 200 and saved.body["problems"] == problems
    run = validate_json(medialit, capsys)
    path = str((workspace / "exercises" / "harbour-sourcing.yaml").resolve())
    assert [p for p in run.json()["problems"] if p["file"] == path] == problems

    data["title"], data["distractors"][0]["explanation"] = "Who says so?", "The captain is named: a reader can ask her."
    checked = author.post("/api/validate", {"file": "harbour-sourcing.yaml", "data": data})
    errors = [p for p in checked.body["problems"] if p["severity"] == "error"]
    assert [p["field"] for p in errors] == ["targets[0].quote"] and "curly quotes" in errors[0]["fix"]
    author.post("/api/save", {"file": "harbour-sourcing.yaml", "data": data})
    run = validate_json(medialit, capsys)
    assert [p for p in run.json()["problems"] if p["file"] == path] == checked.body["problems"]
    assert run.code == 1


def test_a_valid_draft_comes_with_the_learners_state(author, workspace):
    data = yaml.safe_load((workspace / "exercises" / "harbour-sourcing.yaml").read_text(encoding="utf-8"))
    checked = author.post("/api/validate", {"file": "harbour-sourcing.yaml", "data": data}).body
    assert all(p["severity"] == "warning" for p in checked["problems"])
    state = checked["state"]
    assert state["id"] == "harbour-sourcing" and state["key"]["targets"][0]["anchors"][0]["units"] == ["harbour:1.1"]


def test_a_duplicated_id_is_reported_as_validate_reports_it(author, workspace, medialit, capsys):
    data = yaml.safe_load((workspace / "exercises" / "harbour-sourcing.yaml").read_text(encoding="utf-8"))
    data["id"] = "harbour-disclaimer"
    problems = author.post("/api/validate", {"file": "harbour-sourcing.yaml", "data": data}).body["problems"]
    author.post("/api/save", {"file": "harbour-sourcing.yaml", "data": data})
    path = str((workspace / "exercises" / "harbour-sourcing.yaml").resolve())
    expected = [p for p in validate_json(medialit, capsys).json()["problems"] if p["file"] == path]
    assert problems == expected and any("harbour-disclaimer" in p["message"] for p in problems)


def test_saving_keeps_comments_and_every_other_field_byte_for_byte(author, workspace):
    path = workspace / "exercises" / "harbour-sourcing.yaml"
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["targets"] = [
        {
            "id": "port-source",
            "quote": "according to a source close to the port authority",
            "explanation": "Nobody is named: “a source close to the port authority” could be anyone, so a reader "
            "cannot ask them.",
        }
    ]
    assert author.post("/api/save", {"file": "harbour-sourcing.yaml", "data": data}).status == 200
    saved = path.read_text(encoding="utf-8")
    head, rest = original.split("\ntargets:\n", 1)
    tail = rest[rest.index("# distractors:") :]
    assert saved.startswith(head + "\ntargets:\n") and saved.endswith(tail)
    assert "# The version of this file format. Leave it at 1.\nschema_version: 1\n" in saved
    assert saved[len(head) :].replace(tail, "") == (
        "\ntargets:\n"
        "  - id: port-source\n"
        "    quote: according to a source close to the port authority\n"
        "    explanation: >-\n"
        "      Nobody is named: “a source close to the port authority” could be anyone, so a reader cannot ask them.\n"
    )
    assert yaml.safe_load(saved) == data


@pytest.mark.parametrize("path", sorted((ROOT / "exercises").glob("*.yaml")), ids=lambda p: p.name)
def test_an_unchanged_exercise_is_written_back_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert edited_text(text, yaml.safe_load(text)) == text


def test_a_new_exercise_goes_into_its_own_file_and_onto_the_page(author, workspace, medialit, capsys):
    data = {
        "schema_version": 1,
        "id": "harbour-named",
        "type": "highlight",
        "skill": "sourcing",
        "title": "Who is named?",
        "documents": ["harbour"],
        "prompt": "Select the sentence that names its source. Then press Check.",
        "hints": [],
        "targets": [{"id": "captain", "quote": "Captain Rhona Vale", "explanation": "She is named, with her job."}],
    }
    draft = author.post("/api/validate", {"file": None, "data": data}).body["problems"]
    assert all(p["severity"] == "warning" for p in draft)
    assert not [p for p in draft if "no page" in p["message"]]  # saving puts it on the page
    saved = author.post("/api/save", {"file": None, "data": data})
    assert saved.status == 200, saved.body
    path = str((workspace / "exercises" / "harbour-named.yaml").resolve())
    assert [p for p in validate_json(medialit, capsys).json()["problems"] if p["file"] == path] == draft
    assert saved.body["written"] == ["exercises/harbour-named.yaml", "book/cases/harbour.md"]
    assert yaml.safe_load((workspace / "exercises" / "harbour-named.yaml").read_text(encoding="utf-8")) == data
    page = (workspace / "book" / "cases" / "harbour.md").read_text(encoding="utf-8")
    assert page.endswith("## Who is named?\n\n```{medialit-exercise} harbour-named\n```\n")
    again = author.post("/api/save", {"file": None, "data": data})
    assert again.status == 409 and "already exists" in again.body["error"]
    assert author.post("/api/save", {"file": "harbour-named.yaml", "data": data}).status == 200
    assert (workspace / "book" / "cases" / "harbour.md").read_text(encoding="utf-8") == page
    assert "harbour-named.yaml" in {e["file"] for e in author.post("/api/open").body["exercises"]}


def test_a_wrong_slug_or_project_is_one_plain_line(medialit, workspace, harbour, tmp_path, capsys):
    done = medialit("author", "nothing", "--no-browser")
    assert done.code == 2 and "no case study 'nothing'" in done.err and len(done.err.strip().splitlines()) == 1
    assert "Traceback" not in done.err
    empty = tmp_path / "empty"
    empty.mkdir()
    from medialit.cli import main

    assert main(["--root", str(empty), "author", "harbour", "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit author: no medialit project") and len(err.strip().splitlines()) == 1
    done = medialit("author", "harbour", "--exercise", "nope", "--no-browser")
    assert done.code == 2 and "no exercise 'nope'" in done.err and len(done.err.strip().splitlines()) == 1


def test_a_busy_port_is_replaced_by_a_free_one(workspace, harbour):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        command = [sys.executable, "-m", "medialit", "--root", str(workspace), "author", harbour, "--no-browser"]
        child = subprocess.Popen(
            [*command, "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            first = child.stdout.readline()
            second = child.stdout.readline()
        finally:
            child.terminate()
            child.wait(timeout=30)
            child.stdout.close()
            child.stderr.close()
    assert first.startswith(f"Port {port} is busy; using ")
    assert "http://127.0.0.1:" in second and f":{port}/" not in second and "token=" in second


def test_the_help_lists_author(capsys):
    from medialit.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    assert "author" in capsys.readouterr().out


def test_the_text_is_split_as_learners_see_it(author, workspace):
    text = author.post("/api/open").body["text"]
    data = yaml.safe_load((workspace / "exercises" / "harbour-sourcing.yaml").read_text(encoding="utf-8"))
    state = author.post("/api/validate", {"file": "harbour-sourcing.yaml", "data": data}).body["state"]
    (document,) = state["documents"]
    assert [
        {"number": p["number"], "units": [{"id": u["id"], "text": u["text"]} for u in p["units"]]}
        for p in text["paragraphs"]
    ] == document["paragraphs"]
    assert (text["label"], text["title"]) == (document["label"], document["title"])
    for unit in (u for p in text["paragraphs"] for u in p["units"]):
        assert text["text"][unit["start"] : unit["end"]] == unit["text"]


def test_a_bad_request_is_refused_and_the_server_goes_on(author, monkeypatch):
    assert author.post("/api/validate", {"file": None, "data": "not an exercise"}).status == 400
    assert author.post("/api/nothing").status == 404
    assert author.request("POST", "/api/open", headers={"Content-Type": "text/plain"}).status == 415

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(author.server.workspace, "listing", broken)
    failed = author.post("/api/open")
    assert failed.status == 500 and "bug in medialit" in failed.body["error"]
    assert author.post("/api/exercise", {"file": "harbour-sourcing.yaml"}).status == 200


def test_an_exercise_on_no_page_is_reported_as_validate_reports_it(author, workspace, medialit, capsys):
    page = workspace / "book" / "cases" / "harbour.md"
    page.write_text(page.read_text(encoding="utf-8").replace("harbour-disclaimer", "harbour-disclaimr"), "utf-8")
    data = yaml.safe_load((workspace / "exercises" / "harbour-disclaimer.yaml").read_text(encoding="utf-8"))
    problems = author.post("/api/validate", {"file": "harbour-disclaimer.yaml", "data": data}).body["problems"]
    path = str((workspace / "exercises" / "harbour-disclaimer.yaml").resolve())
    expected = [p for p in validate_json(medialit, capsys).json()["problems"] if p["file"] == path]
    assert problems == expected and any("no page of the book shows" in p["message"] for p in problems)


def test_a_right_to_left_text_comes_with_its_language_and_direction(workspace, medialit):
    from medialit.author.workspace import Workspace
    from medialit.project import Project
    from tests.authoring.conftest import DATA

    assert medialit("new-case", DATA / "arabic.txt", "--slug", "arabic-news").code == 0
    text = Workspace(Project.at(workspace), "arabic-news").text()
    assert (text["lang"], text["dir"]) == ("ar", "rtl")
