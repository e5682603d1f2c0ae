"""Build the book clean, serve it on 127.0.0.1 and measure its pages in headless Chromium.

Prints the build time; the first-load bytes of every exercise page against a plain page of the same book; the time
from navigation start until the first exercise's Check button exists; the time from Check to feedback. Every request
that leaves the machine is aborted and counted. Figures are printed, never asserted. Goals: bytes ratio ≤ 1.02,
interactive ≤ 0.5 s, Check to feedback ≤ 16 ms.

    .venv/bin/python benchmarks/book_bench.py [--loads 10] [--checks 20] [--html DIR] [--quick]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medialit.commands.build import BUILD_FLAGS

ROOT = Path(__file__).resolve().parents[1]
PLAIN_PAGE = "glossary.html"
CHECK_PAGE = "disclaimer.html"
EXERCISE = "[data-medialit-id]"

WATCH_INTERACTIVE = """
(() => {
  const selector = "[data-medialit-id] button.ml-check";
  const seen = () => {
    if (window.__mlInteractive === undefined && document.querySelector(selector)) {
      window.__mlInteractive = performance.now();
    }
    return window.__mlInteractive !== undefined;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
  const frame = () => { if (!seen()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();
"""

TIME_CHECK = """
(exercise) => new Promise((resolve) => {
  const watched = [...exercise.querySelectorAll(".ml-status, .ml-feedback")];
  let started = 0;
  const observer = new MutationObserver((mutations) => {
    const hit = mutations.some((m) => watched.some((w) => w === m.target || w.contains(m.target)));
    if (hit && watched.some((w) => w.textContent.trim())) {
      observer.disconnect();
      resolve(performance.now() - started);
    }
  });
  observer.observe(exercise, { childList: true, subtree: true, characterData: true });
  started = performance.now();
  exercise.querySelector("button.ml-check").click();
})
"""

TRY_AGAIN = """
(exercise) => new Promise((resolve) => {
  exercise.querySelector("button.ml-again").click();
  requestAnimationFrame(() => requestAnimationFrame(resolve));
})
"""


def build(output: Path) -> tuple[Path, float]:
    """Build the book clean into ``output`` with the command the tests use; the HTML folder and the seconds taken."""
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(ROOT / "book"),
        *BUILD_FLAGS,
        "--path-output",
        str(output),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, env={**os.environ, "MEDIALIT_MODE": "learn"}, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"the book did not build:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return output / "_build" / "html", seconds


def exercise_pages(html_root: Path) -> list[str]:
    """Pages that hold at least one exercise placeholder, relative to ``html_root``."""
    return sorted(
        path.relative_to(html_root).as_posix()
        for path in html_root.rglob("*.html")
        if 'class="medialit-exercise"' in path.read_text(encoding="utf-8")
    )


class Browser:
    """Headless Chromium whose pages reach 127.0.0.1 only; ``external`` counts the requests it aborted."""

    def __init__(self, playwright, args: list[str], local: tuple[str, ...]) -> None:
        executable = shutil.which("chromium") or "/usr/bin/chromium"
        self.browser = playwright.chromium.launch(executable_path=executable, args=args)
        self.leaving = re.compile("^(?!" + "|".join(map(re.escape, local)) + ")")
        self.external = 0

    def page(self):
        """A page in a fresh context (empty cache and storage), guarded against external requests.

        Only requests that leave the machine are routed (and aborted), so local ones are not slowed down.
        """
        page = self.browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

        def abort(route) -> None:
            self.external += 1
            route.abort()

        page.route(self.leaving, abort)
        return page

    def close(self) -> None:
        self.browser.close()


def first_load_bytes(browser: Browser, url: str) -> int:
    """Total body bytes of every response a cold load of ``url`` fetched."""
    page = browser.page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    total = 0
    for response in responses:
        if response.url.startswith("http") and 200 <= response.status < 300:
            total += len(response.body())
    page.context.close()
    return total


def time_to_interactive(browser: Browser, url: str) -> tuple[float, float]:
    """Seconds from navigation start until the first exercise's Check button exists, and until DOMContentLoaded
    (a cold load)."""
    page = browser.page()
    page.add_init_script(WATCH_INTERACTIVE)
    page.goto(url, wait_until="load")
    page.wait_for_function("window.__mlInteractive !== undefined", timeout=10_000)
    interactive, loaded = page.evaluate(
        "[window.__mlInteractive, performance.getEntriesByType('navigation')[0].domContentLoadedEventStart]"
    )
    page.context.close()
    return interactive / 1000, loaded / 1000


def check_to_feedback(browser: Browser, url: str, checks: int) -> list[float]:
    """Milliseconds from a click on Check until the feedback changes, ``checks`` times, with Try again in between."""
    page = browser.page()
    page.goto(url, wait_until="load")
    page.wait_for_selector(f"{EXERCISE} button.ml-check")
    exercise = page.locator(EXERCISE).first
    exercise.locator('[role="listbox"] [role="option"]').first.click()
    handle = exercise.element_handle()
    found = []
    for _ in range(checks):
        found.append(page.evaluate(TIME_CHECK, handle))
        page.evaluate(TRY_AGAIN, handle)
    page.context.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=10, help="cold loads to time (median)")
    parser.add_argument("--checks", type=int, default=20, help="Check clicks to time (median)")
    parser.add_argument("--html", type=Path, help="measure this built book instead of building one")
    parser.add_argument("--quick", action="store_true", help="3 loads and 5 checks")
    args = parser.parse_args(argv)
    if args.quick:
        args.loads, args.checks = 3, 5
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS, LOCAL_PREFIXES, StaticServer

    work = None
    if args.html:
        html_root, build_seconds = args.html, None
    else:
        work = Path(tempfile.mkdtemp(prefix="medialit-book-bench-"))
        html_root, build_seconds = build(work)
        print(f"build: {build_seconds:.1f} s (clean, jupyter-book build --all -W -n)")
    server = StaticServer(html_root)
    try:
        with sync_playwright() as playwright:
            browser = Browser(playwright, CHROMIUM_ARGS, LOCAL_PREFIXES)
            plain = first_load_bytes(browser, f"{server.url}/{PLAIN_PAGE}")
            print(f"first load of {PLAIN_PAGE} (plain page): {plain / 1024:.0f} KB")
            ratios = {}
            for name in exercise_pages(html_root):
                size = first_load_bytes(browser, f"{server.url}/{name}")
                ratios[name] = size / plain
                print(f"first load of {name}: {size / 1024:.0f} KB, ratio {ratios[name]:.3f}")
            loads = [time_to_interactive(browser, f"{server.url}/{CHECK_PAGE}") for _ in range(args.loads)]
            checks = check_to_feedback(browser, f"{server.url}/{CHECK_PAGE}", args.checks)
            browser.close()
            print(f"requests leaving the machine (aborted): {browser.external}")
    finally:
        server.close()
        if work is not None:
            shutil.rmtree(work)
    rows = [
        (f"bytes {CHECK_PAGE} / {PLAIN_PAGE}", f"{ratios[CHECK_PAGE]:.3f}", "≤ 1.02"),
        ("bytes, worst exercise page / plain", f"{max(ratios.values()):.3f} ({max(ratios, key=ratios.get)})", "≤ 1.02"),
        (f"interactive, cold, median of {len(loads)}", f"{statistics.median(i for i, _ in loads):.3f} s", "≤ 0.5 s"),
        ("  of which DOMContentLoaded (theme)", f"{statistics.median(d for _, d in loads):.3f} s", "-"),
        ("  of which after DOMContentLoaded", f"{statistics.median(i - d for i, d in loads):.3f} s", "-"),
        (f"Check to feedback, median of {len(checks)}", f"{statistics.median(checks):.1f} ms", "≤ 16 ms"),
    ]
    if build_seconds is not None:
        rows.insert(0, ("clean build", f"{build_seconds:.1f} s", "-"))
    width = max(len(r[0]) for r in rows)
    print(f"\n{'figure':<{width}}  {'measured':<30}  goal")
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<30}  {goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
