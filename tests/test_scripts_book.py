"""A tiny book of the test texts in Arabic, Hebrew, Korean and Japanese, built by Sphinx with the extension: each
document on the page carries its language and direction, in the document directive and in the exercise's state;
in Chromium, the widget reads them from the page as the static book writes it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.worksheet.render import worksheet_html
from medialit.worksheet.sheet import build_sheet
from tests.language_project import write_project
from tests.languages import DIRECTIONS

PAGE = "# Bakeries\n\n" + "".join(
    f"## The bakery ({lang})\n\n```{{medialit-document}} bakery-{lang}\n```\n\n"
    f"```{{medialit-exercise}} bakery-{lang}\n```\n\n"
    for lang in sorted(DIRECTIONS)
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The tiny book's HTML folder."""
    root = tmp_path_factory.mktemp("tiny")
    write_project(root)
    source = root / "book"
    source.mkdir()
    (source / "conf.py").write_text(
        f"extensions = ['medialit.sphinxext']\nmedialit_root = {str(root)!r}\nexclude_patterns = ['_build']\n"
        "nb_execution_mode = 'off'\n",
        encoding="utf-8",
    )
    (source / "index.md").write_text(PAGE, encoding="utf-8")
    out = root / "html"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-W"]
    done = subprocess.run([*command, str(source), str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_the_document_directive_sets_lang_and_dir(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    for lang, direction in DIRECTIONS.items():
        block = html[html.index(f'id="document-bakery-{lang}"') :]
        opening = re.search(r'<div class="medialit-document-text"[^>]*>', block)
        assert opening is not None and opening.group(0) == (
            f'<div class="medialit-document-text" lang="{lang}" dir="{direction}">'
        )


def test_each_document_written_into_the_page_carries_lang_and_dir(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    found = re.findall(
        r'<script type="application/json" class="medialit-document" data-slug="([^"]+)">(.*?)</script>', html
    )
    documents = {slug: json.loads(text) for slug, text in found}
    assert {slug: (d["lang"], d["dir"]) for slug, d in documents.items()} == {
        f"bakery-{lang}": (lang, direction) for lang, direction in DIRECTIONS.items()
    }


@pytest.mark.browser
def test_the_widget_in_the_built_page_sets_them_on_each_document(built, page, serve):
    server = serve(built)
    page.goto(f"{server.url}/index.html")
    page.locator("section.medialit").first.wait_for()
    boxes = page.locator("[role=listbox]")
    assert boxes.count() == len(DIRECTIONS)
    got = {boxes.nth(i).get_attribute("lang"): boxes.nth(i).get_attribute("dir") for i in range(boxes.count())}
    assert got == DIRECTIONS
    assert page.external_requests == [] and page.console_errors == []


def test_a_printed_worksheet_sets_lang_and_dir_on_each_paragraph(tmp_path):
    catalogue, exercises = write_project(tmp_path)
    html = worksheet_html(build_sheet("Bakeries", exercises.exercises, catalogue))
    for lang, direction in DIRECTIONS.items():
        article = html[html.index(f'id="document-bakery-{lang}"') :].split("</article>", 1)[0]
        assert article.count('<p class="para"') == 2
        assert article.count(f'<p class="para" lang="{lang}" dir="{direction}">') == 2
