"""What the schema cannot say about a search task: ids, the queries' results, a right verdict, supporting evidence,
pages that exist and made-up addresses; each problem names the file, the field and the fix."""

from __future__ import annotations

import yaml

from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from tests.kinds.search.fixture import fixture_project


def problems(tmp_path, project, change) -> list:
    """The problems of the fixture's exercise once ``change(data)`` has edited it."""
    root = fixture_project(tmp_path / f"project-{len(list(tmp_path.iterdir()))}", project.seeds)
    path = root / "exercises" / "search-fixture.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    found = load_exercises(root / "exercises", Catalogue.load(root / "seeds" / "catalogue.yaml"))
    return list(found.errors)


def test_the_fixture_is_valid(tmp_path, project):
    assert problems(tmp_path, project, lambda data: None) == []


def test_a_query_naming_an_unknown_result(tmp_path, project):
    (problem,) = problems(tmp_path, project, lambda d: d["queries"][0]["results"].append("atlas-treat"))
    assert problem.field == "queries[0].results[2]"
    assert "there is no result 'atlas-treat'" in problem.message and "atlas-treaty" in problem.fix
    assert problem.file.endswith("search-fixture.yaml") and problem.line


def test_a_result_no_query_finds(tmp_path, project):
    def change(data):
        for query in data["queries"]:
            query["results"].remove("lookalike-about") if "lookalike-about" in query["results"] else None

    (problem,) = problems(tmp_path, project, change)
    assert problem.field == "results[2].id" and "no query finds" in problem.message


def test_a_page_that_does_not_exist(tmp_path, project):
    (problem,) = problems(tmp_path, project, lambda d: d["results"][0].update(page="fixture-atlass"))
    assert problem.field == "results[0].page"
    assert "fixture-atlass" in problem.message and "book/web" in problem.fix


def test_a_real_looking_address(tmp_path, project):
    for address, words in (("openatlas.org/wiki/treaty", "`.example`"), ("https://openatlas.example/x", "https://")):
        (problem,) = problems(tmp_path, project, lambda d, a=address: d["results"][0].update(address=a))
        assert problem.field == "results[0].address" and words in problem.fix


def test_no_right_verdict_and_no_supporting_result(tmp_path, project):
    def change(data):
        data["verdicts"][0]["correct"] = False
        data["results"][0]["supports"] = "either"

    found = problems(tmp_path, project, change)
    assert {p.field for p in found} == {"verdicts", "results"}
    assert any("no verdict is correct" in p.message for p in found)
    assert any("no result supports" in p.message for p in found)


def test_ids_are_unique_among_verdicts_and_results_and_among_queries(tmp_path, project):
    def change(data):
        data["verdicts"][1]["id"] = "atlas-treaty"
        data["queries"][1]["id"] = "treaty-text"

    found = problems(tmp_path, project, change)
    assert {p.field for p in found} == {"verdicts[1].id", "results[0].id", "queries[0].id", "queries[1].id"}


def test_schema_refuses_a_wrong_supports_and_a_missing_why(tmp_path, project):
    def change(data):
        data["results"][0]["supports"] = "maybe"
        del data["results"][1]["why"]

    found = problems(tmp_path, project, change)
    assert {p.field for p in found} == {"results[0].supports", "results[1]"}
    assert any("why" in p.message for p in found)


def test_search_fields_do_not_belong_to_other_kinds(tmp_path, project):
    def change(data):
        data["type"] = "choice"

    found = problems(tmp_path, project, change)
    assert {"queries", "results", "verdicts"} <= {p.field for p in found}
