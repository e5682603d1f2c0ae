"""Build the book clean, serve it on 127.0.0.1 and measure its pages in headless Chromium.

Builds the book twice from the same text: as shipped, and with ``medialit_light`` off (the theme's stock pages:
FontAwesome's script, every stylesheet on every page, the search index everywhere). Prints the first-load bytes of
every exercise page; then, side by side for a plain page and three exercise pages of both builds, the first-load
bytes, DOMContentLoaded and the time until the first exercise's Check button exists (medians of cold loads, the two
builds interleaved), with this book's figure as a ratio of the stock one; and the time from Check to feedback. Every
request that leaves the machine is aborted and counted. Figures are printed, never asserted. Goals: learner pages
≤ 700 KB, interactive ≤ 0.3 s, Check to feedback ≤ 16 ms.

    .venv/bin/python benchmarks/book_bench.py [--loads 10] [--checks 20] [--html DIR] [--stock-html DIR] [--quick]
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


def stock_config(folder: Path) -> Path:
    """The book's configuration with ``medialit_light`` off: the theme's stock pages, from the same text."""
    import yaml

    config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
    settings = config["sphinx"]["config"]
    settings["medialit_light"] = False
    settings["medialit_root"] = str(ROOT)
    path = folder / "_config.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build(output: Path, config: Path | None = None) -> tuple[Path, float]:
    """Build the book clean into ``output`` with the command the tests use (with ``config`` instead of the book's own
    if given); the HTML folder and the seconds taken."""
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(ROOT / "book"),
        *BUILD_FLAGS,
        "--path-output",
        str(output),
        *(("--config", str(config)) if config else ()),
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


def load_times(browser: Browser, url: str, exercise: bool) -> tuple[float, float | None]:
    """Seconds from navigation start until DOMContentLoaded and (``exercise``) until the first exercise's Check
    button exists, for one cold load."""
    page = browser.page()
    page.add_init_script(WATCH_INTERACTIVE)
    page.goto(url, wait_until="load")
    if exercise:
        page.wait_for_function("window.__mlInteractive !== undefined", timeout=10_000)
    interactive, loaded = page.evaluate(
        "[window.__mlInteractive ?? null, performance.getEntriesByType('navigation')[0].domContentLoadedEventStart]"
    )
    page.context.close()
    return loaded / 1000, None if interactive is None else interactive / 1000


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


SIDE_BY_SIDE = (PLAIN_PAGE, CHECK_PAGE, "sourcing.html", "contradictions.html")
"""The pages measured in both builds: a plain page, a one-exercise page and the two pages with most exercises."""


def measure(browser: Browser, base: str, name: str, loads: int) -> dict[str, float | None]:
    """First-load bytes and the medians of ``loads`` cold loads' DOMContentLoaded and first exercise interactive."""
    exercise = name != PLAIN_PAGE
    times = [load_times(browser, f"{base}/{name}", exercise) for _ in range(loads)]
    interactive = [i for _, i in times if i is not None]
    return {
        "bytes": first_load_bytes(browser, f"{base}/{name}"),
        "loaded": statistics.median(d for d, _ in times),
        "interactive": statistics.median(interactive) if interactive else None,
    }


def ratio(ours: float | None, stock: float | None) -> str:
    return "-" if not ours or not stock else f"{ours / stock:.2f}"


def side_by_side(ours: dict[str, dict], stock: dict[str, dict]) -> None:
    """Print this book's pages against the stock theme's pages built from the same text."""
    print(f"\n{'page':<22} {'':>6} {'first load':>11} {'DOMContentLoaded':>17} {'interactive':>12}")
    for name in SIDE_BY_SIDE:
        for label, figures in (("this", ours[name]), ("stock", stock[name])):
            interactive = figures["interactive"]
            print(
                f"{name if label == 'this' else '':<22} {label:>6} {figures['bytes'] / 1024:>8.0f} KB"
                f" {figures['loaded']:>15.3f} s"
                f" {('-' if interactive is None else f'{interactive:.3f} s'):>12}"
            )
        print(
            f"{'':<22} {'ratio':>6} {ratio(ours[name]['bytes'], stock[name]['bytes']):>11}"
            f" {ratio(ours[name]['loaded'], stock[name]['loaded']):>17}"
            f" {ratio(ours[name]['interactive'], stock[name]['interactive']):>12}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=10, help="cold loads to time (median)")
    parser.add_argument("--checks", type=int, default=20, help="Check clicks to time (median)")
    parser.add_argument("--html", type=Path, help="measure this built book instead of building one")
    parser.add_argument("--stock-html", type=Path, help="compare with this stock build instead of building one")
    parser.add_argument("--quick", action="store_true", help="3 loads and 5 checks")
    args = parser.parse_args(argv)
    if args.quick:
        args.loads, args.checks = 3, 5
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS, LOCAL_PREFIXES, StaticServer

    work = Path(tempfile.mkdtemp(prefix="medialit-book-bench-"))
    build_seconds = stock_seconds = None
    try:
        html_root = args.html
        if html_root is None:
            html_root, build_seconds = build(work / "ours")
            print(f"build: {build_seconds:.1f} s (clean, jupyter-book build --all -W -n)")
        stock_root = args.stock_html
        if stock_root is None:
            stock_root, stock_seconds = build(work / "stock", stock_config(work))
            print(f"stock build (medialit_light off): {stock_seconds:.1f} s")
        servers = [StaticServer(html_root), StaticServer(stock_root)]
        try:
            with sync_playwright() as playwright:
                browser = Browser(playwright, CHROMIUM_ARGS, LOCAL_PREFIXES)
                plain = first_load_bytes(browser, f"{servers[0].url}/{PLAIN_PAGE}")
                print(f"first load of {PLAIN_PAGE} (plain page): {plain / 1024:.0f} KB")
                sizes = {}
                for name in exercise_pages(html_root):
                    sizes[name] = first_load_bytes(browser, f"{servers[0].url}/{name}")
                    print(
                        f"first load of {name}: {sizes[name] / 1024:.0f} KB, ratio to plain {sizes[name] / plain:.3f}"
                    )
                # Interleaved, so that a busy moment of the machine falls on both builds alike.
                ours: dict[str, dict] = {}
                stock: dict[str, dict] = {}
                for name in SIDE_BY_SIDE:
                    ours[name] = measure(browser, servers[0].url, name, args.loads)
                    stock[name] = measure(browser, servers[1].url, name, args.loads)
                checks = check_to_feedback(browser, f"{servers[0].url}/{CHECK_PAGE}", args.checks)
                browser.close()
                print(f"requests leaving the machine (aborted): {browser.external}")
        finally:
            for server in servers:
                server.close()
    finally:
        shutil.rmtree(work)
    side_by_side(ours, stock)
    heaviest = max(sizes, key=lambda name: sizes[name])
    rows = [
        ("heaviest exercise page, first load", f"{sizes[heaviest] / 1024:.0f} KB ({heaviest})", "≤ 700 KB"),
        (
            f"{CHECK_PAGE} interactive, cold, median of {args.loads}",
            f"{ours[CHECK_PAGE]['interactive']:.3f} s",
            "≤ 0.3 s",
        ),
        (
            "  of which after DOMContentLoaded",
            f"{ours[CHECK_PAGE]['interactive'] - ours[CHECK_PAGE]['loaded']:.3f} s",
            "-",
        ),
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
