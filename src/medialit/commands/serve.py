"""``medialit serve``: serve the built book on 127.0.0.1 until Ctrl+C."""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import http.server
from pathlib import Path
from typing import Any

from medialit.errors import MedialitError
from medialit.project import Project

__all__ = ["serve_folder"]

HELP = "Serve the built book on http://127.0.0.1:PORT/ (run `medialit build` first); Ctrl+C stops it."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 0 then. A missing build or a busy port is a :class:`MedialitError`."""
    if not 0 <= args.port <= 65535:
        raise MedialitError(f"--port {args.port} is not a port number (0 to 65535)")
    project = Project.at(args.root) if args.root else Project.find()
    html = project.book / "_build" / "html"
    if not (html / "index.html").is_file():
        raise MedialitError(f"the book is not built yet (no {html / 'index.html'}): run `medialit build` first")
    serve_folder(html, args.port)
    return 0


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_folder(folder: Path, port: int) -> None:
    """Serve ``folder`` on 127.0.0.1:``port`` until Ctrl+C."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise MedialitError(
                f"port {port} on 127.0.0.1 is busy (another program uses it); pick another one with --port"
            ) from None
        if error.errno == errno.EACCES:
            raise MedialitError(f"port {port} needs special rights; pick one above 1023 with --port") from None
        raise
    with httpd:
        print(f"Serving the book at http://127.0.0.1:{httpd.server_address[1]}/  (Ctrl+C stops it)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
