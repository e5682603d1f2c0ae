"""Shared fixtures: the project, a local HTTP server, and Debian's Chromium driven by Playwright.

Every browser page is guarded: requests to anything but 127.0.0.1 / localhost (and data: / blob: URLs) are aborted
and recorded in ``page.external_requests``; console errors are recorded in ``page.console_errors``.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.catalogue import Catalogue
from medialit.commands.build import BUILD_FLAGS
from medialit.exercises import ExerciseSet, load_exercises
from medialit.project import Project

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HEADLESS_CHROMIUM = "chromium-headless-shell"
"""Debian's build of Chromium's headless shell: the same engine as its ``chromium``, without the browser's window
and tabs, which Playwright also uses for headless runs. The tests drive it; ``make bench`` times the full browser."""
LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def catalogue(project: Project) -> Catalogue:
    return Catalogue.load(project.catalogue_path)


@pytest.fixture(scope="session")
def exercise_set(project: Project, catalogue: Catalogue) -> ExerciseSet:
    return load_exercises(project.exercises, catalogue).require_valid()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class StaticServer:
    """A threaded HTTP server for one folder on 127.0.0.1."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture(scope="session")
def serve():
    """``serve(folder)`` → a :class:`StaticServer`; all are closed at the end of the session."""
    servers: list[StaticServer] = []

    def start(folder: Path) -> StaticServer:
        server = StaticServer(folder)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which(HEADLESS_CHROMIUM) or f"/usr/bin/{HEADLESS_CHROMIUM}"
    if not Path(executable).exists():
        pytest.fail(f"Debian's {HEADLESS_CHROMIUM} is not installed: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def guard(page) -> None:
    """Abort and record every request that leaves the machine; record console errors."""
    page.external_requests = []
    page.console_errors = []

    def route(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES) or url.startswith("file:"):
            route.continue_()
        else:
            page.external_requests.append(url)
            route.abort()

    # Every console error counts, the theme's included (medialit.sphinxext.console removes the two it used to log).
    def console(message) -> None:
        if message.type == "error":
            page.console_errors.append(message.text)

    def error(exception) -> None:
        page.console_errors.append(f"pageerror: {exception}")

    page.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", error)


@pytest.fixture
def page_factory(browser) -> Iterator:
    """``page_factory(**context_options)`` → a guarded page in a fresh context."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        guard(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(page_factory):
    """A guarded page at 1280×900."""
    return page_factory(viewport={"width": 1280, "height": 900})


def build_book(output: Path, *, mode: str = "learn", book: Path | None = None) -> Path:
    """Build the Jupyter Book clean into ``output``; returns the HTML folder. Fails the test on any Sphinx warning."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "MEDIALIT_MODE": mode}
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(book or ROOT / "book"),
        *BUILD_FLAGS,
        "--path-output",
        str(output),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        pytest.fail(f"the book did not build ({mode}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return output / "_build" / "html"


def shared_build(tmp_path_factory, name: str, mode: str) -> Path:
    """The book built once per test run in ``mode``, even when pytest-xdist runs the tests in several processes.

    Alone, the build goes into this session's temporary folder. Under xdist, the first worker to ask builds it into
    the folder all workers share, holding a lock; the others wait for the lock and use that build (tests only read
    it).
    """
    import os

    from filelock import FileLock

    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build_book(tmp_path_factory.mktemp(name), mode=mode)
    shared = tmp_path_factory.getbasetemp().parent / name
    done = shared / "built"
    with FileLock(f"{shared}.lock"):
        if not done.is_file():
            shutil.rmtree(shared, ignore_errors=True)
            shared.mkdir()
            build_book(shared, mode=mode)
            done.touch()
    return shared / "_build" / "html"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The real book, built once per test run in learn mode."""
    return shared_build(tmp_path_factory, "book", "learn")


@pytest.fixture(scope="session")
def exam_book(tmp_path_factory) -> Path:
    """The real book, built once per test run in exam mode."""
    return shared_build(tmp_path_factory, "exam-book", "exam")


@pytest.fixture(scope="session")
def book_server(built_book, serve) -> StaticServer:
    """The built book served on 127.0.0.1."""
    return serve(built_book)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """axe-core violations of the given impacts on the current page (axe is injected from node_modules)."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make test`, which installs it with npm ci")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in found
        if v["impact"] in impacts
    ]


def goto_book_page(page, base: str, name: str) -> None:
    """Open the built book's page ``name``; the root ``index.html`` only forwards to the first page, so wait for it."""
    page.goto(f"{base}/{name}", wait_until="load")
    if name == "index.html":
        page.wait_for_url("**/intro.html")
        page.wait_for_load_state("load")
