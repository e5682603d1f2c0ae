"""One sweep over every page of the built book in Chromium, shared by the tests that check every page.

Each page is opened once per theme. The light pass opens every page in a fresh browser context (a cold cache, so the
bytes counted are first-load bytes) and records the bytes of every response, the requests that leave the machine
(aborted), the console and page errors, the serious and critical axe-core violations, and how far the page scrolls
sideways at 1280 px. The dark pass opens every page again in one context with the dark theme stored and a 320 px wide
screen, as a reader moving through the book on a small phone would, and records the theme shown, the console and page
errors, the requests that leave the machine and how far the page scrolls sideways.

A page counts as loaded when its load event has fired, its fonts are ready, the book's own deferred scripts have run
(the progress indicator they add is on the page) and no request has been in flight for :data:`QUIET_MS`.

The sweep runs once per test run: alone, it is kept in memory for the session; under pytest-xdist, the workers that
ask for it share its parts out through the folder they share (see :func:`shared_sweep`), so a worker never waits
idle for a sweep another one is running, and none sweeps a page another has swept.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import AXE, goto_book_page, guard

VIEWPORT = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}
"""The dark pass's screen: the narrowest phone the book is laid out for."""
QUIET_MS = 100
"""How long no request may be in flight before a page counts as loaded."""
POLL_MS = 20
SETTLE_TIMEOUT_MS = 15_000
SHARED_TIMEOUT_S = 20 * 60
"""How long a worker waits for the parts of the shared sweep other workers took."""
AXE_IMPACTS = ("serious", "critical")

Record = dict[str, Any]
_swept: dict[str, Record] = {}


def every_page(html: Path) -> list[str]:
    """Every HTML page of the built book, relative to its folder, except files in folders whose names start with ``_``.

    This is every page any of the sweeping tests checks: the search page and the index of terms included.
    """
    return sorted(
        path.relative_to(html).as_posix()
        for path in html.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(html).parts)
    )


def has_progress(name: str) -> bool:
    """Printable worksheets and the simulated web pages are pages of their own, without the book's progress."""
    return not name.startswith(("teachers/worksheets/", "web/"))


class InFlight:
    """The requests a page has sent and not yet seen finish or fail."""

    def __init__(self, page) -> None:
        self.requests: set[Any] = set()
        page.on("request", lambda request: self.requests.add(request))
        page.on("requestfinished", lambda request: self.requests.discard(request))
        page.on("requestfailed", lambda request: self.requests.discard(request))

    def wait_for_quiet(self, page) -> None:
        """Return once no request has been in flight for ``QUIET_MS``; fail after ``SETTLE_TIMEOUT_MS``."""
        deadline = time.monotonic() + SETTLE_TIMEOUT_MS / 1000
        quiet_since = None
        while True:
            now = time.monotonic()
            if self.requests:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= QUIET_MS / 1000:
                return
            if now > deadline:
                urls = sorted(request.url for request in self.requests)
                raise TimeoutError(f"requests still in flight after {SETTLE_TIMEOUT_MS} ms: {urls}")
            page.wait_for_timeout(POLL_MS)  # lets Playwright deliver the page's events


def open_and_settle(page, in_flight: InFlight, base: str, name: str) -> None:
    """Open ``name`` and wait until it has loaded: load event, fonts, the book's deferred scripts, no request."""
    goto_book_page(page, base, name)
    page.evaluate("document.fonts.ready.then(() => true)")
    if has_progress(name):
        page.locator(".medialit-progress").wait_for(state="attached", timeout=SETTLE_TIMEOUT_MS)
    in_flight.wait_for_quiet(page)


