"""The package's imsmanifest.xml: the structure each SCORM version requires, one SCO (the launcher), and every file of
the zip listed while every listed file is in the zip. And the package refuses a book that is missing or out of date."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from medialit.cli import main
from medialit.scorm import PackageError, ScormVersion, build_package

pytestmark = pytest.mark.build

ADLCP = {
    ScormVersion.V1_2: "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    ScormVersion.V2004: "http://www.adlnet.org/xsd/adlcp_v1p3",
}
CONTENT = {
    ScormVersion.V1_2: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    ScormVersion.V2004: "http://www.imsglobal.org/xsd/imscp_v1p1",
}
SCHEMA_VERSION = {ScormVersion.V1_2: "1.2", ScormVersion.V2004: "2004 4th Edition"}
SCORM_TYPE = {ScormVersion.V1_2: "scormtype", ScormVersion.V2004: "scormType"}


@pytest.mark.parametrize("version", list(ScormVersion), ids=lambda v: f"scorm-{v}")
def test_the_manifest_has_one_sco_that_lists_every_file(version, scorm_site):
    with zipfile.ZipFile(scorm_site.packages[version]) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("imsmanifest.xml"))
    ns = {"c": CONTENT[version]}
    assert root.tag == f"{{{CONTENT[version]}}}manifest"
    assert root.findtext("c:metadata/c:schema", namespaces=ns) == "ADL SCORM"
    assert root.findtext("c:metadata/c:schemaversion", namespaces=ns) == SCHEMA_VERSION[version]
    organizations = root.find("c:organizations", ns)
    assert organizations is not None
    (organization,) = organizations.findall("c:organization", ns)
    assert organizations.get("default") == organization.get("identifier")
    (item,) = organization.findall("c:item", ns)
    assert item.findtext("c:title", namespaces=ns) == "Media literacy"
    (resource,) = root.findall("c:resources/c:resource", ns)
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get(f"{{{ADLCP[version]}}}{SCORM_TYPE[version]}") == "sco"
    assert resource.get("type") == "webcontent" and resource.get("href") == "scorm/launcher.html"
    listed = [unquote(f.get("href", "")) for f in resource.findall("c:file", ns)]
    assert len(listed) == len(set(listed))
    assert set(listed) == names - {"imsmanifest.xml"}  # every file listed, every listed file there
    assert {"scorm/launcher.html", "scorm/launcher.js", "scorm/codec.js", "scorm/learners.js", "index.html"} <= names
    assert not any(n.startswith(".doctrees/") or n == ".buildinfo" for n in names)


def test_the_package_carries_the_books_manifest_and_the_version(scorm_site, built_book):
    for version in ScormVersion:
        with zipfile.ZipFile(scorm_site.packages[version]) as archive:
            script = archive.read("scorm/book.js").decode()
        book, settings = (json.loads(line.split(" = ", 1)[1].rstrip(";")) for line in script.splitlines())
        assert settings["version"] == str(version) and settings["start"] == "../index.html"
        assert [e["max_score"] for e in settings["exercises"]] == [e["max_score"] for e in book["exercises"]]
        assert len(settings["exercises"]) == len(book["exercises"]) > 0


def test_the_command_writes_the_package(built_book, tmp_path, capsys, exercise_set):
    output = tmp_path / "course.zip"
    assert main(["package", "--scorm", "2004", "--html", str(built_book), "-o", str(output)]) == 0
    count = len(
        json.loads((built_book / "_static/medialit/progress.js").read_text().split(" = ", 1)[1].split(";\n")[0])[
            "exercises"
        ]
    )
    assert f"Wrote the SCORM 2004 package of {count} exercises" in capsys.readouterr().out
    with zipfile.ZipFile(output) as archive:
        assert b"2004 4th Edition" in archive.read("imsmanifest.xml")


def test_a_missing_book_is_refused_with_what_to_do(tmp_path, exercise_set, capsys):
    with pytest.raises(PackageError, match="build the book first"):
        build_package(tmp_path, ScormVersion.V1_2, tmp_path / "course.zip", exercise_set)
    assert main(["package", "--scorm", "1.2", "--html", str(tmp_path), "-o", str(tmp_path / "c.zip")]) == 2
    assert "build the book first" in capsys.readouterr().err
    assert not (tmp_path / "c.zip").exists()


def test_a_book_built_from_other_exercises_is_refused(built_book, tmp_path, exercise_set):
    html = tmp_path / "html"
    script = html / "_static" / "medialit" / "progress.js"
    script.parent.mkdir(parents=True)
    first, rest = (built_book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8").split("\n", 1)
    book = json.loads(first[len("window.MEDIALIT_BOOK = ") : -1])
    book["exercises"][3]["content_hash"] = "0" * 16
    script.write_text(f"window.MEDIALIT_BOOK = {json.dumps(book)};\n{rest}", encoding="utf-8")
    name = book["exercises"][3]["id"]
    with pytest.raises(PackageError, match=f"exercise '{name}' differs from exercises/: build the book again"):
        build_package(html, ScormVersion.V1_2, tmp_path / "course.zip", exercise_set)
    script.write_text("window.MEDIALIT_BOOK = {oops};\n", encoding="utf-8")
    with pytest.raises(PackageError, match="cannot be read"):
        build_package(html, ScormVersion.V1_2, tmp_path / "course.zip", exercise_set)
    assert not (tmp_path / "course.zip").exists()


def test_the_launcher_files_are_package_data():
    from importlib import resources

    folder = resources.files("medialit").joinpath("scorm")
    for name in ("launcher.html", "launcher.js", "codec.js"):
        assert folder.joinpath(name).is_file(), name
    assert Path(str(folder.joinpath("launcher.html"))).read_text(encoding="utf-8").count("<script src=") == 4
