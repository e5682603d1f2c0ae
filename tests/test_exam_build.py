"""An exam build of the real book ships no answer key, explanations, feedback or scoring data.

EVERY file of the built output is read: HTML, JS, JSON, SVG, CSS, ``searchindex.js``, ``objects.inv`` (its zlib body
decompressed), anything else as text with undecodable bytes replaced. The learn build is searched the same way as a
control, each search separately, so that a search that can never match cannot pass for a clean exam build.

The searches take the exercises whose key must not ship: those for which ``medialit.state.ships_key(exercise, mode)``
is false (:func:`_keyless`). Today that is every exercise in an exam build and none in a learn build. When an
exercise gets an assessment setting (issue 10) or belongs to a before/after form (issue 11), ``ships_key`` returns
false for it in every mode, and the same searches then cover it in the learn build too, answer-key page included.
"""

from __future__ import annotations

import functools
import html
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from medialit.modes import Mode
from medialit.sphinxext.allowlist import disallowed_files, load_allowlist
from medialit.state import ships_key
from tests.conftest import ROOT

pytestmark = pytest.mark.build

MIN_LENGTH = 25
"""Explanations shorter than this are too generic to search for."""
KEY_FIELDS = {
    "correct",
    "explanation",
    "feedback",
    "none_feedback",
    "takeaway",
    "targets",
    "distractors",
    "messages",
    "max_score",
}
"""Field names that only the key of ``medialit.state.exercise_state`` carries (``max_score`` tells how many answers
are right)."""
TOKEN = re.compile(r"[\w-]+")
LABEL = re.compile(r"(?<![\w-])([\w-]+)\s*/\s*([\w-]+)(?![\w-])")
LONG_ROW = 2000
"""Characters: a line longer than this (minified code, a state) is not searched as one table row."""
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
    rows: list[str] = field(default_factory=list)
    """Table rows and list items (HTML, tags stripped) or lines (other files)."""
    state_texts: dict[str, str] = field(default_factory=dict)
    """Each exercise state's JSON as written, squashed like :attr:`text`."""

    @functools.cached_property
    def row_tokens(self) -> list[frozenset[str]]:
        """The ids and words of each row shorter than :data:`LONG_ROW` (a longer line is not a table row)."""
        return [frozenset(TOKEN.findall(row)) for row in self.rows if len(row) < LONG_ROW]

    @functools.cached_property
    def labels(self) -> frozenset[tuple[str, str]]:
        """Every "a / b" pair of ids in the text (and in its HTML-unescaped form)."""
        return frozenset(LABEL.findall(self.text)) | frozenset(LABEL.findall(_unescaped(self.text)))

    @functools.cached_property
    def plain_rows(self) -> list[str]:
        """The rows with typographic quotes made straight."""
        return [row.translate(QUOTES) for row in self.rows]

    @functools.cached_property
    def plain_text(self) -> str:
        """The plain rows, one per line: a row holds a text only if this does."""
        return "\n".join(self.plain_rows)


