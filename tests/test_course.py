"""One course loader: what it returns for the real book, and one clear error for everything that stops it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from medialit.cli import main
from medialit.course import Course, ProjectError
from medialit.errors import MedialitError
from medialit.project import ROOT_ENV

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cwd is a folder in no project, and no project is named in the environment."""
    monkeypatch.delenv(ROOT_ENV, raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's seeds, exercises and book, with the cwd inside it."""
    monkeypatch.delenv(ROOT_ENV, raising=False)
    root = tmp_path / "project"
    for name in ("seeds", "exercises", "book"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("_build"))
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["validate", "--format", "json"],
        ["grade", "handin.json", "-o", "out"],
        ["key"],
        ["worksheet", "sourcing"],
    ],
)
def test_outside_a_project_a_command_prints_one_line_and_exits_2(
    argv: list[str], outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"medialit {argv[0]}: no medialit project")
    assert str(outside) in lines[0] and "Traceback" not in captured.err


def test_a_root_that_is_no_project_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "key"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no medialit project in {tmp_path.resolve()}" in err


def test_course_load_outside_a_project_raises_project_error(outside: Path) -> None:
    with pytest.raises(ProjectError) as raised:
        Course.load()
    assert isinstance(raised.value, MedialitError)
    assert raised.value.problems == ()


def test_course_load_returns_the_reading_order_of_the_real_book() -> None:
    course = Course.load(ROOT)
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text(encoding="utf-8"))
    listed = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert [p.name for p in course.pages] == listed
    for page in course.pages:
        source = (ROOT / "book" / f"{page.name}.md").read_text(encoding="utf-8")
        fenced = re.findall(r"^(?:```|~~~)\{(?:medialit-)?exercise\} (\S+)", source, re.MULTILINE)
        assert list(page.exercise_ids) == fenced, page.name
    on_pages = [i for p in course.pages for i in p.exercise_ids]
    assert on_pages, "the book embeds exercises"
    assert set(on_pages) <= set(course.by_id)
    ordered = [e.id for e in course.lesson_order]
    assert ordered[: len(dict.fromkeys(on_pages))] == list(dict.fromkeys(on_pages))
    assert sorted(ordered) == sorted(course.by_id)
    assert course.catalogue.slugs and not course.exercises.errors


def test_course_load_applies_the_pages_assessment_setting(copy: Path) -> None:
    page = copy / "book" / "sourcing.md"
    page.write_text("---\nmedialit-assessment: true\n---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    course = Course.load()
    sourcing = next(p for p in course.pages if p.name == "sourcing")
    assert sourcing.assessment and sourcing.exercise_ids
    for exercise_id in sourcing.exercise_ids:
        assert course.exercise(exercise_id).assessment
    assert not Course.load(ROOT).exercise(sourcing.exercise_ids[0]).assessment


def test_an_unknown_exercise_is_a_project_error_naming_the_known_ones() -> None:
    with pytest.raises(ProjectError, match=r"no exercise 'nope'.*known: .*disclaimer-002"):
        Course.load(ROOT).exercise("nope")


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda text: text + "\n  - : [\n", "not valid YAML"),
        (lambda text: re.sub(r"^(\s*)file: .*$", r"\1file:", text, count=1, flags=re.MULTILINE), "malformed"),
        (lambda text: re.sub(r"^(\s*)file: .*$", "", text, count=1, flags=re.MULTILINE), "incomplete"),
        (lambda text: re.sub(r"sha256: [0-9a-f]+", "sha256: " + "0" * 64, text, count=1), "SHA-256"),
        (lambda text: "documents: 7\n", "malformed"),
    ],
)
def test_a_broken_catalogue_is_one_clear_error(
    copy: Path, damage: object, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = copy / "seeds" / "catalogue.yaml"
    catalogue.write_text(damage(catalogue.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(ProjectError) as raised:
        Course.load()
    assert words in str(raised.value) and str(catalogue) in str(raised.value)
    assert len(raised.value.problems) == 1
    assert main(["key"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("medialit key: ") and words in err
    assert main(["validate", "--format", "json"]) == 1  # validate lists it as a problem, in its own format
    assert words in capsys.readouterr().out


def test_a_catalogue_naming_a_missing_seed_is_one_clear_error(copy: Path) -> None:
    catalogue = copy / "seeds" / "catalogue.yaml"
    first = yaml.safe_load(catalogue.read_text(encoding="utf-8"))["documents"][0]["file"]
    (copy / "seeds" / first).unlink()
    with pytest.raises(ProjectError, match=f"seed file '{re.escape(first)}' is missing"):
        Course.load()


def test_a_broken_exercise_is_one_clear_error(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = copy / "exercises" / "disclaimer-002.yaml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("skill: disclaimer", "skill: gossip", 1), encoding="utf-8")
    with pytest.raises(ProjectError) as raised:
        Course.load()
    message = str(raised.value)
    assert "\n" not in message
    assert re.match(r"the exercise files have \d+ errors? \(first: .*disclaimer-002\.yaml", message), message
    assert "medialit validate" in message
    assert raised.value.problems and all(str(p.file).endswith("disclaimer-002.yaml") for p in raised.value.problems)
    lenient = Course.load(strict=False)
    assert lenient.exercises.errors == raised.value.problems
    assert "disclaimer-002" not in lenient.by_id


def test_a_broken_table_of_contents_is_one_clear_error(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (copy / "book" / "_toc.yml").write_text("root: intro\nparts: [\n", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"_toc\.yml: the table of contents cannot be read"):
        Course.load()
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "table of contents" in err


def test_the_environment_names_the_project(outside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ROOT_ENV, str(ROOT))
    assert Course.load().project.root == ROOT
    monkeypatch.setenv(ROOT_ENV, str(outside))
    with pytest.raises(ProjectError, match="no medialit project in"):
        Course.load()
