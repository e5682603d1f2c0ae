"""The theme's FontAwesome, trimmed after the build: icon rules no page names go, every drawn glyph stays."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from medialit.sphinxext import icons

CSS = (
    '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-ghost:before{content:"\\f6e2"}'
    '.fa-0:before{content:"\\30 "}.btn{color:red}:root{--pst-icon-admonition-default:"\\f05a"}'
)


def test_unused_icon_rules_go_and_everything_else_stays():
    trimmed = icons.trim_icon_rules(CSS, icons.icon_names(['<i class="fa-solid fa-navicon"></i>']))
    assert '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}' in trimmed
    assert "fa-ghost" not in trimmed and ".fa-0:" not in trimmed
    assert ".btn{color:red}" in trimmed and "--pst-icon-admonition-default" in trimmed


def test_drawn_codepoints_reads_escapes_in_strings_only():
    assert icons.drawn_codepoints(CSS) == {0xF0C9, 0xF6E2, 0x30, 0xF05A}
    assert icons.drawn_codepoints(".a{color:#f0c9}") == set()


def test_lighten_points_the_theme_at_a_subset_holding_every_drawn_glyph(built_book: Path):
    css = (built_book / icons.THEME_CSS).read_text(encoding="utf-8")
    assert "fa-solid-subset.woff" in css and "fa-solid-900.woff2" not in css
    assert ".fa-magnifying-glass:before" in css and ".fa-ghost:before" not in css
    drawn = set().union(*(icons.drawn_codepoints(p.read_text(encoding="utf-8")) for p in built_book.rglob("*.css")))
    font = TTFont(str(built_book / icons.SUBSET_FONT))
    kept = set(font.getBestCmap())
    original = set(TTFont(str(built_book / icons.SOLID_FONT)).getBestCmap())
    assert drawn & original <= kept
    assert 0xF0C9 in kept and 0xF002 in kept  # the menu bars and the search glass
    assert len(kept) < 100