class _Parser(HTMLParser):
    """Collects script contents, ``div.medialit-exercise`` ids and ``script.medialit-state`` JSON."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.placeholders: list[str] = []
        self.states: dict[str, dict] = {}
        self.state_texts: dict[str, str] = {}
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
                self.state_texts[self._script["for"]] = _squash(self._script["text"])
            self._script = None


def _text_of(path: Path) -> str:
    """A built file as text: ``objects.inv`` with its zlib body decompressed, anything else decoded leniently."""
    raw = path.read_bytes()
    if path.name == "objects.inv":
        lines = raw.split(b"\n", 4)
        raw = b"\n".join(lines[:4]) + b"\n" + zlib.decompress(lines[4])
    return raw.decode("utf-8", errors="replace")


def _read(html_root: Path) -> dict[str, Page]:
    """EVERY file under ``html_root``, by path relative to it; HTML pages with their scripts, rows and states."""
    pages = {}
    for path in sorted(html_root.rglob("*")):
        if not path.is_file():
            continue
        raw = _text_of(path)
        name = path.relative_to(html_root).as_posix()
        if path.suffix != ".html":
            pages[name] = Page(name, _squash(raw), _squash(raw), rows=[_squash(line) for line in raw.splitlines()])
            continue
        parser = _Parser()
        parser.feed(raw)
        parser.close()
        rows = [
            _squash(html.unescape(re.sub(r"<[^>]+>", " ", row.group(0))))
            for row in re.finditer(r"<(tr|li)\b.*?</\1>", raw, re.DOTALL)
        ]
        pages[name] = Page(
            name,
            _squash(raw),
            _squash(" ".join(parser.scripts)),
            parser.placeholders,
            parser.states,
            rows,
            parser.state_texts,
        )
    return pages


@functools.cache
def _forms(text: str) -> frozenset[str]:
    """``text`` as it may be written in a page: raw, HTML-escaped or JSON-escaped."""
    text = _squash(text)
    return frozenset(
        {
            text,
            html.escape(text),
            html.escape(text, quote=False),
            json.dumps(text, ensure_ascii=False)[1:-1],
            json.dumps(text)[1:-1],
            json.dumps(text, ensure_ascii=False)[1:-1].replace("</", "<\\/"),
        }
    )


@functools.cache
def _unescaped(text: str) -> str:
    return html.unescape(text)


def _contains(haystack: str, text: str) -> bool:
    forms = _forms(text)
    return any(form in haystack for form in forms) or any(form in _unescaped(haystack) for form in forms)


def _secrets(exercises) -> Iterator[tuple[str, str, str]]:
    """(exercise id, field, text) for every explanation, feedback and takeaway long enough to search for."""
    for exercise in exercises:
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


def _key_patterns(exercises) -> Iterator[tuple[str, str]]:
    """(exercise id, JSON fragment) that only a key writes: an item with its anchors, an option marked correct."""
    for exercise in exercises:
        for item in (*exercise.targets, *exercise.distractors):
            yield exercise.id, f'"id":{json.dumps(item.id, ensure_ascii=False)},"anchors":'
        for option in exercise.options:
            if option.correct:
                yield exercise.id, f'"id":{json.dumps(option.id, ensure_ascii=False)},"correct":true'


def _leaks(pages: dict[str, Page], exercises) -> list[str]:
    """Every explanation or feedback found in ``pages``.

    A text that the book's own Markdown also holds (a summary that repeats a takeaway word for word) is part of the
    document itself, so for it only the scripts and ``.js`` files are searched: it must still never ship as data.
    """
    sources = _book_sources()
    found = []
    for exercise_id, where, text in _secrets(exercises):
        in_document = _squash(text).translate(QUOTES) in sources
        for page in pages.values():
            if _contains(page.scripts if in_document else page.text, text):
                found.append(f"{page.path}: {exercise_id} {where}: {text[:70]!r}")
    return found


def _key_data(pages: dict[str, Page], exercises) -> list[str]:
    """Every key-only JSON fragment of ``exercises`` found in ``pages``.

    The states of other exercises, which may ship their own key, are not searched: options with the same ids (such
    as "confirms") are marked correct there for their own exercise.
    """
    found = []
    searched = {exercise.id for exercise in exercises}
    for page in pages.values():
        text = page.text
        for exercise_id, state_text in page.state_texts.items():
            if exercise_id not in searched:
                text = text.replace(state_text, "")
        for exercise_id, pattern in _key_patterns(exercises):
            if pattern in text or pattern.replace('"', '\\"') in text:
                found.append(f"{page.path}: {exercise_id} {pattern}")
    return found


def _keyless(exercise_set, mode: Mode) -> list:
    """The exercises whose key, hints and maximum must not ship in a build in ``mode``."""
    return [exercise for exercise in exercise_set.exercises if not ships_key(exercise, mode)]


def _words(text: str) -> str:
    """``text`` as a regular expression matching it as a whole token (ids hold hyphens)."""
    return rf"(?<![\w-]){re.escape(text)}(?![\w-])"


def _key_items(exercise) -> list[str]:
    """Ids of the items the key singles out: targets, distractors and correct options."""
    return [item.id for item in (*exercise.targets, *exercise.distractors)] + [
        option.id for option in exercise.options if option.correct
    ]


def _item_labels(pages: dict[str, Page], exercises) -> list[str]:
    """ "exercise / item" labels (as in class-view charts), and table rows or lines naming an exercise and an item."""
    found = []
    for exercise in exercises:
        for item in _key_items(exercise):
            for page in pages.values():
                if (exercise.id, item) in page.labels:
                    found.append(f"{page.path}: label {exercise.id} / {item}")
                if any(exercise.id in tokens and item in tokens for tokens in page.row_tokens):
                    found.append(f"{page.path}: row naming {exercise.id} and {item}")
    return found


PREFIX = 30
"""Characters of a target's quote that identify it in a table row."""
UNLABELLED_KIND = "unverifiable"
"""The kind ``medialit.tables.source_ledger`` gives a target that its exercise does not classify."""


