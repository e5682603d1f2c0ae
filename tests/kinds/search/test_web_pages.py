"""The simulated web pages: validated with errors naming file, line, field and fix; written by the Sphinx step for
the search tasks on built pages only (and the pages they link to), labelled as simulations, escaped, and linking
only inside the book."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from medialit.kinds.search.pages import WebPageError, address_problem, load_pages
from medialit.sphinxext.allowlist import AllowList
from medialit.sphinxext.web import BANNER
from tests.kinds.search.fixture import FIXTURES


def _pages_with(tmp_path: Path, name: str, change) -> Path:
    folder = tmp_path / "web"
    shutil.copytree(FIXTURES / "book" / "web", folder)
    path = folder / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def _problems(folder: Path) -> list:
    with pytest.raises(WebPageError) as caught:
        load_pages(folder)
    return caught.value.problems


def test_the_fixture_pages_are_read():
    pages = load_pages(FIXTURES / "book" / "web")
    assert sorted(pages) == ["fixture-atlas", "fixture-blog", "fixture-lookalike", "fixture-unused"]
    atlas = pages["fixture-atlas"]
    assert atlas.sources and not atlas.fictional
    assert [b.kind for b in atlas.body] == ["heading", "text", "list"]
    assert atlas.body[2].items == ("Signed: 19 June 2024", "Full text published: 20 June 2024")


def test_schema_errors_name_file_line_and_field(tmp_path):
    folder = _pages_with(tmp_path, "fixture-blog", lambda d: d["body"].append({"html": "<b>x</b>"}))
    (problem,) = _problems(folder)
    assert problem.file.endswith("fixture-blog.yaml") and problem.field == "body[2]" and problem.line
    assert "`heading`" in problem.fix


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d.update(id="other-id"), "id", "rename the file"),
        (lambda d: d.update(address="truthwire.com/secret"), "address", ".example"),
        (lambda d: d.update(fictional=False), "fictional", "sources"),
        (lambda d: d.update(genre="blog"), "genre", ""),
        (lambda d: d["links"][0].update(page="fixture-nowhere"), "links[0].page", "fixture-atlas"),
    ],
)
def test_each_problem_names_its_field_and_fix(tmp_path, change, field, words):
    (problem,) = _problems(_pages_with(tmp_path, "fixture-blog", change))
    assert problem.field == field and problem.file.endswith("fixture-blog.yaml")
    assert words in problem.fix


def test_addresses_must_be_made_up():
    assert address_problem("ausan-institute.example/about") is None
    assert address_problem("policy-register.example/search?q=Ausan+Institute") is None
    assert address_problem("asan.or.kr/about") is not None
    assert address_problem("Ausan.Example/about") is not None
    assert address_problem("https://ausan.example/") is not None


def test_every_exam_may_hold_the_simulated_pages_and_nothing_else_under_web():
    empty = AllowList(pages=(), files=())
    assert empty.permits("web/fixture-atlas.html") and empty.permits("web/web-page.css")
    assert not empty.permits("web/fixture-atlas.js") and not empty.permits("web/sub/page.html")
    assert not empty.permits("other/fixture-atlas.html")


# -- the Sphinx step, in a tiny book ----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [value or "" for name, value in attrs if name in ("href", "src")]


def test_the_pages_the_task_opens_and_those_they_link_to_are_written_and_no_other(tiny_book):
    written = sorted(p.name for p in (tiny_book / "web").iterdir())
    assert written == [
        "fixture-atlas.html",
        "fixture-blog.html",
        "fixture-lookalike.html",  # opened by the task, and linked from the blog post
        "web-page.css",
    ]


def test_every_link_and_source_in_a_simulated_page_stays_in_the_book(tiny_book):
    for page in (tiny_book / "web").glob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.targets, page.name
        for target in parser.targets:
            assert not re.match(r"^[a-z]+:|^//", target), (page.name, target)
            assert (page.parent / target.split("#")[0]).resolve().is_file(), (page.name, target)


def test_a_page_is_labelled_escaped_and_shows_its_parts(tiny_book):
    html = (tiny_book / "web" / "fixture-blog.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "<strong>Simulation:</strong> " + BANNER.split(": ", 1)[1] in html
    assert "&lt;b&gt;Share this&lt;/b&gt;" in html and "<b>Share this" not in html, "page text is escaped"
    assert "truthwire-daily.example/secret-pact" in html and "TruthWire Daily" in html
    assert "Sources this page names" not in html
    atlas = (tiny_book / "web" / "fixture-atlas.html").read_text(encoding="utf-8")
    assert "Sources this page names" in atlas and "NHK World" in atlas
    assert "<script" not in html and "<script" not in atlas


def test_the_exercise_links_its_results_to_the_written_pages(tiny_book):
    html = (tiny_book / "index.html").read_text(encoding="utf-8")
    assert 'data-content_root="./"' in html, "the view finds web/ from the page's root"
    assert "fixture-unused" not in html


def test_medialit_validate_lists_a_broken_simulated_page(tmp_path, project, monkeypatch, capsys):
    from medialit.cli import main
    from medialit.project import ROOT_ENV
    from tests.kinds.search.fixture import fixture_project

    root = fixture_project(tmp_path / "project", project.seeds)
    monkeypatch.setenv(ROOT_ENV, str(root))
    main(["validate"])  # the fixture's exercise is on no page of a book: that is the only problem
    assert "book/web" not in capsys.readouterr().out
    page = root / "book" / "web" / "fixture-lookalike.yaml"
    page.write_text(page.read_text(encoding="utf-8").replace("ausan-institute.example", "ausan-institute.org"), "utf-8")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "fixture-lookalike.yaml:3: error: address:" in out and "`.example`" in out


def test_a_yaml_mistake_in_a_page_is_explained_in_the_authors_words(tmp_path):
    folder = tmp_path / "web"
    shutil.copytree(FIXTURES / "book" / "web", folder)
    path = folder / "fixture-blog.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[title] = "title: Read this first: the pact nobody saw"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = _problems(folder)
    assert problem.file.endswith("fixture-blog.yaml") and problem.line == title + 1
    assert "quotes" in problem.fix and '"Read this first: the pact nobody saw"' in problem.fix
    assert "mapping values" not in problem.message + problem.fix