def overflow(page) -> int:
    """How many pixels the page scrolls sideways (0 when it fits the screen's width)."""
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations of the current page, as ``tests.conftest.axe_violations`` reports them.

    axe is evaluated from the DevTools side, which a page's Content-Security-Policy does not govern, so the printable
    worksheets, which forbid every script, are checked as readers get them.
    """
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make test`, which installs it with npm ci")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in found
        if v["impact"] in AXE_IMPACTS
    ]


def light_visit(browser, html: Path, base: str, name: str) -> Record:
    """Open ``name`` in a fresh context; its response bytes by path, requests outside, errors, axe violations and
    sideways scroll."""
    context = browser.new_context(viewport=VIEWPORT)
    record: Record = {"sizes": {}, "bad_responses": [], "failure": None, "axe": [], "overflow": None}
    sizes: dict[str, int] = {}
    try:
        page = context.new_page()
        guard(page)
        in_flight = InFlight(page)

        # The local server sends each file as it is on disk (no compression), so a response's size is its file's size.
        def count(response) -> None:
            if not response.url.startswith(base):
                return
            path = response.url[len(base) :]
            if response.status != 200:
                record["bad_responses"].append(f"{path}: HTTP {response.status}")
                return
            sizes[path] = (html / unquote(urlsplit(response.url).path).lstrip("/")).stat().st_size

        page.on("response", count)
        try:
            open_and_settle(page, in_flight, base, name)
            record["sizes"] = dict(sizes)  # the bytes of the load, before axe runs
            record["overflow"] = overflow(page)
            record["axe"] = axe_violations(page)
        except Exception as error:  # the page is reported as failed by every test that checks it
            record["failure"] = f"{type(error).__name__}: {error}"
            record["sizes"] = dict(sizes)
        record["external_requests"] = list(page.external_requests)
        record["console_errors"] = list(page.console_errors)
    finally:
        context.close()
    return record


def dark_pass(browser, base: str, names: list[str]) -> dict[str, Record]:
    """Open every page in turn in one narrow context with the dark theme stored; the theme shown, requests outside,
    errors and sideways scroll."""
    context = browser.new_context(viewport=NARROW)
    context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    records: dict[str, Record] = {}
    try:
        page = context.new_page()
        guard(page)
        in_flight = InFlight(page)
        for name in names:
            page.external_requests.clear()
            page.console_errors.clear()
            failure = None
            try:
                open_and_settle(page, in_flight, base, name)
            except Exception as error:
                failure = f"{type(error).__name__}: {error}"
            records[name] = {
                "failure": failure,
                "theme": None if failure else page.evaluate("document.documentElement.dataset.theme ?? null"),
                "overflow": None if failure else overflow(page),
                "external_requests": list(page.external_requests),
                "console_errors": list(page.console_errors),
            }
    finally:
        context.close()
    return records


def sweep(html: Path, base: str, browser) -> Record:
    """Every page of the book at ``html``, served at ``base``, opened in ``browser``: the light and the dark pass."""
    names = every_page(html)
    light = {name: light_visit(browser, html, base, name) for name in names}
    return {"pages": names, "light": light, "dark": dark_pass(browser, base, names)}


def shared_sweep(html: Path, base: str, browser, folder: Path) -> Record:
    """The sweep, its parts shared out among the pytest-xdist workers that ask for it through ``folder``.

    The parts are the dark pass and each page's light visit. A worker takes every part no worker has taken yet (by
    creating its claim file), writes each part's record when done, then waits for the parts the others took.
    """
    names = every_page(html)
    folder.mkdir(exist_ok=True)
    parts = ["dark", *(f"light-{index:03d}" for index in range(len(names)))]
    for part in parts:
        try:
            os.close(os.open(folder / f"{part}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        record: Record
        try:
            if part == "dark":
                record = dark_pass(browser, base, names)
            else:
                record = light_visit(browser, html, base, names[int(part.removeprefix("light-"))])
        except Exception as error:  # the other workers are told instead of waiting for the part
            record = {"sweep_error": f"{type(error).__name__}: {error}"}
        written = folder / f"{part}.json.part"
        written.write_text(json.dumps(record), encoding="utf-8")
        written.replace(folder / f"{part}.json")
    deadline = time.monotonic() + SHARED_TIMEOUT_S
    while not all((folder / f"{part}.json").is_file() for part in parts):
        if time.monotonic() > deadline:
            missing = [part for part in parts if not (folder / f"{part}.json").is_file()]
            pytest.fail(f"parts of the shared sweep were not done in {SHARED_TIMEOUT_S} s: {missing}")
        time.sleep(0.2)
    done = {part: json.loads((folder / f"{part}.json").read_text(encoding="utf-8")) for part in parts}
    errors = {part: record["sweep_error"] for part, record in done.items() if "sweep_error" in record}
    if errors:
        pytest.fail(f"parts of the shared sweep failed: {errors}")
    light = {name: done[f"light-{index:03d}"] for index, name in enumerate(names)}
    return {"pages": names, "light": light, "dark": done["dark"]}


def swept_book(built_book: Path, book_server, browser, tmp_path_factory) -> Record:
    """The sweep of the built book, run at most once per test run (see the module's description)."""
    key = str(built_book)
    if key not in _swept:
        if "PYTEST_XDIST_WORKER" not in os.environ:
            _swept[key] = sweep(built_book, book_server.url, browser)
        else:
            # Named after the build: workers share the sweep of a shared build, and sweep builds of their own alone.
            digest = hashlib.sha256(key.encode()).hexdigest()[:16]
            folder = tmp_path_factory.getbasetemp().parent / f"book-sweep-{digest}"
            _swept[key] = shared_sweep(built_book, book_server.url, browser, folder)
    return _swept[key]


def failures(record: Record, names: list[str], *keys: str) -> dict[str, dict[str, Any]]:
    """For each of ``names`` the swept page misses or whose ``keys`` are not empty: the page and those entries."""
    found = {}
    for name in names:
        if name not in record:
            found[name] = {"failure": "not swept"}
            continue
        bad = {key: record[name][key] for key in ("failure", *keys) if record[name][key]}
        if bad:
            found[name] = bad
    return found
