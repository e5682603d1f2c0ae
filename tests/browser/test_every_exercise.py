"""Every exercise on every page of the built book, solved with the keyboard only, and once per type with the mouse."""

from __future__ import annotations

import json
import re

import pytest

from medialit import scoring
from tests.keys import enter_answer, press_in

pytestmark = [pytest.mark.build, pytest.mark.browser]


def page_states(built_book) -> dict[str, list[dict]]:
    """Page → the exercise states on it, in page order."""
    found = {}
    for path in sorted(built_book.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        states = [
            json.loads(s.replace("<\\/", "</"))
            for s in re.findall(
                r'<script type="application/json" class="medialit-state" data-for="[^"]+">(.*?)</script>', html
            )
        ]
        if states:
            found[str(path.relative_to(built_book))] = states
    return found


def points(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(round(value, 2))


def wait_for_score(page, exercise_id: str, score: float, maximum: float) -> None:
    text = f"You scored {points(score)} of {points(maximum)} points."
    if maximum == 0:  # a reflection: recorded, never scored
        text = "Your answer is saved. This question is not scored: read what each view gets right or misses."
    page.wait_for_function(
        "([id, text]) => document.querySelector(`[data-medialit-id='${id}'] .ml-status`)?.textContent === text",
        arg=[exercise_id, text],
        timeout=5000,
    )


def wait_for_recorded(page, exercise_id: str) -> None:
    text = "Answer recorded. This exercise has one attempt: your teacher will give you the feedback."
    page.wait_for_function(
        "([id, text]) => document.querySelector(`[data-medialit-id='${id}'] .ml-status`)?.textContent === text",
        arg=[exercise_id, text],
        timeout=5000,
    )


def test_every_exercise_in_the_book_is_solved_with_the_keyboard_only(built_book, book_server, page, exercise_set):
    solved = []
    for name, states in page_states(built_book).items():
        page.goto(f"{book_server.url}/{name}")
        page.wait_for_selector("section.medialit")
        page.locator("body").focus()
        for state in states:
            exercise = exercise_set.get(state["id"])
            enter_answer(page, state, scoring.examples(exercise).correct)
            press_in(page, state["id"], "button.ml-check")
            if state["attempts"] == 1:  # under the assessment setting: recorded, never scored in the page
                assert state["key"] is None and state["max_score"] is None, state["id"]
                wait_for_recorded(page, state["id"])
            else:
                maximum = scoring.max_score(exercise)
                wait_for_score(page, state["id"], maximum, maximum)
            solved.append(state["id"])
        assert page.external_requests == [] and page.console_errors == [], name
    assert sorted(solved) == sorted({s["id"] for states in page_states(built_book).values() for s in states})
    assert len(solved) >= 25


def test_each_kind_of_exercise_is_solved_with_the_mouse(book_server, page, exercise_set, built_book):
    kinds = {}
    for name, states in page_states(built_book).items():
        for state in states:
            if state["attempts"] == 1:  # assessed: recorded, never scored in the page (the keyboard test covers it)
                continue
            kinds.setdefault(
                (state["type"], bool(state["labels"]), state["allow_none"], state["multiple"]), (name, state)
            )
    assert {kind[0] for kind in kinds} >= {"highlight", "pairs", "choice", "reflection"}
    assert ("highlight", True, False, False) in kinds and ("highlight", False, True, False) in kinds
    for name, state in kinds.values():
        exercise = exercise_set.get(state["id"])
        page.goto(f"{book_server.url}/{name}")
        root = page.locator(f"[data-medialit-id='{state['id']}']")
        answer = scoring.examples(exercise).correct
        if state["type"] in ("choice", "reflection"):
            for option in state["options"]:
                if option["id"] in answer["choices"]:
                    root.get_by_label(option["text"], exact=True).check()
        elif state["type"] == "search":
            for result in answer["evidence"]:
                query = next(q for q in state["search"]["queries"] if result in q["results"])
                root.get_by_role("button", name=query["text"], exact=True).click()
                root.locator(f".ml-search-results input[value='{result}']").check()
            verdict = next(o["text"] for o in state["options"] if o["id"] == answer["verdict"])
            root.locator(".ml-verdicts").get_by_label(verdict, exact=True).check()
        elif state["type"] == "pairs":
            for pair in answer["pairs"]:
                for unit in pair:
                    root.locator(f"[data-unit='{unit}']").click()
                root.get_by_role("button", name="Add pair").click()
        else:
            if answer.get("none"):
                root.get_by_role("button", name="There is none").click()
            kinds: dict[str, list[str]] = {}
            for mark in answer["marks"]:
                kinds.setdefault(mark["unit"], []).append(mark["label"])
            for unit, labels in kinds.items():
                if not state["labels"]:
                    root.locator(f"[data-unit='{unit}']").click()
                for label in state["labels"]:
                    if label["id"] in labels:  # a click selects the sentence or opens its kinds; a tick closes them
                        root.locator(f"[data-unit='{unit}']").click()
                        root.locator(".ml-kinds").get_by_label(label["name"]).check()
        root.get_by_role("button", name="Check").click()
        maximum = scoring.max_score(exercise)
        wait_for_score(page, state["id"], maximum, maximum)
        assert page.external_requests == [] and page.console_errors == [], name
