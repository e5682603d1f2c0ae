"""The package in Chromium against scorm-again's real runtime, for SCORM 1.2 and 2004: a learner solves exercises with
the keyboard on three pages of the book inside the launcher; the runtime holds the score, the completion, one
interaction per exercise and the answers in suspend_data, in one session that ends only when the launcher is left; a
new runtime started from what the platform saved shows the book where the learner left it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Error as PlaywrightError

from medialit import scoring
from medialit.scorm import ScormVersion
from medialit.scorm.package import book_manifest
from tests.browser.test_every_exercise import page_states, wait_for_recorded, wait_for_score
from tests.conftest import axe_violations
from tests.keys import enter_answer, press_in

pytestmark = [pytest.mark.build, pytest.mark.browser]

SOLVED = {  # page → exercises solved there, in this order
    "cases/bus-thread.html": ["bus-thread-sourcing", "bus-thread-contradictions", "bus-thread-disclaimer"],
    "lab.html": ["lab-ledger"],
    "check-a.html": ["check-a-contradictions"],  # under the assessment setting: recorded, no score
}
CMI = {
    ScormVersion.V1_2: {
        "raw": "API.cmi.core.score.raw",
        "max": "API.cmi.core.score.max",
        "status": "API.cmi.core.lesson_status",
        "exit": "JSON.parse(JSON.stringify(API.cmi)).core.exit",  # write-only: read as the platform stores it
        "response": "student_response",
        "api": "API",
    },
    ScormVersion.V2004: {
        "raw": "API_1484_11.cmi.score.raw",
        "max": "API_1484_11.cmi.score.max",
        "status": "API_1484_11.cmi.completion_status",
        "exit": "JSON.parse(JSON.stringify(API_1484_11.cmi)).exit",
        "response": "learner_response",
        "api": "API_1484_11",
    },
}


class InFrame:
    """The page's keyboard with a frame's evaluate, so that the keyboard helpers drive a page inside the launcher."""

    def __init__(self, page, frame):
        self.keyboard = page.keyboard
        self.evaluate = frame.evaluate
        self.wait_for_function = frame.wait_for_function


def book_frame(page):
    """The frame of the book's page inside the launcher, once its exercises are ready."""
    for _ in range(200):
        frame = page.frame(name="medialit-book")  # the frame's id, as Playwright names it
        if frame is not None and frame.url.endswith(".html"):
            return frame
        page.wait_for_timeout(100)
    pytest.fail(f"the launcher showed no page of the book: {[f.url for f in page.frames]} {page.console_errors}")


def go(page, base: str, name: str):
    """Open the book's page ``name`` inside the launcher (as a link in the book would), wait for its exercises."""
    for _ in range(100):  # the launcher opens index.html, which forwards to the first page: let it settle
        frame = book_frame(page)
        try:
            if not frame.url.endswith("/index.html") and frame.evaluate("() => document.readyState === 'complete'"):
                break
        except PlaywrightError:
            pass
        page.wait_for_timeout(100)
    frame.evaluate("(url) => { window.location.href = url; }", f"{base}/course/{name}")
    for _ in range(100):
        frame = book_frame(page)
        try:
            ready = frame.url.endswith(name) and frame.evaluate(
                "() => document.readyState === 'complete' && [...document.querySelectorAll('[data-medialit-id]')]"
                ".every((el) => el.dataset.medialitReady && el.querySelector('.ml-status'))"
            )
        except PlaywrightError:  # still on its way to the page
            ready = False
        if ready:
            return frame
        page.wait_for_timeout(100)
    pytest.fail(f"{name} did not open inside the launcher")


def open_platform(page, site, version, saved=None):
    if saved is not None:
        page.add_init_script(f"window.SAVED = {json.dumps(saved)};")
    page.goto(site.platform(version))
    return book_frame(page)


def solve(page, frame, state, exercise) -> None:
    driver = InFrame(page, frame)
    frame.locator("body").focus()
    frame.evaluate("() => document.body.focus()")
    enter_answer(driver, state, scoring.examples(exercise).correct)
    press_in(driver, state["id"], "button.ml-check")
    if state["key"] is None:  # no key in the book: recorded, never scored in the page
        frame.wait_for_function(
            "(id) => document.querySelector(`[data-medialit-id='${id}'] .ml-status`)?.textContent"
            ".startsWith('Answer recorded')",
            arg=state["id"],
            timeout=5000,
        )
    else:
        maximum = scoring.max_score(exercise)
        wait_for_score(frame, state["id"], maximum, maximum)


