"""The book's pages load one joined, pruned stylesheet that looks exactly like the stylesheets it was made from, and
the first exercise renders while the page is still being parsed (before the theme's deferred scripts run)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from medialit.sphinxext.cssbundle import BUNDLE_FOLDER, sources_of

pytestmark = pytest.mark.browser

JOINED = re.compile(r'<link rel="stylesheet" href="((?:\.\./)*_static/medialit/styles-[0-9a-f]{16}\.css)" />')
COMPARED = [
    ("intro.html", "light", 1280, 900),
    ("disclaimer.html", "dark", 1280, 900),
    ("sourcing.html", "light", 390, 844),
    ("teachers/class-view.html", "dark", 390, 844),
    ("search.html", "light", 1280, 900),
    ("lab.html", "dark", 1280, 900),
]
"""Pages (a plain one, exercise pages, charts, Sphinx's search page, a notebook page), themes and screen sizes."""
ROUNDING = 2
"""How far two screenshots of the same page may differ in a pixel's channel: rounding, invisible (seen: 1 of 255 in
32 pixels of a rounded border, between two loads of the same page)."""


def book_pages(html: Path) -> list[Path]:
    """The pages with the book's theme (not the simulated web pages, not the printable worksheets)."""
    return [
        path
        for path in sorted(html.rglob("*.html"))
        if path.relative_to(html).parts[0] not in {"_static", "_sources", "web"}
        and "worksheets" not in path.relative_to(html).parts
        and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8").lower()
    ]


def test_every_book_page_links_one_joined_stylesheet(built_book):
    pages = book_pages(built_book)
    assert len(pages) >= 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        stylesheets = re.findall(r"<link[^>]*rel=\"stylesheet\"[^>]*>", html)
        assert len(stylesheets) == 1 and JOINED.fullmatch(stylesheets[0]), (path.name, stylesheets)
        joined = (path.parent / JOINED.fullmatch(stylesheets[0]).group(1)).resolve()
        sources = sources_of(joined.read_text(encoding="utf-8"))
        assert {"../styles/pydata-sphinx-theme.css", "progress.css"} <= set(sources), (path.name, sources)
        for source in sources:
            assert (built_book / BUNDLE_FOLDER / source).resolve().is_file(), (path.name, source)


def screenshot(page, url: str, theme: str, path: Path, html: str | None = None) -> Image.Image:
    page.add_init_script(f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
    if html is not None:
        page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(500)
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    return Image.open(path).convert("RGB")


@pytest.mark.parametrize(("name", "theme", "width", "height"), COMPARED)
def test_the_joined_pruned_stylesheet_looks_exactly_like_its_sources(
    built_book, book_server, page_factory, tmp_path, name, theme, width, height
):
    url = f"{book_server.url}/{name}"
    html = (built_book / name).read_text(encoding="utf-8")
    match = JOINED.search(html)
    assert match, name
    joined = (built_book / name).parent / match.group(1)
    sources = sources_of(joined.read_text(encoding="utf-8"))
    folder = Path(match.group(1)).parent.as_posix()
    originals = "".join(f'<link rel="stylesheet" href="{folder}/{source}" />' for source in sources)
    control = html.replace(match.group(0), originals)
    assert control != html and control.count('rel="stylesheet"') == len(sources) >= 5

    viewport = {"width": width, "height": height}
    ours = screenshot(page_factory(viewport=viewport), url, theme, tmp_path / "ours.png")
    theirs = screenshot(page_factory(viewport=viewport), url, theme, tmp_path / "sources.png", control)
    assert ours.size == theirs.size, (name, theme, ours.size, theirs.size)
    # The same pixels, up to the rasteriser's rounding: no channel of any pixel may differ by more than 2 of 255
    # (a rule lost or changed moves text, borders or colours much further than that).
    difference = ImageChops.difference(ours, theirs)
    worst = max(high for _, high in difference.getextrema())
    visible = difference.convert("L").point(lambda level: 255 if level > ROUNDING else 0).getbbox()
    assert worst <= ROUNDING, (name, theme, width, worst, visible, tmp_path)


@pytest.mark.parametrize("name", ["disclaimer.html", "sourcing.html", "final-challenge.html"])
def test_the_first_exercise_renders_while_the_page_is_still_parsed(book_server, page, name):
    page.add_init_script(
        """
        new MutationObserver((_, observer) => {
          if (document.querySelector("[data-medialit-id] button.ml-check")) {
            window.__renderedWhile = document.readyState;
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        """
    )
    page.goto(f"{book_server.url}/{name}", wait_until="load")
    page.wait_for_selector("[data-medialit-id] button.ml-check")
    # "loading": the parser had not reached the end of the page, so no deferred script (the theme's) had run yet.
    assert page.evaluate("window.__renderedWhile") == "loading", name
    assert page.external_requests == [] and page.console_errors == []
