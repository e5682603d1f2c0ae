"""The authoring page's server: 127.0.0.1 only, a random token per run, and only the page's own requests.

``GET /?token=TOKEN`` is the page (``page.html``); ``GET /static/NAME`` its script and styles and the widget's bundle;
every ``POST /api/NAME`` carries the token in the ``X-Medialit-Token`` header (compared with
:func:`hmac.compare_digest`) and a JSON body. A request whose ``Host`` is not this server's address, or whose
``Origin`` is another site's, is refused whatever it carries, so that no other page can reach the server.
"""

from __future__ import annotations

import hmac
import html
import http.server
import json
import secrets
import sys
import threading
from collections.abc import Callable
from functools import cache
from importlib import resources
from string import Template
from typing import Any
from urllib.parse import parse_qs, urlsplit

from medialit.author.workspace import AuthorError, Workspace
from medialit.errors import MedialitError
from medialit.frontend import bundle

__all__ = ["TOKEN_HEADER", "AuthorServer"]

TOKEN_HEADER = "X-Medialit-Token"
"""The header every POST carries the run's token in."""

MAX_BODY = 2_000_000
"""Largest request body accepted, in bytes."""

POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The page's content security policy: nothing but this server."""

_STATIC = {
    "author.js": ("author", "author.js", "text/javascript"),
    "author.css": ("author", "author.css", "text/css"),
    "widget.css": ("static", "widget.css", "text/css"),
}


@cache
def _package_text(folder: str, name: str) -> str:
    return resources.files("medialit").joinpath(folder, name).read_text(encoding="utf-8")


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class AuthorServer(http.server.ThreadingHTTPServer):
    """The server of one ``medialit author`` run."""

    daemon_threads = True

    def __init__(self, workspace: Workspace, port: int = 0) -> None:
        self.workspace = workspace
        self.token = secrets.token_urlsafe(24)
        self.lock = threading.Lock()  # one check or save at a time: they share the files' cache
        super().__init__(("127.0.0.1", port), _Handler)
        threading.Thread(target=self._warm, daemon=True).start()

    def _warm(self) -> None:
        """Read the other exercise files now, so that the page's first check is as quick as the next ones."""
        with self.lock:
            self.workspace.files.exercises()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self.server_address[1])

    @property
    def origins(self) -> tuple[str, ...]:
        """The page's own origins."""
        return (f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}")

    def url(self, exercise: str | None = None) -> str:
        """The page's address, token included (and the exercise to open first)."""
        return f"{self.origins[0]}/?token={self.token}" + (f"&exercise={exercise}" if exercise else "")