@pytest.mark.parametrize("version", list(ScormVersion), ids=lambda v: f"scorm-{v}")
def test_a_learner_works_through_the_launcher_and_resumes_in_a_new_runtime(
    version, scorm_site, built_book, page_factory, exercise_set
):
    cmi = CMI[version]
    states = {s["id"]: s for ss in page_states(built_book).values() for s in ss}
    entries = book_manifest(built_book)["exercises"]
    page = page_factory(viewport={"width": 1280, "height": 1000})
    open_platform(page, scorm_site, version)
    base = f"{scorm_site.url}/{version}"

    for name, ids in SOLVED.items():
        frame = go(page, base, name)
        for exercise_id in ids:
            solve(page, frame, states[exercise_id], exercise_set.get(exercise_id))

    # The runtime's data model, once the launcher has reported the last check.
    scored = [e for e in entries if e["max_score"] is not None]
    points = sum(e["max_score"] for e in scored if any(e["id"] in ids for ids in SOLVED.values()))
    percent = round(100 * points / sum(e["max_score"] for e in scored), 2)
    solved = [i for ids in SOLVED.values() for i in ids]
    page.wait_for_function(
        f"() => Number({cmi['raw']}) === {percent} "
        f"&& {cmi['api']}.cmi.interactions.childArray.length === {len(solved)}",
        timeout=5000,
    )
    data = page.evaluate(
        f"""() => ({{
          max: {cmi["max"]}, status: {cmi["status"]}, calls: window.CALLS,
          suspend: {cmi["api"]}.cmi.suspend_data,
          interactions: Object.values(JSON.parse(JSON.stringify({cmi["api"]}.cmi)).interactions).map((i) => ({{
            id: i.id, response: i.{cmi["response"]}, result: i.result, weighting: i.weighting }})),
        }})"""
    )
    assert data["max"] == "100" and data["status"] == "incomplete"
    if version is ScormVersion.V2004:
        scaled = page.evaluate("() => [API_1484_11.cmi.score.scaled, API_1484_11.cmi.success_status]")
        assert scaled == [str(round(percent / 100, 4)), "unknown"]  # no passing score given: no success status
    assert data["calls"]["initialize"] == 1 and data["calls"]["finish"] == 0  # three pages, one session
    assert data["calls"]["commit"] >= len(solved)
    assert [i["id"] for i in data["interactions"]] == solved
    for interaction in data["interactions"]:
        exercise = exercise_set.get(interaction["id"])
        assert json.loads(interaction["response"]) == scoring.examples(exercise).correct
        if states[interaction["id"]]["attempts"] == 1:
            assert interaction["result"] == "" and interaction["weighting"] == ""  # no key, no score
        else:
            maximum = scoring.max_score(exercise)
            assert float(interaction["result"]) == maximum and float(interaction["weighting"]) == maximum
    assert data["suspend"].startswith("1[") and len(data["suspend"]) < 1000

    # Leaving the launcher ends the session, once, with the answers kept for the next one.
    page.evaluate("() => document.getElementById('sco').remove()")
    page.wait_for_function("() => window.CALLS.finish === 1", timeout=5000)
    exit_value = page.evaluate(f"() => {cmi['exit']}")
    assert exit_value == "suspend"
    saved = page.evaluate(
        f"""() => {{
          const cmi = {cmi["api"]}.cmi;
          return {json.dumps(version)} === "1.2"
            ? {{ core: {{ student_id: cmi.core.student_id, student_name: cmi.core.student_name,
                          lesson_status: cmi.core.lesson_status, lesson_location: cmi.core.lesson_location,
                          entry: "resume" }},
                 suspend_data: cmi.suspend_data }}
            : {{ learner_id: cmi.learner_id, learner_name: cmi.learner_name, entry: "resume",
                 completion_status: cmi.completion_status, location: cmi.location,
                 suspend_data: cmi.suspend_data }};
        }}"""
    )
    assert saved["suspend_data"] == data["suspend"]
    assert page.external_requests == [] and page.console_errors == []

    last = list(SOLVED)[-1]
    assert (saved["core"]["lesson_location"] if version is ScormVersion.V1_2 else saved["location"]) == last

    # A new runtime, started from what the platform kept: the book opens where the learner was, and every answer is
    # back, on every page.
    again = page_factory(viewport={"width": 1280, "height": 1000})
    assert open_platform(again, scorm_site, version, saved).url == f"{base}/course/{last}"
    for name, ids in reversed(SOLVED.items()):
        frame = go(again, base, name)
        for exercise_id in ids:
            if states[exercise_id]["attempts"] == 1:
                wait_for_recorded(frame, exercise_id)
            else:
                maximum = scoring.max_score(exercise_set.get(exercise_id))
                wait_for_score(frame, exercise_id, maximum, maximum)
    summary = frame.locator(".ml-progress-count").first.text_content()
    assert summary == f"{len(solved)} of {len(entries)} exercises done"
    # The platform names the learner and keeps the answers: no switching learner, no removing them from the browser.
    name = "Doe, Jane" if version is ScormVersion.V1_2 else "Jane Doe"
    assert frame.locator(".ml-learner-who").first.text_content() == f"You are: {name}"
    assert frame.locator("button.ml-switch, button.ml-finish").count() == 0
    assert again.evaluate("() => window.CALLS") == {"initialize": 1, "commit": 1, "finish": 0}
    assert again.evaluate(f"() => {cmi['api']}.cmi.suspend_data") == data["suspend"]
    assert again.external_requests == [] and again.console_errors == []


