"""An exam build of the real book ships no answer key, explanations, feedback or scoring data.

Every ``.html`` and ``.js`` file of the built output is read (``_static`` included). Each learn-mode build is searched
the same way as a control, so that a search that can never match cannot pass for a clean exam build.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_book

pytestmark = pytest.mark.build

MIN_LENGTH = 25
"""Explanations shorter than this are too generic to search for."""
KEY_FIELDS = {"correct", "explanation", "feedback", "none_feedback", "takeaway", "targets", "distractors", "messages",
              "max_score"}
"""Field names that only the key of ``medialit.state.exercise_state`` carries (``max_score`` tells how many answers
are right)."""
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Page:
    """One built file: its text, the text of its scripts, its exercise placeholders and their JSON states."""

    path: str
    text: str
    scripts: str
    placeholders: list[str] = field(default_factory=list)
    states: dict[str, dict] = field(default_factory=dict)


class _Parser(HTMLParser):
    """Collects script contents, ``div.medialit-exercise`` ids and ``script.medialit-state`` JSON."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.placeholders: list[str] = []
        self.states: dict[str, dict] = {}
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        classes = found.get("class", "").split()
        if tag == "div" and "medialit-exercise" in classes and "data-medialit-id" in found:
            self.placeholders.append(found["data-medialit-id"])
        if tag == "script":
            self._script = {"for": found.get("data-for", "") if "medialit-state" in classes else "", "text": ""}

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script["text"])
            if self._script["for"]:
                self.states[self._script["for"]] = json.loads(self._script["text"])
            self._script = None


def _read(html_root: Path) -> dict[str, Page]:
    """Every ``.html`` and ``.js`` file under ``html_root``, by path relative to it."""
    pages = {}
    for path in sorted(html_root.rglob("*")):
        if path.suffix not in (".html", ".js") or not path.is_file():
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(html_root).as_posix()
        if path.suffix == ".js":
            pages[name] = Page(name, _squash(raw), _squash(raw))
            continue
        parser = _Parser()
        parser.feed(raw)
        parser.close()
        pages[name] = Page(name, _squash(raw), _squash(" ".join(parser.scripts)), parser.placeholders, parser.states)
    return pages


def _forms(text: str) -> set[str]:
    """``text`` as it may be written in a page: raw, HTML-escaped or JSON-escaped."""
    text = _squash(text)
    return {
        text,
        html.escape(text),
        html.escape(text, quote=False),
        json.dumps(text, ensure_ascii=False)[1:-1],
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1].replace("</", "<\\/"),
    }


def _contains(haystack: str, text: str) -> bool:
    forms = _forms(text)
    return any(form in haystack for form in forms) or any(form in html.unescape(haystack) for form in forms)


def _secrets(exercise_set) -> Iterator[tuple[str, str, str]]:
    """(exercise id, field, text) for every explanation, feedback and takeaway long enough to search for."""
    for exercise in exercise_set.exercises:
        found = [(f"targets[{t.id}].explanation", t.explanation) for t in exercise.targets]
        found += [(f"distractors[{d.id}].explanation", d.explanation) for d in exercise.distractors]
        found += [(f"options[{o.id}].feedback", o.feedback) for o in exercise.options]
        found += [("none_feedback", exercise.none_feedback), ("takeaway", exercise.takeaway)]
        for where, text in found:
            if len(_squash(text)) >= MIN_LENGTH:
                yield exercise.id, where, text


def _book_sources() -> str:
    """The book's own Markdown, with typographic quotes made straight (Sphinx curls them back when it builds)."""
    files = [p for p in sorted((ROOT / "book").rglob("*.md")) if "_build" not in p.parts]
    return _squash(" ".join(p.read_text(encoding="utf-8") for p in files)).translate(QUOTES)


def _key_patterns(exercise_set) -> Iterator[tuple[str, str]]:
    """(exercise id, JSON fragment) that only a key writes: an item with its anchors, an option marked correct."""
    for exercise in exercise_set.exercises:
        for item in (*exercise.targets, *exercise.distractors):
            yield exercise.id, f'"id":{json.dumps(item.id, ensure_ascii=False)},"anchors":'
        for option in exercise.options:
            if option.correct:
                yield exercise.id, f'"id":{json.dumps(option.id, ensure_ascii=False)},"correct":true'


def _leaks(pages: dict[str, Page], exercise_set) -> list[str]:
    """Every explanation or feedback found in ``pages``.

    A text that the book's own Markdown also holds (a summary that repeats a takeaway word for word) is part of the
    document itself, so for it only the scripts and ``.js`` files are searched: it must still never ship as data.
    """
    sources = _book_sources()
    found = []
    for exercise_id, where, text in _secrets(exercise_set):
        in_document = _squash(text).translate(QUOTES) in sources
        for page in pages.values():
            if _contains(page.scripts if in_document else page.text, text):
                found.append(f"{page.path}: {exercise_id} {where}: {text[:70]!r}")
    return found


