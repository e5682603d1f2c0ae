"""A copy of the project with the harbour case study added by ``new-case``, and ``medialit author`` serving it."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import Any

import pytest

from medialit.author.server import TOKEN_HEADER, AuthorServer
from medialit.author.workspace import Workspace
from medialit.project import Project
from tests.authoring.conftest import harbour, medialit, workspace  # noqa: F401  (fixtures shared with authoring)


@dataclass
class Answer:
    """One HTTP answer of the server."""

    status: int
    body: Any


@dataclass
class Running:
    """A running authoring server and a client for it."""

    server: AuthorServer

    @property
    def port(self) -> int:
        return self.server.port

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Answer:
        """Send a request; POST bodies are JSON and carry the token unless ``headers`` say otherwise."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.port}"}
        data = None
        if method == "POST":
            sent |= {"Content-Type": "application/json", TOKEN_HEADER: self.server.token}
            data = json.dumps(body if body is not None else {}).encode("utf-8")
        sent |= headers or {}
        sent = {k: v for k, v in sent.items() if v is not None}
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        raw = response.read().decode("utf-8")
        connection.close()
        kind = response.getheader("Content-Type", "")
        return Answer(response.status, json.loads(raw) if kind.startswith("application/json") else raw)

    def post(self, path: str, body: Any = None, **headers: str) -> Answer:
        return self.request("POST", path, body, {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.fixture
def author(workspace, harbour):  # noqa: F811  (the imported fixtures)
    """``medialit author harbour`` serving the copy of the project, in a thread."""
    server = AuthorServer(Workspace(Project.at(workspace), harbour), 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Running(server)
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def author_command(workspace, harbour):  # noqa: F811  (the imported fixtures)
    """``medialit author harbour --exercise harbour-sourcing --no-browser`` run as a command; the address it prints."""
    command = [sys.executable, "-m", "medialit", "--root", str(workspace), "author", harbour]
    child = subprocess.Popen(
        [*command, "--exercise", f"{harbour}-sourcing", "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = child.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        assert found, line + child.stderr.read()
        assert found[0].endswith(f"&exercise={harbour}-sourcing.yaml")
        yield found[0]
    finally:
        child.terminate()
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