def _quote_kind_rows(pages: dict[str, Page], exercises) -> list[str]:
    """Table rows, list items or lines that pair a target's quote (or its first characters) with its kind."""
    found = []
    for exercise in exercises:
        names = {label.id: label.name for label in exercise.labels}
        for target in exercise.targets:
            kinds = [names[target.label], target.label] if target.label else [UNLABELLED_KIND]
            for anchor in target.anchors:
                prefix = _squash(anchor.quote)[:PREFIX]
                for page in pages.values():
                    for row in page.rows:
                        if len(row) < 2000 and prefix in row and any(re.search(_words(k), row) for k in kinds):
                            found.append(f"{page.path}: {exercise.id} {target.id}: {prefix!r} with its kind")
    return found


def _option_forms(text: str) -> frozenset[str]:
    text = _squash(text).translate(QUOTES)
    return frozenset(
        {
            text,
            html.escape(text),
            html.escape(text, quote=False),
            json.dumps(text)[1:-1],
            json.dumps(text, ensure_ascii=False)[1:-1],
        }
    )


@functools.cache
def _option_owners() -> dict[str, frozenset[str]]:
    """Every option text of the book's exercises, with the exercises offering it."""
    from medialit.catalogue import Catalogue
    from medialit.exercises import load_exercises

    found = load_exercises(ROOT / "exercises", Catalogue.load(ROOT / "seeds" / "catalogue.yaml"))
    owners: dict[str, set[str]] = {}
    for exercise in found.exercises:
        for option in exercise.options:
            owners.setdefault(option.text, set()).add(exercise.id)
    return {text: frozenset(ids) for text, ids in owners.items()}


def _alone(row: str, option_id: str, forms: dict[str, frozenset[str]]) -> bool:
    """Whether ``row`` shows the option ``option_id`` and no other option of its exercise."""
    others = [f for key, f in forms.items() if key != option_id]
    return any(f in row for f in forms[option_id]) and not any(f in row for o in others for f in o)


def _correct_option_rows(pages: dict[str, Page], exercises) -> list[str]:
    """Rows or lines that show a correct option and no other option of its exercise: a list of the right ones.

    An option whose words another exercise offers too, alone or inside a longer option (outside ``exercises``), is
    not searched: a row about that other exercise says nothing of this one. A printable worksheet (not its key) is not
    searched: it prints every option, one per answer box, by design.
    """
    found = []
    searched = {exercise.id for exercise in exercises}
    for exercise in exercises:
        forms = {option.id: _option_forms(option.text) for option in exercise.options}

        for page in pages.values():
            if page.path.startswith("teachers/worksheets/") and not page.path.endswith("-key.html"):
                continue
            if not any(form in page.plain_text for option_forms in forms.values() for form in option_forms):
                continue  # no row can show an option of this exercise
            listed = {o.id for o in exercise.options if any(_alone(row, o.id, forms) for row in page.plain_rows)}
            for option in exercise.options:
                if not option.correct or any(
                    option.text in text and ids - searched for text, ids in _option_owners().items()
                ):
                    continue
                if option.id in listed:
                    found.append(f"{page.path}: {exercise.id} correct option {option.id} alone")
    return found


CORRECT = re.compile(r'\\?"correct\\?"\s*:\s*true')
"""An option marked correct, in any JSON."""
MAX_SCORE = re.compile(r'\\?"max_score\\?"\s*:(?!\s*null)')


