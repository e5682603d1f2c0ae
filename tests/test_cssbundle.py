"""Joining a page's stylesheets into one file: order, imports, addresses, and the runs that must stay as they are."""

from __future__ import annotations

import re
from pathlib import Path

from medialit.sphinxext.cssbundle import BUNDLE_FOLDER, bundle_stylesheets, sources_of


def site(tmp_path: Path, head: str, page: str = "page.html") -> Path:
    """A tiny built site: two theme stylesheets (one importing a third, one naming a font) and a page."""
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text("p{margin:0}", encoding="utf-8")
    (static / "styles" / "theme.css").write_text('@import "../basic.css";\nh1{color:red}', encoding="utf-8")
    (static / "styles" / "icons.css").write_text(
        '@charset "UTF-8";@font-face{src:url(../fonts/x.woff?v=1) format("woff")}i{background:url(data:,x)}',
        encoding="utf-8",
    )
    (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / page).write_text(f"<html><head>{head}</head><body><p>x</p></body></html>", encoding="utf-8")
    return tmp_path


THEME = '<link href="{p}_static/styles/theme.css?digest=1" rel="stylesheet" />'
ICONS = '<link rel="stylesheet" type="text/css" href="{p}_static/styles/icons.css?v=2" />'


def links(html: str) -> list[str]:
    return re.findall(r"<link[^>]*>", html)


def test_a_run_of_links_becomes_one_file_in_order_with_imports_inlined_and_addresses_moved(tmp_path):
    root = site(tmp_path, THEME.format(p="") + "\n  " + ICONS.format(p=""))
    written = bundle_stylesheets(root)
    assert len(written) == 1
    html = (root / "page.html").read_text(encoding="utf-8")
    assert links(html) == [f'<link rel="stylesheet" href="_static/medialit/{written[0]}" />']
    css = (root / BUNDLE_FOLDER / written[0]).read_text(encoding="utf-8")
    assert css.index("p{margin:0}") < css.index("h1{color:red}") < css.index("@font-face")
    assert "@import" not in css and css.count("@charset") == 1 and css.startswith('@charset "UTF-8";')
    assert 'url("../fonts/x.woff?v=1")' in css and "url(data:,x)" in css
    assert sources_of(css) == ["../styles/theme.css", "../styles/icons.css"]


def test_pages_in_folders_link_the_same_file_by_their_own_path(tmp_path):
    root = site(tmp_path, THEME.format(p="../") + ICONS.format(p="../"), page="teachers/page.html")
    (root / "index.html").write_text(
        "<html><head>" + THEME.format(p="") + ICONS.format(p="") + "</head></html>", encoding="utf-8"
    )
    written = bundle_stylesheets(root)
    assert len(written) == 1
    assert links((root / "teachers" / "page.html").read_text(encoding="utf-8")) == [
        f'<link rel="stylesheet" href="../_static/medialit/{written[0]}" />'
    ]
    assert links((root / "index.html").read_text(encoding="utf-8")) == [
        f'<link rel="stylesheet" href="_static/medialit/{written[0]}" />'
    ]


def test_each_file_passes_through_the_filter(tmp_path):
    root = site(tmp_path, THEME.format(p="") + ICONS.format(p=""))
    written = bundle_stylesheets(root, lambda path, css: css.replace("red", "blue"))
    css = (root / BUNDLE_FOLDER / written[0]).read_text(encoding="utf-8")
    assert "h1{color:blue}" in css
    assert (root / "_static" / "styles" / "theme.css").read_text(encoding="utf-8").endswith("h1{color:red}")


def test_links_that_cannot_be_joined_stay_as_they_are(tmp_path):
    media = '<link rel="stylesheet" href="_static/basic.css" media="print" />'
    missing = '<link rel="stylesheet" href="_static/missing.css" />'
    outside = '<link rel="stylesheet" href="https://example.org/x.css" />'
    preload = '<link rel="preload" as="script" href="_static/x.js" />'
    for head in (
        THEME.format(p="") + media,
        THEME.format(p="") + missing,
        outside + THEME.format(p=""),
        THEME.format(p="") + preload + ICONS.format(p=""),
        THEME.format(p=""),
    ):
        root = site(tmp_path / str(abs(hash(head))), head)
        assert bundle_stylesheets(root) == [], head
        assert (root / "page.html").read_text(encoding="utf-8").count("<link") == head.count("<link"), head


def test_an_import_with_a_media_query_keeps_the_run_as_it_is(tmp_path):
    root = site(tmp_path, THEME.format(p="") + ICONS.format(p=""))
    (root / "_static" / "styles" / "theme.css").write_text('@import "../basic.css" print;h1{x:1}', encoding="utf-8")
    assert bundle_stylesheets(root) == []
