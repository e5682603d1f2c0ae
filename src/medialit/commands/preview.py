"""``medialit preview``: build one case study's chapter page on its own and serve it on 127.0.0.1.

Before it builds, the preview checks the page's exercises the way ``medialit validate`` does and reports their errors
in the same words (file, line, field, fix), so a broken exercise never turns into a page of build log; every run says
it again, even when nothing has changed since the last one. A busy port is no error: the preview takes the next free
one and says so, so two previews can run side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import http.server
import re
import sys
import time
from pathlib import Path
from typing import Any

from medialit.authoring.preview import Preview, ignore_in_git, prepare, remove
from medialit.authoring.register import AuthoringError
from medialit.commands.validate_book import directives, page_problems
from medialit.course import Course, find_project
from medialit.errors import MedialitError, ProjectError
from medialit.problems import Problem, Severity
from medialit.project import Project

HELP = (
    "Build one case study's page quickly (again faster, reusing the last build) and serve it on 127.0.0.1 (the next "
    "free port if the one asked for is busy); with --no-serve, print where the page was written."
)

TRIES = 20
"""Ports tried after the one asked for, one by one, before any free port is taken."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("slug", help="the case study, as given to `medialit new-case --slug`")
    parser.add_argument(
        "--port",
        type=int,
        default=8001,
        help="port on 127.0.0.1 (default: 8001; when it is busy, the next free one; 0 picks any free one)",
    )
    parser.add_argument("--no-serve", action="store_true", help="build, print the page's path and stop")
    parser.add_argument("--fresh", action="store_true", help="forget the last build and start from scratch")


def run(args: argparse.Namespace) -> int:
    """Check, build (and serve); 0 on success, 1 if the page's exercises have errors or the build failed, 2 if there
    is no such case study."""
    if not 0 <= args.port <= 65535:
        raise MedialitError(f"--port {args.port} is not a port number (0 to 65535)")
    project = find_project(args.root)
    if args.fresh:
        remove(project, args.slug)
    try:
        preview = prepare(project, args.slug)
    except AuthoringError as error:
        print(f"medialit preview: {error}", file=sys.stderr)
        return 2
    ignore_in_git(project)
    page = project.book / "cases" / f"{args.slug}.md"
    problems = _problems(project, page)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        print(
            f"medialit preview: {len(errors)} error{'s' if len(errors) != 1 else ''} in the exercises of {page.name}; "
            "the page was not built. Fix them (`medialit validate` checks the whole book).",
            file=sys.stderr,
        )
        return 1
    warnings = len(problems) - len(errors)
    if warnings:
        print(
            f"{warnings} warning{'s' if warnings != 1 else ''} (TODOs left and the like): "
            "`medialit validate` lists them"
        )
    started = time.perf_counter()
    done = preview.build()
    built = done.returncode == 0 and (preview.html / preview.page).is_file()
    log = _build_problems(preview, page, done.stdout + done.stderr, failed=not built)
    for problem in log:
        print(problem, file=sys.stderr)
    if not built:
        print(f"medialit preview: the page of {args.slug!r} did not build", file=sys.stderr)
        return 1
    print(f"Built {args.slug} in {time.perf_counter() - started:.1f} s")
    if args.no_serve:
        print(preview.html / preview.page)
        return 0
    return _serve(preview.html, preview.page.as_posix(), args.port)


def _problems(project: Project, page: Path) -> list[Problem]:
    """The problems of the catalogue, of the exercises ``page`` shows, and of the page's exercise directives."""
    try:
        course = Course.load(project.root, strict=False)
    except ProjectError as error:
        if not error.problems:
            raise
        return list(error.problems)
    shown = {d.exercise_id for d in directives(page)}
    files = {Path(e.source) for e in course.exercises.exercises if e.id in shown}
    mine = [
        p
        for p in course.exercises.problems
        if Path(p.file) in files
        or any(f"'{exercise_id}'" in p.message for exercise_id in shown)
        or _file_id(Path(p.file)) in shown
    ]
    return [*mine, *page_problems(page, project.exercises, course.exercises.exercises)]


def _file_id(path: Path) -> str | None:
    """The ``id:`` of an exercise file, read from its text (the file may not be valid YAML)."""
    try:
        found = re.search(r"^id[ \t]*:[ \t]*[\"']?([^\s\"'#]+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    except (OSError, UnicodeDecodeError):
        return None
    return found.group(1) if found else None


_LOG_LINE = re.compile(r"^(?P<file>.+?):(?:(?P<line>\d+):)? (?P<level>WARNING|ERROR|CRITICAL|SEVERE): (?P<message>.*)$")


def _build_problems(preview: Preview, page: Path, log: str, *, failed: bool) -> list[Problem]:
    """The build's warnings and errors, on the author's page instead of the preview's copy of it; when the build
    failed without one, a single line saying so (never the whole log, never a traceback)."""
    copy = str(preview.source / "cases" / page.name)
    found = []
    for line in log.splitlines():
        match = _LOG_LINE.match(line.strip())
        if match is None:
            continue
        where = match["file"].replace(copy, str(page))
        found.append(
            Problem(
                file=where,
                line=int(match["line"]) if match["line"] else None,
                field="",
                message=re.sub(r"\s+", " ", match["message"]).strip(),
                severity=Severity.WARNING if match["level"] == "WARNING" else Severity.ERROR,
            )
        )
    if failed and not found:
        last = next((line.strip() for line in reversed(log.splitlines()) if line.strip()), "no output")
        found.append(
            Problem(
                file=str(page),
                line=None,
                field="",
                message=f"the book build stopped: {last[:300]}",
                fix="run `medialit validate`; if it finds nothing, try `medialit preview --fresh`",
            )
        )
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _bind(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` on ``port``, or on the next free port when it is busy."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    candidates = [port] if port == 0 else [*range(port, min(port + TRIES, 65535) + 1), 0]
    for candidate in candidates:
        try:
            return http.server.ThreadingHTTPServer(("127.0.0.1", candidate), handler)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                continue
            if error.errno == errno.EACCES:
                raise MedialitError(f"port {candidate} needs special rights; pick one above 1023 with --port") from None
            raise MedialitError(f"cannot serve on 127.0.0.1:{candidate}: {error.strerror or error}") from None
    raise MedialitError("no free port on 127.0.0.1; stop another preview, or pick a port with --port")


def _serve(folder: Path, page: str, port: int) -> int:
    httpd = _bind(folder, port)
    with httpd:
        used = httpd.server_address[1]
        if port and used != port:
            print(f"Port {port} is busy (another preview or program uses it), so this preview uses port {used}.")
        print(f"Serving the preview on http://127.0.0.1:{used}/{page}  (Ctrl-C stops it)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
    return 0