def _maxima(pages: dict[str, Page], exercises) -> list[str]:
    """A non-null ``max_score`` of one of ``exercises`` in any file: its state, or its entry in any flat JSON object
    (the progress manifest)."""
    found = []
    for exercise in exercises:
        entry = re.compile(r'\\?"id\\?"\s*:\s*\\?"' + re.escape(exercise.id) + r'\\?"[^{}]*?' + MAX_SCORE.pattern)
        for page in pages.values():
            state = page.states.get(exercise.id)
            if state is not None and (state.get("max_score") is not None or MAX_SCORE.search(json.dumps(state))):
                found.append(f"{page.path}: {exercise.id} state max_score")
            if exercise.id in page.text and entry.search(page.text):  # the entry names the id
                found.append(f"{page.path}: {exercise.id} max_score")
    return found


SEARCHES = {
    "explanations and feedback": _leaks,
    "key JSON": _key_data,
    "exercise / item labels": _item_labels,
    "quote with its kind": _quote_kind_rows,
    "correct options alone": _correct_option_rows,
    "maximum scores": _maxima,
}
"""Every search for key information; each takes the built files and the exercises whose key must not ship."""


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
def exam_pages(exam_book) -> dict[str, Page]:
    return _read(exam_book)


@pytest.fixture(scope="module")
def learn_pages(built_book) -> dict[str, Page]:
    return _read(built_book)


@pytest.mark.parametrize("search", SEARCHES)
def test_each_search_finds_the_key_in_the_learn_build(learn_pages, exercise_set, search):
    """The control: searched for every exercise, the learn build (which ships the key) yields each kind of hit."""
    assert SEARCHES[search](learn_pages, exercise_set.exercises), f"{search}: nothing found; the search is broken"


def test_the_learn_build_states_carry_the_key(learn_pages):
    """Except the states of exercises under the assessment setting (one attempt): the Final challenge, the checks."""
    states = [state for page in learn_pages.values() for state in page.states.values()]
    assessed = [state for state in states if state["attempts"] == 1]
    keyed = [state for state in states if state["attempts"] != 1]
    assert assessed and all(state["key"] is None and state["max_score"] is None for state in assessed)
    assert keyed and all(state["key"] is not None for state in keyed)
    assert any(_key_fields(state) for state in keyed)


@pytest.mark.parametrize("search", SEARCHES)
def test_exercises_that_ship_no_key_leave_no_trace_in_any_file(learn_pages, exam_pages, exercise_set, search):
    """Every file of the exam build, and of the learn build for exercises that never ship a key there."""
    assert len(exam_pages) > 100 and any(name.endswith("objects.inv") for name in exam_pages)
    keyless = _keyless(exercise_set, Mode.EXAM)
    assert keyless
    assert SEARCHES[search](exam_pages, keyless) == []
    assert SEARCHES[search](learn_pages, _keyless(exercise_set, Mode.LEARN)) == []


def test_every_exam_state_has_no_key_no_hints_and_offers_none_on_highlights(exam_pages):
    states = {(page.path, i): state for page in exam_pages.values() for i, state in page.states.items()}
    assert states
    for where, state in states.items():
        assert "key" in state and state["key"] is None, where
        assert list(_key_fields(state)) == [], where
        assert all(set(option) == {"id", "text"} for option in state["options"]), where
        assert state["hints"] == [], where
        if state["type"] == "highlight":
            assert state["allow_none"] is True, where
    assert any(state["type"] == "highlight" for state in states.values())
    assert [name for name, page in exam_pages.items() if CORRECT.search(page.text)] == []
    assert [name for name, page in exam_pages.items() if MAX_SCORE.search(page.text)] == []


def test_the_search_for_correct_flags_and_maxima_finds_them_in_the_learn_build(learn_pages):
    assert [name for name, page in learn_pages.items() if CORRECT.search(page.text)]
    assert [name for name, page in learn_pages.items() if MAX_SCORE.search(page.text)]


