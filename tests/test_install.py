"""Installing medialit like any Python tool: ``init``, ``build``, ``serve`` and the site zip.

The heavy test builds the wheel from a copy of the checkout, installs it into a fresh virtual environment (no access
to this one's packages) and runs the commands a teacher would, in an empty folder. The wheels it installs from are
downloaded by pip once into ``~/.cache/medialit-test-wheels``, so this machine's pip settings choose them, and reused
after that. uv installs them: the same wheels as pip would install, in seconds rather than most of a minute.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tomllib
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest
from uv import find_uv_bin

import medialit
from medialit.cli import main
from medialit.commands import build
from medialit.commands.init import COURSE_FOLDERS, course_source, write_course
from medialit.errors import MedialitError
from medialit.sitezip import write_site_zip

ROOT = Path(__file__).resolve().parents[1]
WHEEL_CACHE = Path.home() / ".cache" / "medialit-test-wheels"
HEAVY = ("pandas", "numpy", "matplotlib", "sphinx", "docutils", "jsonschema", "yaml", "jinja2", "anywidget", "myst_nb")
NOT_IN_CHECKOUT_COPY = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "_build", "_preview", "build", "dist", "*.egg-info", "__pycache__", ".stamps"
)


def _imported_by(argv: list[str]) -> set[str]:
    """The modules a fresh Python has imported after ``medialit ARGV`` (which prints help and exits)."""
    code = (
        "import json, sys\n"
        "from medialit.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return {name.split(".")[0] for name in json.loads(done.stderr.strip().splitlines()[-1])}


@pytest.mark.parametrize("argv", [["--help"], ["init", "--help"], ["serve", "--help"]])
def test_help_imports_no_heavy_module(argv):
    imported = _imported_by(argv)
    assert not imported & set(HEAVY), sorted(imported & set(HEAVY))


def test_a_sub_command_help_imports_that_sub_command_only():
    """The control: ``validate --help`` imports what validate needs, so the test above can see an import."""
    assert {"yaml", "jsonschema"} <= _imported_by(["validate", "--help"])


def test_top_level_help_lists_every_sub_command_with_its_own_help(capsys):
    from medialit.cli import COMMANDS

    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    for name, module_name in COMMANDS.items():
        module = __import__(module_name, fromlist=["HELP"])
        assert name in out
        assert " ".join(module.HELP.split())[:30] in out, name


def test_python_dash_m_medialit_prints_the_version():
    done = subprocess.run(
        [sys.executable, "-m", "medialit", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"medialit {medialit.__version__}"


def test_init_writes_the_course_without_build_output(tmp_path):
    target = tmp_path / "course"
    assert main(["init", str(target)]) == 0
    source = course_source()
    for folder in COURSE_FOLDERS:
        written = sorted(p.relative_to(target / folder) for p in (target / folder).rglob("*") if p.is_file())
        expected = sorted(
            p.relative_to(source / folder)
            for p in (source / folder).rglob("*")
            if p.is_file() and not {"_build", "_preview", "__pycache__"} & set(p.relative_to(source).parts)
        )
        assert written == expected, folder
        assert written, folder
    assert (target / "seeds" / "catalogue.yaml").read_bytes() == (source / "seeds" / "catalogue.yaml").read_bytes()
    assert not (target / "book" / "_build").exists()
    assert main(["--root", str(target), "validate"]) == 0


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not empty" in err and "--force" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_force_writes_beside_what_is_there(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "seeds" / "catalogue.yaml").is_file()


def test_init_refuses_a_file(tmp_path):
    path = tmp_path / "course"
    path.write_text("", encoding="utf-8")
    with pytest.raises(MedialitError, match="is a file"):
        write_course(path)


def test_serve_without_a_built_book_says_so_in_one_line(tmp_path, capsys):
    write_course(tmp_path)
    assert main(["--root", str(tmp_path), "serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "medialit build" in err


def test_serve_on_a_busy_port_says_so_in_one_line(tmp_path, capsys):
    write_course(tmp_path)
    html = tmp_path / "book" / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("<p>built</p>", encoding="utf-8")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--root", str(tmp_path), "serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"port {port}" in err and "busy" in err and "Traceback" not in err


def test_the_site_zip_holds_every_file_of_the_site_with_index_html_on_top(tmp_path):
    html = tmp_path / "html"
    (html / "cases").mkdir(parents=True)
    (html / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (html / "cases" / "bridge.html").write_text("<p>bridge</p>", encoding="utf-8")
    target = write_site_zip(html, tmp_path / "out" / "site.zip")
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["cases/bridge.html", "index.html"]
        assert archive.read("cases/bridge.html") == b"<p>bridge</p>"
    assert not list((tmp_path / "out").glob("*.part"))


def test_the_site_zip_leaves_itself_out_when_written_inside_the_site(tmp_path):
    html = tmp_path / "html"
    html.mkdir()
    (html / "index.html").write_text("<p>home</p>", encoding="utf-8")
    write_site_zip(html, html / "site.zip")
    with zipfile.ZipFile(write_site_zip(html, html / "site.zip")) as archive:
        assert archive.namelist() == ["index.html"]


def test_the_site_zip_of_an_unbuilt_book_is_refused(tmp_path):
    with pytest.raises(MedialitError, match="medialit build"):
        write_site_zip(tmp_path, tmp_path / "site.zip")


# The wheel, installed in a fresh environment.


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _clean_env() -> dict[str, str]:
    """This process's environment without what would point a command at the checkout or this environment."""
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "JUPYTER_PATH")
    return {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("MEDIALIT_")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the checkout (without build output, caches or installed packages)."""
    source = tmp_path_factory.mktemp("checkout") / "medialit"
    shutil.copytree(ROOT, source, ignore=NOT_IN_CHECKOUT_COPY)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-w", str(dist)], source, _clean_env())
    (built,) = dist.glob("medialit-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; its ``bin`` folder."""
    env_dir = tmp_path_factory.mktemp("fresh") / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    uv = [find_uv_bin(), "pip", "install", "--quiet", "--python", str(python)]
    install = [*uv, "--no-index", "--find-links", str(WHEEL_CACHE)]
    env = _clean_env()
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    first = subprocess.run([*install, str(wheel)], env=env, capture_output=True, text=True, timeout=900, check=False)
    if first.returncode != 0:  # the cache lacks a dependency: pip downloads what is missing, once
        download = [sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(WHEEL_CACHE), str(wheel)]
        _run(download, env_dir, env)
        for own in WHEEL_CACHE.glob("medialit-*.whl"):
            own.unlink()
        _run([*install, str(wheel)], env_dir, env)
    return env_dir / "bin"


@pytest.mark.build
def test_the_wheel_carries_the_course_and_no_tests(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "medialit/course/seeds/catalogue.yaml" in names
    assert "medialit/course/book/_toc.yml" in names
    assert "medialit/__main__.py" in names
    assert not [n for n in names if n.startswith("tests/") or "/tests/" in n]
    assert not [n for n in names if "/_build/" in n or "/_preview/" in n or "__pycache__" in n]
    exercises = {n.rsplit("/", 1)[1] for n in names if n.startswith("medialit/course/exercises/")}
    assert exercises == {p.name for p in (course_source() / "exercises").iterdir() if p.is_file()}


@pytest.mark.build
def test_the_installed_tool_writes_builds_zips_packages_and_serves_a_course(installed, tmp_path):
    env = _clean_env()
    env["PATH"] = f"{installed}{os.pathsep}{env.get('PATH', '')}"
    command = str(installed / "medialit")
    work = tmp_path / "work"
    work.mkdir()
    version = _run([str(installed / "python"), "-m", "medialit", "--version"], work, env)
    assert version.stdout.strip() == f"medialit {medialit.__version__}"
    where = _run([str(installed / "python"), "-c", "import medialit; print(medialit.__file__)"], work, env)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout

    _run([command, "init", "course"], work, env)
    course = work / "course"
    assert sorted(p.name for p in course.iterdir()) == sorted(COURSE_FOLDERS)
    _run([command, "validate"], course, env)
    _run([command, "build", "--zip"], course, env)
    html = course / "book" / "_build" / "html"
    assert (html / "index.html").is_file()
    assert 'class="medialit-exercise' in (html / "sourcing.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(course / "book" / "_build" / "medialit-site.zip") as archive:
        names = set(archive.namelist())
    assert {"index.html", "sourcing.html", "cases/bridge.html"} <= names
    for version in ("1.2", "2004"):
        package = work / f"course-scorm-{version}.zip"
        _run([command, "package", "--scorm", version, "-o", str(package)], course, env)
        with zipfile.ZipFile(package) as archive:
            names = set(archive.namelist())
        assert {"imsmanifest.xml", "scorm/launcher.html", "sourcing.html"} <= names

    serving = [command, "serve", "--port", "0"]
    with subprocess.Popen(
        serving, cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as server:
        try:
            assert server.stdout is not None
            line = server.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            assert found, line
            with urllib.request.urlopen(f"{found.group(0)}sourcing.html", timeout=30) as response:
                assert response.status == 200
                assert b'class="medialit-exercise' in response.read()
        finally:
            server.terminate()


def test_every_module_the_package_imports_is_a_declared_dependency():
    imported: set[str] = set()
    for path in (ROOT / "src" / "medialit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"medialit"}
    assert {"yaml", "pandas", "sphinx"} <= third_party  # the walk found the imports
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def name(requirement: str) -> str:
        return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]).lower()

    declared = {name(r) for r in project["dependencies"]}
    distributions = importlib.metadata.packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in sorted(third_party)
        if not {name(d) for d in distributions.get(module, [module])} & declared
    }
    assert undeclared == {}


def test_build_runs_jupyter_book_clean_with_a_kernel_of_this_python(tmp_path, monkeypatch, capsys):
    write_course(tmp_path)
    stale = tmp_path / "book" / "_build" / "html" / "old.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("stale", encoding="utf-8")
    seen: dict[str, object] = {}

    def fake_run(command, env, check):
        jupyter = Path(env["JUPYTER_PATH"].split(os.pathsep)[0])
        seen["kernel"] = json.loads((jupyter / "kernels" / "medialit" / "kernel.json").read_text(encoding="utf-8"))
        seen["command"], seen["mode"], seen["stale"] = command, env.get("MEDIALIT_MODE"), stale.exists()
        return subprocess.CompletedProcess(command, 3)

    monkeypatch.setattr(build.subprocess, "run", fake_run)
    assert main(["--root", str(tmp_path), "build", "--mode", "exam"]) == 1
    assert seen["stale"] is False
    assert seen["mode"] == "exam"
    assert seen["kernel"]["argv"][:3] == [sys.executable, "-m", "ipykernel_launcher"]
    command = seen["command"]
    assert isinstance(command, list) and command[0] == sys.executable
    assert command[3:] == ["build", str((tmp_path / "book").resolve()), "--all", "-W", "-n", "--keep-going"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did not build" in err