def _key_data(pages: dict[str, Page], exercise_set) -> list[str]:
    """Every key-only JSON fragment, or ``"correct": true``, found in ``pages``."""
    found = []
    for page in pages.values():
        for exercise_id, pattern in _key_patterns(exercise_set):
            if pattern in page.text or pattern.replace('"', '\\"') in page.text:
                found.append(f"{page.path}: {exercise_id} {pattern}")
        if re.search(r'\\?"correct\\?"\s*:\s*true', page.text):
            found.append(f'{page.path}: "correct": true')
    return found


def _key_fields(data, path: str = "") -> Iterator[str]:
    """Paths of the key-only fields present (and not empty) anywhere in a state."""
    if isinstance(data, dict):
        for name, value in data.items():
            if (name in KEY_FIELDS or name == "key") and value not in (None, "", [], {}):
                yield f"{path}.{name}"
            yield from _key_fields(value, f"{path}.{name}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _key_fields(value, f"{path}[{index}]")


@pytest.fixture(scope="module")
def exam_book(tmp_path_factory) -> Path:
    """The real book, built once in exam mode."""
    return build_book(tmp_path_factory.mktemp("exam-book"), mode="exam")


@pytest.fixture(scope="module")
def exam_pages(exam_book) -> dict[str, Page]:
    return _read(exam_book)


@pytest.fixture(scope="module")
def learn_pages(built_book) -> dict[str, Page]:
    return _read(built_book)


def test_the_search_finds_the_key_in_the_learn_build(learn_pages, exercise_set):
    assert _leaks(learn_pages, exercise_set), "no explanation found in the learn build: the search is broken"
    assert _key_data(learn_pages, exercise_set), "no key data found in the learn build: the search is broken"
    states = [state for page in learn_pages.values() for state in page.states.values()]
    assert states and all(state["key"] is not None for state in states)
    assert any(_key_fields(state) for state in states)


def test_no_explanation_feedback_or_takeaway_in_the_exam_build(exam_pages, exercise_set):
    assert len(exam_pages) > 20
    assert _leaks(exam_pages, exercise_set) == []


def test_no_key_data_in_the_exam_build(exam_pages, exercise_set):
    assert _key_data(exam_pages, exercise_set) == []


def test_every_exam_state_has_no_key(exam_pages):
    states = {(page.path, i): state for page in exam_pages.values() for i, state in page.states.items()}
    assert states
    for where, state in states.items():
        assert "key" in state and state["key"] is None, where
        assert list(_key_fields(state)) == [], where
        assert all(set(option) == {"id", "text"} for option in state["options"]), where


def test_the_exam_build_keeps_every_exercise_placeholder(learn_pages, exam_pages):
    expected = {(name, i) for name, page in learn_pages.items() for i in page.placeholders}
    assert expected, "the learn build has no exercise placeholder"
    found = {(name, i) for name, page in exam_pages.items() for i in page.placeholders}
    assert expected - found == set()
    states = {(name, i) for name, page in exam_pages.items() for i in page.states}
    assert expected - states == set()


def _manifest(book: Path) -> dict:
    text = (book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8")
    return json.loads(re.match(r"window\.MEDIALIT_BOOK = (.*);\n", text).group(1))


def test_the_progress_manifest_tells_no_maximum_in_the_exam_build(built_book, exam_book):
    learn, exam = _manifest(built_book), _manifest(exam_book)
    assert exam["mode"] == "exam" and learn["mode"] == "learn"
    assert [e["id"] for e in exam["exercises"]] == [e["id"] for e in learn["exercises"]]
    assert all(e["max_score"] > 0 for e in learn["exercises"])
    assert all(e["max_score"] is None for e in exam["exercises"])


@pytest.mark.browser
def test_an_exam_hand_in_is_recorded_downloaded_and_graded(exam_book, serve, page, tmp_path):
    from medialit import cli
    from medialit.handin import read_handin

    url = serve(exam_book).url
    page.goto(f"{url}/disclaimer.html")
    exercise = page.locator("[data-medialit-id='disclaimer-002']")
    assert exercise.get_by_role("button", name="Show answer").count() == 0
    exercise.locator("[role=option]", has_text="are pseudonyms").click()
    exercise.get_by_role("button", name="Check").click()
    page.wait_for_function("() => document.querySelector(\"[data-medialit-id='disclaimer-002']\")"
                           ".textContent.includes('Answer recorded')")
    assert "1 of 1" not in exercise.text_content()
    assert "1 of " in page.locator(".medialit-progress").text_content()
    assert "points" not in page.locator(".medialit-progress").text_content()

    page.goto(f"{url}/my-results.html")
    panel = page.locator("#medialit-results")
    row = panel.locator("tr[data-exercise='disclaimer-002']")
    assert "Answer recorded" in row.text_content()
    panel.get_by_label("Your name").fill("Exam Taker")
    with page.expect_download() as download:
        panel.get_by_role("button", name="Download my answers").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert page.external_requests == [] and page.console_errors == []

    handin = read_handin(path)
    assert str(handin.mode) == "exam" and [a.exercise for a in handin.answers] == ["disclaimer-002"]
    out = tmp_path / "graded"
    assert cli.main(["grade", str(path), "-o", str(out), "--no-html"]) == 0
    results = (out / "results.csv").read_text(encoding="utf-8")
    assert "disclaimer-002" in results and ",found," in results
