"""``medialit author``: key a case study's exercises by clicking, in a local page with live validation."""

from __future__ import annotations

import argparse
import contextlib
import errno
import threading
import webbrowser

from medialit.errors import MedialitError

HELP = (
    "Key a case study's exercises by clicking its sentences, in a page served on 127.0.0.1 with live validation; "
    "saves ordinary exercise YAML."
)

DEFAULT_PORT = 8002
"""The port tried first; a busy one makes the server take a free one."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("slug", help="the case study, as given to `medialit new-case --slug`")
    parser.add_argument("--exercise", help="open this exercise (its id or file name) at once")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port on 127.0.0.1 (default: {DEFAULT_PORT}; a busy one is replaced by a free one)",
    )
    parser.add_argument("--no-browser", action="store_true", help="print the address, do not open a browser")


def run(args: argparse.Namespace) -> int:
    """Serve the authoring page until Ctrl+C; 0 then."""
    from medialit.author.server import AuthorServer
    from medialit.author.workspace import Workspace

    if not 0 <= args.port <= 65535:
        raise MedialitError(f"--port {args.port} is not a port number (0 to 65535)")
    workspace = Workspace.open(args.root, args.slug)
    exercise = _exercise_file(workspace.listing(), args.exercise) if args.exercise else None
    try:
        server = AuthorServer(workspace, args.port)
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        server = AuthorServer(workspace, 0)
        print(f"Port {args.port} is busy; using {server.port} instead.")
    with server:
        url = server.url(exercise)
        print(f"Keying {workspace.document.label} ({args.slug}) on {url}", flush=True)
        print("Only this address opens the page. Ctrl+C stops the server.", flush=True)
        if not args.no_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


def _exercise_file(listing: list[dict[str, object]], wanted: str) -> str:
    """The file of the exercise ``wanted`` (an id or a file name) among the case study's exercises."""
    for entry in listing:
        if wanted in (entry["id"], entry["file"]):
            return str(entry["file"])
    known = ", ".join(str(e["id"]) for e in listing) or "none"
    raise MedialitError(f"the case study has no exercise {wanted!r} (its exercises: {known})")
