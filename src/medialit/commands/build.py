"""``medialit build``: build the book clean with Jupyter Book (as ``make build`` does), and optionally zip the site.

The book runs its lab page at build time in a Jupyter kernel named ``medialit``. The build brings that kernel with
it (a kernel spec for this Python, on ``$JUPYTER_PATH`` for the build only), so an installation from a wheel needs
no ``ipykernel install`` step.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medialit.modes import Mode
from medialit.project import Project
from medialit.sitezip import write_site_zip

__all__ = ["BUILD_FLAGS", "DEFAULT_ZIP", "KERNEL", "build_book", "html_folder"]

HELP = "Build the book (a static website in book/_build/html); with --zip, also write it as one zip file to host."

DEFAULT_ZIP = Path("_build") / "medialit-site.zip"
"""Where ``--zip`` writes, relative to the book folder."""

BUILD_FLAGS = ("--all", "-W", "-n", "--keep-going")
"""How every build of the book runs Jupyter Book: all files, warnings as errors, nitpicky, every error reported."""
KERNEL = "medialit"
"""The kernel the book's notebook pages name in their front matter."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this sub-command."""
    parser.add_argument(
        "--zip",
        nargs="?",
        const=True,
        default=None,
        metavar="PATH",
        help="also write the site as one zip, to unpack on a web server or open from disk "
        "(default PATH: book/_build/medialit-site.zip)",
    )
    parser.add_argument(
        "--mode",
        choices=[mode.value for mode in Mode],
        default=None,
        help="learn (self-study, the default) or exam (answers recorded for hand-in, no key shipped)",
    )


def run(args: argparse.Namespace) -> int:
    """Build; 0 on success, 1 if the book did not build (Jupyter Book's messages are shown above)."""
    project = Project.at(args.root) if args.root else Project.find()
    started = time.perf_counter()
    if build_book(project, mode=args.mode) != 0:
        print("medialit build: the book did not build; see the messages above", file=sys.stderr)
        return 1
    html = html_folder(project)
    print(f"Built the book in {time.perf_counter() - started:.0f} s: {html / 'index.html'}")
    if args.zip is not None:
        target = project.book / DEFAULT_ZIP if args.zip is True else Path(args.zip)
        print(f"Wrote the site as one zip: {write_site_zip(html, target)}")
    return 0


def html_folder(project: Project) -> Path:
    """Where the built site is."""
    return project.book / "_build" / "html"


def build_book(project: Project, *, mode: str | None = None) -> int:
    """Build ``project``'s book clean in a child process (its output goes to this terminal); its exit code."""
    shutil.rmtree(project.book / "_build", ignore_errors=True)
    command = [
        sys.executable,
        "-c",
        "import sys; from jupyter_book.cli.main import main; sys.argv[0] = 'jupyter-book'; main()",
        "build",
        str(project.book),
        *BUILD_FLAGS,
    ]
    with tempfile.TemporaryDirectory(prefix="medialit-kernel-") as jupyter:
        env = {**os.environ, "JUPYTER_PATH": os.pathsep.join(filter(None, [jupyter, os.environ.get("JUPYTER_PATH")]))}
        if mode is not None:
            env["MEDIALIT_MODE"] = mode
        _write_kernel_spec(Path(jupyter))
        sys.stdout.flush()
        return subprocess.run(command, env=env, check=False).returncode


def _write_kernel_spec(jupyter: Path) -> None:
    """A kernel spec named :data:`KERNEL` that runs this Python, under ``jupyter/kernels/``."""
    folder = jupyter / "kernels" / KERNEL
    folder.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (medialit)",
        "language": "python",
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
