"""``medialit preview``: build one case study's chapter page on its own and serve it on 127.0.0.1."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import time
from pathlib import Path
from typing import Any

from medialit.authoring.preview import ignore_in_git, prepare, remove
from medialit.authoring.register import AuthoringError
from medialit.course import find_project

HELP = (
    "Build one case study's page quickly (again faster, reusing the last build) and serve it on 127.0.0.1; "
    "with --no-serve, print where the page was written."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("slug", help="the case study, as given to `medialit new-case --slug`")
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001; 0 picks a free one)")
    parser.add_argument("--no-serve", action="store_true", help="build, print the page's path and stop")
    parser.add_argument("--fresh", action="store_true", help="forget the last build and start from scratch")


def run(args: argparse.Namespace) -> int:
    """Build (and serve); 0 on success, 1 if the build failed, 2 if there is no such case study."""
    project = find_project(args.root)
    if args.fresh:
        remove(project, args.slug)
    try:
        preview = prepare(project, args.slug)
    except AuthoringError as error:
        print(f"medialit preview: {error}", file=sys.stderr)
        return 2
    ignore_in_git(project)
    started = time.perf_counter()
    done = preview.build()
    problems = [line for line in (done.stdout + done.stderr).splitlines() if "WARNING" in line or "ERROR" in line]
    for line in problems:
        print(line, file=sys.stderr)
    if done.returncode != 0 or not (preview.html / preview.page).is_file():
        print(done.stdout[-3000:] + done.stderr[-3000:], file=sys.stderr)
        print(
            f"medialit preview: the page of {args.slug!r} did not build; run `medialit validate` first", file=sys.stderr
        )
        return 1
    print(f"Built {args.slug} in {time.perf_counter() - started:.1f} s")
    if args.no_serve:
        print(preview.html / preview.page)
        return 0
    return _serve(preview.html, preview.page.as_posix(), args.port)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serve(folder: Path, page: str, port: int) -> int:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(
            f"Serving the preview on http://127.0.0.1:{httpd.server_address[1]}/{page}  (Ctrl-C stops it)", flush=True
        )
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
    return 0
