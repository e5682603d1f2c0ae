"""The SCORM packages of the built book, unpacked and served next to a stand-in platform page (``lms.html``) that runs
scorm-again's real runtime (npm ``scorm-again``, pinned in package.json)."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from medialit.scorm import ScormVersion, build_package
from tests.conftest import ROOT, StaticServer

RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist"
HERE = Path(__file__).parent


@dataclass(frozen=True)
class Site:
    """Packages of one build, served: ``{url}/{version}/lms.html?v={version}`` opens the course in a platform."""

    url: str
    folder: Path
    packages: dict[ScormVersion, Path]

    def platform(self, version: ScormVersion) -> str:
        return f"{self.url}/{version}/lms.html?v={version}"


def make_site(html: Path, folder: Path, exercise_set, serve) -> Site:
    """Package ``html`` in both versions, unpack each under ``folder/<version>/course`` beside the platform page."""
    if not (RUNTIME / "scorm12.min.js").exists():
        pytest.fail("node_modules/scorm-again is missing: run `make test`, which installs it with npm ci")
    packages = {}
    for version in ScormVersion:
        target = folder / str(version)
        package = build_package(html, version, folder / f"course-{version}.zip", exercise_set)
        with zipfile.ZipFile(package.path) as archive:
            archive.extractall(target / "course")
        for name in ("scorm12.min.js", "scorm2004.min.js"):
            shutil.copy(RUNTIME / name, target / name)
        shutil.copy(HERE / "lms.html", target / "lms.html")
        packages[version] = package.path
    server: StaticServer = serve(folder)
    return Site(server.url, folder, packages)


@pytest.fixture(scope="session")
def scorm_site(built_book, tmp_path_factory, exercise_set, serve) -> Site:
    """The learn build, packaged and served."""
    return make_site(built_book, tmp_path_factory.mktemp("scorm"), exercise_set, serve)


@pytest.fixture(scope="session")
def scorm_exam_site(exam_book, tmp_path_factory, exercise_set, serve) -> Site:
    """The exam build (no key), packaged and served."""
    return make_site(exam_book, tmp_path_factory.mktemp("scorm-exam"), exercise_set, serve)
