"""The exam allow-list: its schema, the book's own list, and the check of a built folder (no book build here)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError
from sphinx_external_toc.parsing import parse_toc_yaml

from medialit.modes import Mode
from medialit.sphinxext import exam
from medialit.sphinxext.allowlist import AllowList, AllowListError, disallowed_files, glob_regex, load_allowlist, schema
from medialit.state import exercise_state, ships_key
from tests.conftest import ROOT

BOOK_LIST = ROOT / "book" / "_exam.yml"


def _properties(node: dict, where: str = "") -> list[str]:
    """Paths of schema properties (and array items) without a description."""
    missing = []
    for name, sub in node.get("properties", {}).items():
        if "description" not in sub:
            missing.append(f"{where}.{name}")
        missing += _properties(sub, f"{where}.{name}")
    if isinstance(node.get("items"), dict):
        if "description" not in node["items"]:
            missing.append(f"{where}[]")
        missing += _properties(node["items"], f"{where}[]")
    return missing


def test_every_property_of_the_schema_is_described_and_unknown_keys_are_rejected():
    assert _properties(schema()) == []
    assert schema()["additionalProperties"] is False


def test_the_books_allow_list_is_valid_and_leaves_out_every_page_that_shows_the_key():
    allow = load_allowlist(BOOK_LIST)
    assert {"intro", "documents/document-a", "documents/document-b", "final-challenge", "my-results"} <= set(
        allow.pages
    )
    assert "lab" not in allow.pages and not any(page.startswith("teachers/") for page in allow.pages)
    for page in allow.pages:
        assert (ROOT / "book" / f"{page}.md").is_file(), page


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("schema_version: 1\npages: [intro]\nfiles: []\nextra: 1\n", "extra"),
        ("schema_version: 2\npages: [intro]\nfiles: []\n", "schema_version"),
        ("schema_version: 1\npages: []\nfiles: []\n", "pages"),
        ("schema_version: 1\npages: [Intro.md]\nfiles: []\n", "pages[0]"),
        ("schema_version: 1\npages: [intro]\nfiles: [/etc/passwd]\n", "files[0]"),
    ],
)
def test_a_broken_allow_list_is_refused_naming_the_file_line_and_field(tmp_path, text, field):
    path = tmp_path / "_exam.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AllowListError) as caught:
        load_allowlist(path)
    message = str(caught.value)
    assert str(path) in message and field.split("[")[0] in message and f"{path}:" in message


def test_a_missing_or_unparsable_allow_list_is_refused(tmp_path):
    with pytest.raises(AllowListError, match="cannot be read"):
        load_allowlist(tmp_path / "none.yml")
    (tmp_path / "bad.yml").write_text("pages: [intro\n", encoding="utf-8")
    with pytest.raises(AllowListError, match="not valid YAML"):
        load_allowlist(tmp_path / "bad.yml")


def test_glob_patterns_stay_inside_a_folder_unless_double_starred():
    assert glob_regex("_static/*.js").fullmatch("_static/a.js")
    assert not glob_regex("_static/*.js").fullmatch("_static/medialit/a.js")
    assert glob_regex("_static/**/*.mo").fullmatch("_static/locales/de/LC_MESSAGES/x.mo")
    assert glob_regex("_static/**/*.mo").fullmatch("_static/x.mo")
    assert not glob_regex("a?c").fullmatch("a/c")
    assert not glob_regex("index.html").fullmatch("indexxhtml")


ALLOW = AllowList(
    pages=("intro", "documents/document-a"), files=("_static/medialit/*.js", "searchindex.js"), source="_exam.yml"
)


def _folder(tmp_path, names):
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def test_the_checker_passes_allowed_files_and_names_every_other(tmp_path):
    folder = _folder(
        tmp_path, ["intro.html", "documents/document-a.html", "_static/medialit/progress.js", "searchindex.js"]
    )
    assert disallowed_files(folder, ALLOW) == []
    _folder(
        tmp_path,
        [
            "lab.html",
            "_images/items.svg",
            "_sources/lab.md.txt",
            "_static/medialit/sub/x.js",
            "documents/document-a.ipynb",
        ],
    )
    (tmp_path / "link.html").symlink_to(tmp_path / "intro.html")
    assert disallowed_files(folder, ALLOW) == [
        "_images/items.svg",
        "_sources/lab.md.txt",
        "_static/medialit/sub/x.js",
        "documents/document-a.ipynb",
        "lab.html",
        "link.html",
    ]


def _app(folder, found_docs):
    return SimpleNamespace(
        _medialit_exam=exam.ExamBuild(allow=ALLOW, left_out=frozenset({"lab"})),
        builder=SimpleNamespace(format="html"),
        outdir=str(folder),
        env=SimpleNamespace(found_docs=set(found_docs)),
    )


def test_a_disallowed_file_or_page_fails_the_build_naming_it(tmp_path):
    folder = _folder(tmp_path, ["intro.html", "searchindex.js"])
    exam._on_build_finished(_app(folder, {"intro"}), None)
    _folder(tmp_path, ["_images/items.svg"])
    with pytest.raises(ExtensionError, match=r"'_images/items\.svg' is not allowed"):
        exam._on_build_finished(_app(folder, {"intro"}), None)
    (tmp_path / "_images" / "items.svg").unlink()
    with pytest.raises(ExtensionError, match="page 'lab' is not in the allow-list"):
        exam._on_build_finished(_app(folder, {"intro", "lab"}), None)


def test_the_table_of_contents_keeps_only_the_allowed_pages_in_order():
    site_map = parse_toc_yaml(ROOT / "book" / "_toc.yml")
    pages = set(load_allowlist(BOOK_LIST).pages)
    exam._restrict_toc(site_map, pages, [".md"], "_exam.yml")
    assert set(site_map) == pages
    listed = [str(item) for tree in site_map.root.subtrees for item in tree.items]
    assert listed == [
        page
        for page in [
            "documents/document-a",
            "documents/document-b",
            "final-challenge",
            "my-results",
            "check-a",
            "check-b",
            "glossary",
        ]
    ]
    with pytest.raises(ExtensionError, match="first page"):
        exam._restrict_toc(parse_toc_yaml(ROOT / "book" / "_toc.yml"), {"glossary"}, [".md"], "_exam.yml")
    with pytest.raises(ExtensionError, match="not in the book's table of contents"):
        exam._restrict_toc(parse_toc_yaml(ROOT / "book" / "_toc.yml"), {"intro", "nowhere"}, [".md"], "x")


def test_exam_states_carry_no_hints_and_offer_none_on_every_highlight(exercise_set, catalogue):
    highlights = 0
    for exercise in exercise_set.exercises:
        assert ships_key(exercise, Mode.LEARN) is not exercise.assessment and not ships_key(exercise, Mode.EXAM)
        learn = exercise_state(exercise, catalogue)
        state = exercise_state(exercise, catalogue, with_key=False)
        assert state["hints"] == [] and learn["hints"] == list(exercise.hints)
        if str(exercise.type) == "highlight":
            highlights += 1
            assert state["allow_none"] is True
        else:
            assert state["allow_none"] == learn["allow_none"]
    assert highlights and any(exercise.hints for exercise in exercise_set.exercises)
    assert any(not e.allow_none for e in exercise_set.exercises if str(e.type) == "highlight")
