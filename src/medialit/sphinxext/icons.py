"""FontAwesome, lighter: the theme's stylesheet without the icon rules no page uses, and its solid webfont cut down
to the glyphs the stylesheets draw.

The theme ships FontAwesome's whole icon set: one rule per icon (``.fa-bars:before{content:"\\f0c9"}``, about 1,900
of them, 86 KB) in ``pydata-sphinx-theme.css`` and a 153 KB webfont. The book shows about a dozen icons. After the
build, :func:`lighten` keeps the icon rules whose class a built page or script names, then writes a WOFF subset of
the solid font holding every glyph that any stylesheet of the site still draws, and points the stylesheet at it.
"""

from __future__ import annotations

import re
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

__all__ = ["SUBSET_FONT", "THEME_CSS", "drawn_codepoints", "icon_names", "lighten", "trim_icon_rules"]

THEME_CSS = Path("_static", "styles", "pydata-sphinx-theme.css")
"""The theme's stylesheet, relative to the site folder."""
SOLID_FONT = Path("_static", "vendor", "fontawesome", "webfonts", "fa-solid-900.ttf")
"""FontAwesome's solid font as the theme ships it (TrueType: reading its WOFF2 twin would need Brotli)."""
SUBSET_FONT = Path("_static", "medialit", "fa-solid-subset.woff")
"""The subset written for the site."""

ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"[^"]*"\}')
"""One icon rule: one or more ``.fa-NAME:before`` selectors and a ``content``."""
ICON_NAME = re.compile(r"\bfa-([a-z0-9-]+)")
SOLID_FACE = re.compile(
    r"@font-face\{[^}]*font-weight:900;src:url\(\.\./vendor/fontawesome/webfonts/fa-solid-900[^}]*\}"
)
"""The theme's ``@font-face`` rule for the solid font."""
ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")


def icon_names(texts: list[str]) -> set[str]:
    """Every ``fa-NAME`` class named in ``texts`` (pages, scripts), without the ``fa-`` prefix."""
    return {name for text in texts for name in ICON_NAME.findall(text)}


def trim_icon_rules(css: str, used: set[str]) -> str:
    """``css`` without the icon rules none of whose icons is in ``used``."""

    def keep(match: re.Match[str]) -> str:
        names = ICON_NAME.findall(match.group(1))
        return match.group(0) if any(name in used for name in names) else ""

    return ICON_RULE.sub(keep, css)


def drawn_codepoints(css: str) -> set[int]:
    """Every character a ``content`` or custom property of ``css`` draws as a CSS escape (``"\\f0c9"``)."""
    found: set[int] = set()
    for literal in re.findall(r'"[^"\n]*"', css):
        found.update(int(code, 16) for code in ESCAPE.findall(literal))
        found.update(ord(char) for char in literal[1:-1] if 0xE000 <= ord(char) <= 0xF8FF)
    return found


def lighten(site: Path) -> None:
    """Trim the theme's stylesheet and subset its solid font in the built ``site``, if the theme's files are there."""
    theme_css, font = site / THEME_CSS, site / SOLID_FONT
    if not theme_css.is_file() or not font.is_file():
        return
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    scripts = [path.read_text(encoding="utf-8") for path in (site / "_static").rglob("*.js")]
    css = trim_icon_rules(theme_css.read_text(encoding="utf-8"), icon_names(pages + scripts))
    others = [path.read_text(encoding="utf-8") for path in (site / "_static").rglob("*.css") if path != theme_css]
    codepoints: set[int] = set().union(*(drawn_codepoints(text) for text in [css, *others]))
    face = SOLID_FACE.search(css)
    if face is None or not codepoints:
        theme_css.write_text(css, encoding="utf-8")
        return
    write_subset(font, codepoints, site / SUBSET_FONT)
    relative = Path("..", "medialit", SUBSET_FONT.name).as_posix()
    new_face = (
        "@font-face{font-display:block;font-family:Font Awesome\\ 6 Free;font-style:normal;font-weight:900;"
        f'src:url({relative}) format("woff")}}'
    )
    theme_css.write_text(css[: face.start()] + new_face + css[face.end() :], encoding="utf-8")


def write_subset(font: Path, codepoints: set[int], target: Path) -> None:
    """Write a WOFF font holding only the glyphs of ``codepoints`` from ``font``."""
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    source = TTFont(str(font))
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    source.flavor = "woff"
    source.save(str(target))