def _draft(body: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    name, data = body.get("file"), body.get("data")
    if name is not None and not isinstance(name, str):
        raise _Refused(400, "`file` must be a file name")
    if not isinstance(data, dict):
        raise _Refused(400, "`data` must be an exercise")
    return name or None, data


def _problems(checked: Any) -> list[dict[str, Any]]:
    return [p.as_dict() for p in checked.problems]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: AuthorServer
    server_version = "medialit-author"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows only what medialit prints

    # -- checks -----------------------------------------------------------------------------------------------
    def _own_host(self) -> None:
        host = self.headers.get("Host", "")
        if f"http://{host}" not in self.server.origins:
            raise _Refused(403, "this server answers only to its own address")
        origin = self.headers.get("Origin")
        if origin is not None and origin not in self.server.origins:
            raise _Refused(403, "requests from other sites are refused")

    def _token_given(self, given: str | None) -> None:
        if given is None or not hmac.compare_digest(given.encode("utf-8"), self.server.token.encode("utf-8")):
            raise _Refused(403, "open the address `medialit author` printed: it holds this run's token")

    # -- answers ----------------------------------------------------------------------------------------------
    def _send(self, status: int, body: str, content_type: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False), "application/json")

    def _refuse(self, refused: _Refused) -> None:
        if self.command == "POST":
            self._json(refused.status, {"error": str(refused)})
        else:
            self._send(refused.status, str(refused) + "\n", "text/plain")

    def do_GET(self) -> None:
        try:
            self._own_host()
            url = urlsplit(self.path)
            if url.path == "/":
                query = parse_qs(url.query)
                self._token_given(next(iter(query.get("token", [])), None))
                self._send(200, self._page(next(iter(query.get("exercise", [])), "")), "text/html")
            elif url.path == "/static/bundle.js":
                self._send(200, bundle(), "text/javascript")
            elif url.path.startswith("/static/") and url.path[len("/static/") :] in _STATIC:
                folder, name, content_type = _STATIC[url.path[len("/static/") :]]
                self._send(200, _package_text(folder, name), content_type)
            else:
                raise _Refused(404, "not found")
        except _Refused as refused:
            self._refuse(refused)

    def _page(self, exercise: str) -> str:
        workspace = self.server.workspace
        values = {
            "token": self.server.token,
            "slug": workspace.slug,
            "label": workspace.document.label,
            "title": workspace.document.title,
            "exercise": exercise,
        }
        return Template(_package_text("author", "page.html")).substitute(
            {name: html.escape(value, quote=True) for name, value in values.items()}
        )

    def do_POST(self) -> None:
        try:
            self._own_host()
            self._token_given(self.headers.get(TOKEN_HEADER))
            if not self.headers.get("Content-Type", "").startswith("application/json"):
                raise _Refused(415, "send JSON")
            size = int(self.headers.get("Content-Length") or 0)
            if not 0 <= size <= MAX_BODY:
                raise _Refused(413, "the request is too large")
            try:
                body = json.loads(self.rfile.read(size) or b"{}")
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise _Refused(400, "the request is not JSON") from None
            if not isinstance(body, dict):
                raise _Refused(400, "the request is not a JSON object")
            action = self._actions().get(urlsplit(self.path).path)
            if action is None:
                raise _Refused(404, "not found")
            with self.server.lock:
                answer = action(body)
            self._json(200, answer)
        except _Refused as refused:
            self._refuse(refused)
        except (AuthorError, MedialitError, OSError) as error:
            self._json(409, {"error": " ".join(str(error).split())})
        except Exception as error:  # a bug: the page says so, and the server goes on serving
            text = " ".join(f"{type(error).__name__}: {error}".split())
            print(f"medialit author: internal error ({text}); this is a bug in medialit", file=sys.stderr)
            self._json(500, {"error": f"internal error ({text}); this is a bug in medialit: please report it"})

    def _actions(self) -> dict[str, Callable[[dict[str, Any]], Any]]:
        return {
            "/api/open": self._open,
            "/api/exercise": self._exercise,
            "/api/validate": self._validate,
            "/api/save": self._save,
        }

    def _open(self, body: dict[str, Any]) -> Any:
        workspace = self.server.workspace
        return {"text": workspace.text(), "exercises": workspace.listing(), **workspace.choices()}

    def _exercise(self, body: dict[str, Any]) -> Any:
        name = body.get("file")
        if not isinstance(name, str):
            raise _Refused(400, "`file` must be a file name")
        return {"file": name, "data": self.server.workspace.read(name)}

    def _validate(self, body: dict[str, Any]) -> Any:
        name, data = _draft(body)
        checked, state = self.server.workspace.check(name, data)
        return {"problems": _problems(checked), "state": state}

    def _save(self, body: dict[str, Any]) -> Any:
        name, data = _draft(body)
        saved = self.server.workspace.save(name, data)
        root = self.server.workspace.project.root.resolve()
        print("Saved " + " and ".join(str(p.relative_to(root)) for p in saved.written), flush=True)
        return {
            "file": saved.file,
            "written": [str(p.relative_to(root)) for p in saved.written],
            "problems": _problems(saved.checked),
            "exercises": self.server.workspace.listing(),
        }
