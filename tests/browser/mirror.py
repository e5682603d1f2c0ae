"""Helpers for the JS/Python agreement tests: test pages, made-up exercises and both engines side by side."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from medialit import handin, scoring
from medialit.assets import asset_path
from medialit.frontend import bundle
from medialit.model import (
    Anchor,
    Distractor,
    Exercise,
    ExerciseType,
    Label,
    Option,
    SearchQuery,
    SearchResult,
    Skill,
    Target,
)
from medialit.sphinxext.nodes import _loader, _template, inline_json
from medialit.state import exercise_state
from medialit.text import Unit

STATIC = ("widget.css",)

# One call scores a batch of raw answers in the page; each outcome is ["ok", result] or ["format", error] with the
# error's code, params and message.
SCORE_BATCH = """async ([state, raws]) => {
  const m = await import("./bundle.js");
  return raws.map((raw) => {
    try {
      return ["ok", m.score(state, raw)];
    } catch (error) {
      if (error instanceof m.FormatError) {
        return ["format", { code: error.code, params: error.params, message: error.message }];
      }
      return ["other", String(error && error.message)];
    }
  });
}"""


def copy_static(folder: Path) -> None:
    """Put the front-end into ``folder``: the stylesheet and the bundle of every kind (``bundle.js``)."""
    for name in STATIC:
        shutil.copyfile(asset_path(name), folder / name)
    (folder / "bundle.js").write_text(bundle(), encoding="utf-8")


def scoring_page(folder: Path) -> str:
    """A bare page next to bundle.js; returns its file name."""
    copy_static(folder)
    (folder / "scoring.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scoring</title></head>'
        "<body><main><h1>Scoring</h1></main></body></html>",
        encoding="utf-8",
    )
    return "scoring.html"


def exercise_page(folder: Path, states: list[dict], name: str = "index.html", theme: str = "light") -> str:
    """A page holding ``states`` as the Sphinx extension writes them (placeholder, JSON, sources, shim)."""
    copy_static(folder)
    # As in the book, whose manifest (written in front of progress.js) carries the hand-in contract.
    contract = getattr(handin, "browser_contract", None)
    body = [f"<script>window.MEDIALIT_BOOK = {inline_json({'handin': contract()})};</script>"] if contract else []
    for index, state in enumerate(states):
        body.append(_template("exercise.html").substitute(id=state["id"], state=inline_json(state)))
        if index == 0:
            body.append(_loader({s["type"] for s in states}))
    html = (
        f'<!doctype html><html lang="en" data-theme="{theme}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>Exercises</title><link rel="stylesheet" href="widget.css"></head>'
        "<body><main><h1>Exercises</h1><h2>Practice</h2>" + "".join(body) + "</main></body></html>"
    )
    (folder / name).write_text(html, encoding="utf-8")
    return name


def python_outcome(exercise: Exercise, raw: Any) -> list:
    """What the Python engine says: ["ok", result] or ["format", {code, params, message}]."""
    try:
        return ["ok", scoring.score(exercise, raw).as_dict()]
    except scoring.FormatError as error:
        return ["format", error.as_dict()]


def same(python: Any, js: Any) -> bool:
    """Deep equality; numbers within 1e-9."""
    if isinstance(python, bool) or isinstance(js, bool):
        return python is js
    if isinstance(python, int | float) and isinstance(js, int | float):
        return math.isclose(python, js, rel_tol=0, abs_tol=1e-9)
    if isinstance(python, dict) and isinstance(js, dict):
        return python.keys() == js.keys() and all(same(python[k], js[k]) for k in python)
    if isinstance(python, list | tuple) and isinstance(js, list | tuple):
        return len(python) == len(js) and all(same(a, b) for a, b in zip(python, js, strict=True))
    return python == js


def agree(python: list, js: list) -> bool:
    """Whether the two engines agree on one answer: the same result, or the same error code, params and message."""
    return same(python, js)


def js_outcomes(page, state: dict, raws: list) -> list:
    return page.evaluate(SCORE_BATCH, [state, raws])


# -- made-up exercises for the kinds the project's own exercises do not use yet -----------------------------------


def _units(slug: str, shape: tuple[int, ...]) -> tuple[Unit, ...]:
    out = []
    for paragraph, count in enumerate(shape, start=1):
        for sentence in range(1, count + 1):
            start = len(out) * 20
            out.append(
                Unit(
                    f"{slug}:{paragraph}.{sentence}",
                    slug,
                    paragraph,
                    sentence,
                    start,
                    start + 19,
                    f"Sentence {sentence} of paragraph {paragraph} in {slug}.",
                )
            )
    return tuple(out)


def _anchor(*ids: str) -> Anchor:
    return Anchor(ids[0].split(":")[0], "quote", 0, 1, ids)


def _common(**fields: Any) -> Exercise:
    base = {"skill": Skill.CONTRADICTIONS, "title": "Made up", "prompt": "Do it.", "hints": ("One.", "Two.")}
    return Exercise(**{**base, **fields})


ALPHA = _units("alpha", (2, 2, 2))
BETA = _units("beta", (2, 2))
GAMMA = _units("gamma", (2, 2, 2))

SYNTHETIC: tuple[Exercise, ...] = (
    _common(
        id="made-up-pairs",
        type=ExerciseType.PAIRS,
        documents=("alpha", "beta"),
        units=ALPHA + BETA,
        targets=(
            Target("t1", (_anchor("alpha:1.1", "alpha:1.2"), _anchor("beta:1.1")), "First clash."),
            Target("t2", (_anchor("alpha:2.1"), _anchor("beta:2.1", "beta:2.2")), "Second clash."),
        ),
        distractors=(Distractor("d1", (_anchor("alpha:3.1"), _anchor("beta:1.2")), "They agree."),),
    ),
    _common(
        id="made-up-kinds",
        type=ExerciseType.HIGHLIGHT,
        documents=("gamma",),
        units=GAMMA,
        labels=(Label("anon", "Anonymous source", "Nobody is named."), Label("doc", "Secret document")),
        targets=(
            Target("t1", (_anchor("gamma:1.1", "gamma:1.2"),), "Nobody named.", "anon"),
            Target("t2", (_anchor("gamma:2.1"),), "A document nobody can see.", "doc"),
            Target("t3", (_anchor("gamma:2.1"),), "Also nobody named.", "anon"),
        ),
        distractors=(Distractor("d1", (_anchor("gamma:3.1"),), "A named person."),),
    ),
    # Most sentences are targets (T = 3, I = 2): a wrong mark costs 1.5 points.
    _common(
        id="made-up-dense",
        type=ExerciseType.HIGHLIGHT,
        documents=("gamma",),
        units=GAMMA,
        allow_none=True,
        none_feedback="There is something to find.",
        targets=(
            Target("t1", (_anchor("gamma:1.1"),), "First."),
            Target("t2", (_anchor("gamma:1.2", "gamma:2.1"),), "Second, over two sentences."),
            Target("t3", (_anchor("gamma:2.2"),), "Third."),
        ),
        distractors=(Distractor("d1", (_anchor("gamma:3.1"),), "Looks odd, is fine."),),
    ),
    # Kinds with an accepted alternative, two targets in one sentence, T = 4 and I = 3 (a wrong mark costs 4/3).
    _common(
        id="made-up-also",
        type=ExerciseType.HIGHLIGHT,
        documents=("alpha",),
        units=ALPHA,
        labels=(Label("anon", "Anonymous source"), Label("doc", "Secret document"), Label("group", "Vague group")),
        targets=(
            Target("t1", (_anchor("alpha:1.1"),), "Nobody named.", "anon", ("group",)),
            Target("t2", (_anchor("alpha:1.2"),), "A paper nobody can read.", "doc"),
            Target("t3", (_anchor("alpha:2.1"),), "A crowd.", "group"),
            Target("t4", (_anchor("alpha:2.1"),), "And a paper.", "doc"),
        ),
        distractors=(Distractor("d1", (_anchor("alpha:3.1"),), "A named person."),),
    ),
    _common(
        id="made-up-none-offered",
        type=ExerciseType.HIGHLIGHT,
        documents=("gamma",),
        units=GAMMA,
        allow_none=True,
        targets=(Target("t1", (_anchor("gamma:3.1", "gamma:3.2"),), "Here it is."),),
    ),
    _common(
        id="made-up-nothing",
        type=ExerciseType.HIGHLIGHT,
        documents=("gamma",),
        units=GAMMA,
        allow_none=True,
        labels=(Label("anon", "Anonymous source"),),
        none_feedback="Right, nothing.",
        distractors=(Distractor("d1", (_anchor("gamma:1.2"),), "Looks odd, is fine."),),
    ),
    _common(
        id="made-up-multiple",
        type=ExerciseType.CHOICE,
        documents=(),
        units=(),
        multiple=True,
        context=_anchor("gamma:1.1"),
        options=(
            Option("a", "First", True, "Yes, a."),
            Option("b", "Second", False, "Not b."),
            Option("c", "Third", True, "Yes, c."),
            Option("d", "Fourth", False, "Not d."),
        ),
    ),
    # Discussion items: accepted either way, never scored, always explained.
    _common(
        id="made-up-open-pairs",
        type=ExerciseType.PAIRS,
        documents=("alpha", "beta"),
        units=ALPHA + BETA,
        targets=(
            Target("t1", (_anchor("alpha:1.1"), _anchor("beta:1.1")), "A clash."),
            Target("t2", (_anchor("alpha:2.1"), _anchor("beta:2.1")), "Another clash."),
        ),
        discussions=(Target("open", (_anchor("alpha:3.1", "alpha:3.2"), _anchor("beta:1.2")), "Two fair readings."),),
        distractors=(Distractor("d1", (_anchor("alpha:1.2"), _anchor("beta:2.2")), "They agree."),),
    ),
    # A search task with two right verdicts, a weak result and an open one.
    _common(
        id="made-up-search",
        type=ExerciseType.SEARCH,
        documents=(),
        units=(),
        context=_anchor("gamma:1.1"),
        options=(
            Option("wrong", "The claim is wrong.", True, "Yes: the record says otherwise."),
            Option("right", "The claim is right.", False, "No: only a page with no source says so."),
            Option("unproven", "Nothing backs the claim.", True, "Also fair: nothing on record backs it."),
        ),
        queries=(
            SearchQuery("q1", "harbour record opening date", ("record", "opened"), ("r1", "r2", "r3")),
            SearchQuery("q2", "harbour closed secret", ("hidden",), ("r2", "r4")),
        ),
        results=(
            SearchResult(
                "r1", "p1", "Harbour register", "register.example/harbour", "Opened in 1990.", True, "A record."
            ),
            SearchResult("r2", "p2", "Secret harbour!", "wire.example/secret", "Insiders say...", False, "No source."),
            SearchResult("r3", "p3", "About the register", "register.example/about", "Who we are.", None, "Either."),
            SearchResult("r4", "p4", "Town minutes", "town.example/minutes", "The harbour opened.", True, "Minutes."),
        ),
    ),
    _common(
        id="made-up-open-choice",
        type=ExerciseType.CHOICE,
        documents=(),
        units=(),
        multiple=True,
        options=(
            Option("a", "First", True, "Yes, a."),
            Option("open", "Open", False, "Either.", discussion=True),
            Option("b", "Second", False, "Not b."),
            Option("c", "Third", True, "Yes, c."),
            Option("d", "Fourth", False, "Not d."),
        ),
    ),
)

_DOCUMENTS = {
    slug: SimpleNamespace(
        label=f"Document {slug.title()}", title=f"The {slug} story", units=units, lang="en", dir="ltr"
    )
    for slug, units in (("alpha", ALPHA), ("beta", BETA), ("gamma", GAMMA))
}
SYNTHETIC_CATALOGUE = SimpleNamespace(get=_DOCUMENTS.__getitem__)


def synthetic_state(exercise: Exercise) -> dict:
    return exercise_state(exercise, SYNTHETIC_CATALOGUE)