@pytest.mark.parametrize("version", list(ScormVersion), ids=lambda v: f"scorm-{v}")
def test_an_exam_package_reports_answers_and_completion_but_no_score(version, scorm_exam_site, page, exercise_set):
    cmi = CMI[version]
    open_platform(page, scorm_exam_site, version)
    frame = go(page, f"{scorm_exam_site.url}/{version}", "final-challenge.html")
    states = {
        s["id"]: s
        for s in (
            json.loads(el)
            for el in frame.eval_on_selector_all("script.medialit-state", "els => els.map(e => e.textContent)")
        )
    }
    state = states["final-lake-disclaimer"]
    assert state["key"] is None
    solve(page, frame, state, exercise_set.get("final-lake-disclaimer"))
    page.wait_for_function(f"() => {cmi['api']}.cmi.interactions.childArray.length === 1", timeout=5000)
    data = page.evaluate(
        f"""() => {{
          const cmi = JSON.parse(JSON.stringify({cmi["api"]}.cmi));
          return {{ raw: {cmi["raw"]}, status: {cmi["status"]}, interaction: Object.values(cmi.interactions)[0] }};
        }}"""
    )
    assert data["raw"] == "" and data["status"] == "incomplete"
    interaction = data["interaction"]
    assert interaction["id"] == "final-lake-disclaimer" and interaction["result"] == ""
    exercise = exercise_set.get("final-lake-disclaimer")
    expected = scoring.parse(exercise, scoring.examples(exercise).correct)
    assert scoring.parse(exercise, json.loads(interaction[cmi["response"]])) == expected
    assert page.external_requests == [] and page.console_errors == []


def test_without_a_platform_the_launcher_shows_the_book_from_local_storage(scorm_site, page, built_book, exercise_set):
    page.goto(f"{scorm_site.url}/1.2/course/scorm/launcher.html")
    frame = go(page, f"{scorm_site.url}/1.2", "lab.html")
    state = next(s for s in page_states(built_book)["lab.html"] if s["id"] == "lab-ledger")
    solve(page, frame, state, exercise_set.get("lab-ledger"))
    kept = frame.evaluate("() => Object.keys(localStorage).filter((k) => k.includes(':lab-ledger:'))")
    assert len(kept) == 1
    assert page.locator("#medialit-launcher-status").text_content() == ""
    assert axe_violations(page) == []
    assert page.external_requests == [] and page.console_errors == []


def test_an_answer_that_does_not_fit_scorm_1_2_is_refused_and_said(scorm_site, page_factory, built_book, exercise_set):
    entries = book_manifest(built_book)["exercises"]
    # Saved data 4,090 characters long: a first answer naming a long text (kept as written: not an id).
    filler = {"choices": ["x" * 4000]}
    suspend = "1" + json.dumps([0, [0, {"=": filler}]], separators=(",", ":"))
    suspend = suspend.replace("x" * 4000, "x" * (4000 + 4090 - len(suspend)))
    assert len(suspend) == 4090 and entries[0]["page"] != "lab.html"
    saved = {"core": {"student_id": "s-17", "student_name": "Doe, Jane", "entry": "resume"}, "suspend_data": suspend}
    page = page_factory(viewport={"width": 1280, "height": 1000})
    open_platform(page, scorm_site, ScormVersion.V1_2, saved)
    frame = go(page, f"{scorm_site.url}/1.2", "lab.html")
    state = next(s for s in page_states(built_book)["lab.html"] if s["id"] == "lab-ledger")
    solve(page, frame, state, exercise_set.get("lab-ledger"))
    alert = frame.locator("[data-medialit-id='lab-ledger'] .medialit-save-alert [role=alert]")
    alert.wait_for(timeout=5000)
    assert "this answer is not saved" in alert.text_content()
    page.wait_for_timeout(300)  # the launcher reports 100 ms after a change: nothing was reported
    assert page.evaluate("() => [API.cmi.suspend_data, window.CALLS.commit]") == [suspend, 1]
    assert page.external_requests == [] and page.console_errors == []


def test_answers_the_platform_does_not_take_are_said_above_the_book(scorm_site, page, built_book, exercise_set):
    open_platform(page, scorm_site, ScormVersion.V2004)
    page.evaluate(
        "() => { const real = API_1484_11.SetValue.bind(API_1484_11);"
        " API_1484_11.SetValue = (k, v) => (k === 'cmi.suspend_data' ? 'false' : real(k, v)); }"
    )
    frame = go(page, f"{scorm_site.url}/2004", "lab.html")
    state = next(s for s in page_states(built_book)["lab.html"] if s["id"] == "lab-ledger")
    solve(page, frame, state, exercise_set.get("lab-ledger"))
    status = page.frame_locator("#sco").locator("#medialit-launcher-status")
    status.filter(has_text="did not save").wait_for(timeout=5000)
    assert status.text_content() == (
        "Your learning platform did not save your latest answers. "
        "To keep a copy, download your answers from My results."
    )
    assert page.external_requests == [] and page.console_errors == []
