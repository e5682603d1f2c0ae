"""``medialit preview``: the new case study's page builds on its own, again faster, and works with the keyboard."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.keys import arrow_to, press_button, tab_to_listbox

pytestmark = pytest.mark.build
SCORED_FULL = "(id) => document.querySelector(`[data-medialit-id='${id}']`).textContent.includes('1 of 1')"


def test_preview_refuses_an_unknown_case_study(medialit):
    done = medialit("preview", "nothing", "--no-serve")
    assert done.code == 2 and "medialit new-case" in done.err


@pytest.fixture
def preview(workspace, medialit, harbour):
    done = medialit("preview", harbour, "--no-serve")
    assert done.code == 0, done.err
    page = workspace / "book" / "_preview" / "harbour" / "_build" / "html" / "cases" / "harbour.html"
    assert done.out.strip().endswith(str(page))
    return page


def test_preview_builds_only_the_case_study_and_reuses_the_build(workspace, medialit, preview):
    html = preview.parents[1]
    assert sorted(
        p.relative_to(html).as_posix()
        for p in html.rglob("*.html")
        if not p.relative_to(html).as_posix().startswith("_")
    ) == ["cases/harbour.html", "genindex.html", "index.html", "search.html"]
    assert "book/_preview/" in (workspace / ".gitignore").read_text(encoding="utf-8").splitlines()
    written = preview.stat().st_mtime_ns
    assert medialit("preview", "harbour", "--no-serve").code == 0
    assert preview.stat().st_mtime_ns == written  # nothing changed, nothing rewritten
    exercise = workspace / "exercises" / "harbour-disclaimer.yaml"
    exercise.write_text(
        exercise.read_text(encoding="utf-8").replace("Disclaimers usually", "They often"), encoding="utf-8"
    )
    assert medialit("preview", "harbour", "--no-serve").code == 0
    assert preview.stat().st_mtime_ns != written and "They often sit" in preview.read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_new_exercises_are_solved_with_the_keyboard(preview, serve, page):
    server = serve(preview.parents[1])
    page.goto(f"{server.url}/cases/harbour.html")
    for exercise_id, sentences, extra in [
        ("harbour-sourcing", ["THE HARBOUR POST"], None),
        ("harbour-contradictions", ["THE HARBOUR POST", "Insiders say"], "Add pair"),
        ("harbour-disclaimer", [], "There is none"),
    ]:
        if sentences:
            tab_to_listbox(page, exercise_id)
            for text in sentences:
                arrow_to(page, text)
                page.keyboard.press("Space")
        if extra:
            press_button(page, exercise_id, extra)
        press_button(page, exercise_id, "Check")
        page.wait_for_function(SCORED_FULL, arg=exercise_id)
    sidebar = page.inner_text(".bd-sidebar-primary") + page.inner_text(".bd-header-article")
    assert "Your progress" in sidebar and not [w for w in ("null", "undefined", "NaN") if w in sidebar], sidebar
    assert page.external_requests == []
    assert page.console_errors == []


def test_preview_reports_exercise_errors_as_validate_does_on_every_run(workspace, medialit, harbour):
    exercise = workspace / "exercises" / "harbour-sourcing.yaml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace('"THE HARBOUR POST — local news"', '"THE HARBOUR POST - local news"'), "utf-8")
    (expected,) = [p for p in medialit("validate").out.split("\n" + str(workspace)) if "targets[0].quote" in p]
    for _ in range(2):  # the second run says it again, though nothing changed
        done = medialit("preview", "harbour", "--no-serve")
        assert done.code == 1
        assert (
            expected.strip() in done.err and "fix: the nearest passage is 'THE HARBOUR POST — local news'" in done.err
        )
        assert f"{exercise}:" in done.err and ": error: targets[0].quote: the quote" in done.err
        assert "the page was not built" in done.err
        for noise in ("Traceback", "book/_preview", "WARNING", "sphinx", "Running Jupyter-Book"):
            assert noise not in done.err + done.out


def test_preview_names_a_misspelt_id_on_the_authors_page(workspace, medialit, harbour):
    page = workspace / "book" / "cases" / "harbour.md"
    page.write_text(page.read_text(encoding="utf-8").replace("} harbour-disclaimer", "} harbour-disclaim"), "utf-8")
    line = next(n for n, t in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if "harbour-disclaim" in t)
    done = medialit("preview", "harbour", "--no-serve")
    assert done.code == 1 and "Traceback" not in done.err and "book/_preview" not in done.err
    assert f"{page}:{line}: error: {{medialit-exercise}}: there is no exercise 'harbour-disclaim'" in done.err
    assert "fix: did you mean 'harbour-disclaimer' (harbour-disclaimer.yaml)?" in done.err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Running:
    """A ``medialit preview`` serving in a child process, its output read line by line."""

    def __init__(self, workspace, port: int):
        command = [sys.executable, "-u", "-m", "medialit", "--root", str(workspace), "preview", "harbour"]
        self.process = subprocess.Popen(
            [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.out: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def serving(self, timeout: float = 300) -> str:
        """The URL it serves, once it says so."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, self.process.stderr.read() if self.process.stderr else ""
                continue
            self.out.append(line)
            if line.startswith("Serving the preview on "):
                return line.split()[4]
        raise AssertionError(f"no server after {timeout} s: {self.out}")

    def stop(self) -> str:
        """Stop it; its standard error."""
        self.process.terminate()
        _, err = self.process.communicate(timeout=30)
        return err


def test_two_previews_run_side_by_side_on_two_ports(workspace, harbour):
    port = _free_port()
    first = _Running(workspace, port)
    try:
        first_url = first.serving()
        second = _Running(workspace, port)
        try:
            second_url = second.serving()
            for url in (first_url, second_url):  # both answer
                with urllib.request.urlopen(url, timeout=30) as response:
                    assert response.status == 200 and "harbour-sourcing" in response.read().decode("utf-8")
        finally:
            second_err = second.stop()
    finally:
        first_err = first.stop()
    assert first_url == f"http://127.0.0.1:{port}/cases/harbour.html"
    assert not any("busy" in line for line in first.out)
    other = int(second_url.split(":")[2].split("/")[0])
    assert other != port and second_url == f"http://127.0.0.1:{other}/cases/harbour.html"
    assert f"Port {port} is busy (another preview or program uses it), so this preview uses port {other}.\n" in (
        second.out
    )
    assert "Traceback" not in first_err + second_err and "OSError" not in first_err + second_err