def test_the_exam_build_holds_only_allow_listed_pages_and_files(learn_pages, exam_pages, exam_book, exercise_set):
    allow = load_allowlist(ROOT / "book" / "_exam.yml")
    assert disallowed_files(exam_book, allow) == []
    built = {name[: -len(".html")] for name in exam_pages if name.endswith(".html") and not name.startswith("_")}
    simulated = {name for name in built if name.startswith("web/")}
    assert built - simulated - {"genindex", "search", "index"} == set(allow.pages)
    # The simulated pages are those the exam's search task opens (the Final challenge's), and no other.
    opened = {f"web/{r.page}" for r in exercise_set.get("final-lake-search").results}
    assert simulated == opened and len(simulated) < len(list((ROOT / "book" / "web").glob("*.yaml")))
    assert not any(name.startswith(("_sources/", "_images/")) for name in exam_pages)
    for name, page in learn_pages.items():
        if name.endswith(".html") and name[: -len(".html")] in allow.pages:
            assert set(page.placeholders) == set(exam_pages[name].placeholders), name
            assert set(page.placeholders) <= set(exam_pages[name].states), name
    assert "lab.html" in learn_pages and "teachers/class-view.html" in learn_pages


def _manifest(book: Path) -> dict:
    text = (book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8")
    return json.loads(re.match(r"window\.MEDIALIT_BOOK = (.*);\n", text).group(1))


def test_the_progress_manifest_tells_no_maximum_in_the_exam_build(built_book, exam_book, exercise_set):
    from medialit.assessment import with_page_settings

    assessed = {e.id for e in _keyless(with_page_settings(exercise_set, ROOT / "book"), Mode.LEARN)}
    learn, exam = _manifest(built_book), _manifest(exam_book)
    assert exam["mode"] == "exam" and learn["mode"] == "learn"
    learn_ids = [e["id"] for e in learn["exercises"]]
    exam_ids = [e["id"] for e in exam["exercises"]]
    assert "final-lake-sourcing" in exam_ids and "lab-ledger" not in exam_ids
    assert exam_ids == [i for i in learn_ids if i in set(exam_ids)]
    assert "final-lake-sourcing" in assessed and all(
        e["max_score"] is None for e in learn["exercises"] if e["id"] in assessed
    )  # under the assessment setting, the learn build tells no maximum either
    reflections = ("impressions-a", "impressions-b")
    assert all(e["max_score"] > 0 for e in learn["exercises"] if e["id"] not in (*reflections, *assessed))
    assert [e["max_score"] for e in learn["exercises"] if e["id"].startswith("impressions-")] == [0, 0]  # reflections
    assert all(e["max_score"] is None for e in exam["exercises"])


@pytest.mark.browser
def test_an_exam_hand_in_is_recorded_downloaded_and_graded(exam_book, serve, page, tmp_path):
    from medialit import cli
    from medialit.handin import read_handin

    url = serve(exam_book).url
    page.goto(f"{url}/final-challenge.html")
    exercise = page.locator("[data-medialit-id='final-lake-sourcing']")
    assert exercise.get_by_role("button", name="Show answer").count() == 0
    assert exercise.get_by_role("button", name="Hint").is_hidden()
    assert exercise.get_by_role("button", name="There is none").count() == 1
    exercise.locator("[role=option]", has_text="Local people are certain").click()
    exercise.get_by_role("button", name="Check").click()
    page.wait_for_function(
        "() => document.querySelector(\"[data-medialit-id='final-lake-sourcing']\")"
        ".textContent.includes('Answer recorded')"
    )
    assert " of 3" not in exercise.text_content()
    assert "1 of " in page.locator(".medialit-progress").text_content()
    assert "points" not in page.locator(".medialit-progress").text_content()

    page.goto(f"{url}/my-results.html")
    panel = page.locator("#medialit-results")
    row = panel.locator("tr[data-exercise='final-lake-sourcing']")
    assert "Answer recorded" in row.text_content()
    panel.get_by_label("Your name").fill("Exam Taker")
    with page.expect_download() as download:
        panel.get_by_role("button", name="Download my answers").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert page.external_requests == [] and page.console_errors == []

    handin = read_handin(path)
    assert str(handin.mode) == "exam" and [a.exercise for a in handin.answers] == ["final-lake-sourcing"]
    out = tmp_path / "graded"
    assert cli.main(["grade", str(path), "-o", str(out), "--no-html"]) == 0
    results = (out / "results.csv").read_text(encoding="utf-8")
    assert "final-lake-sourcing" in results and ",found," in results
