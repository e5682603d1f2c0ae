"""The simulated web pages of the search tasks: ``book/web/<id>.yaml``, validated by ``schema/web-page-v1.json`` and
then for what a schema cannot say (the id is the file's name, the host ends in ``.example``, a page about real people
names its sources, links go to pages that exist). :mod:`medialit.sphinxext.web` writes them as HTML."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from medialit.errors import MedialitError
from medialit.problems import Problem
from medialit.yamlfile import YamlFile, field_path

__all__ = [
    "Block",
    "WebLink",
    "WebPage",
    "WebPageError",
    "address_problem",
    "load_page",
    "load_pages",
    "read_pages",
    "web_folder",
]

WEB = ("book", "web")
"""Where a project keeps its simulated pages, relative to its folder."""
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.example$")


class WebPageError(MedialitError):
    """Simulated pages that cannot be used; ``problems`` names each file, line, field and fix."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("simulated web pages have errors:\n" + "\n".join(map(str, problems)))
        self.problems = problems
        """What is wrong, file by file."""


@dataclass(frozen=True)
class Block:
    """One block of a page's body."""

    kind: str
    """``heading``, ``text``, ``list`` or ``quote``."""
    text: str
    """Its text (empty for a list)."""
    items: tuple[str, ...] = ()
    """A list's items."""


@dataclass(frozen=True)
class WebLink:
    """A link from one simulated page to another."""

    page: str
    """The other page's id."""
    text: str
    """The link's text."""


@dataclass(frozen=True)
class WebPage:
    """One simulated web page."""

    id: str
    """Its id, the file's name."""
    address: str
    """The address its fake address bar shows."""
    site: str
    """The site's name."""
    title: str
    """The page's title."""
    genre: str
    """What kind of page it is (about, article, encyclopedia, record, post, results, directory)."""
    fictional: bool
    """Whether everything on it is made up."""
    sources: tuple[str, ...]
    """The sources it names."""
    body: tuple[Block, ...]
    """Its content, in order."""
    links: tuple[WebLink, ...]
    """Its links to other simulated pages."""


def web_folder(project_root: Path) -> Path:
    """The folder of a project's simulated pages."""
    return project_root.joinpath(*WEB)


def exercise_web_folder(exercise_file: str | Path) -> Path:
    """The simulated pages of the project an exercise file belongs to (``<project>/exercises/<file>``)."""
    return web_folder(Path(exercise_file).resolve().parent.parent)


def address_problem(address: str) -> str | None:
    """What is wrong with an address shown as a page's, or ``None``: its host must be a made-up one under
    ``.example`` (a name reserved for examples, which can never be a real site)."""
    host = address.split("/", 1)[0]
    if "://" in address:
        return "write the address without `https://`, as `site.example/path`"
    if not _HOST.match(host):
        return (
            f"the host {host!r} must be a made-up name ending in `.example`, in lower case "
            "(for example `news-site.example`)"
        )
    return None


@cache
def schema() -> dict[str, Any]:
    """The page JSON schema shipped in the package."""
    text = resources.files("medialit").joinpath("schema/web-page-v1.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _problem(yaml_file: YamlFile, where: tuple[Any, ...], message: str, fix: str = "") -> Problem:
    return Problem(str(yaml_file.path), yaml_file.line_of(where), field_path(where), message, fix)


def _schema_fix(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        allowed = ", ".join(f"`{name}`" for name in error.schema.get("properties", {}))  # type: ignore[union-attr]
        return f"remove it or check its spelling; allowed here: {allowed}"
    if error.validator in ("maxProperties", "minProperties"):
        return "write each block as one of `- heading: …`, `- text: …`, `- list: [...]` or `- quote: …`"
    description = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    return str(description)


def load_page(path: Path) -> tuple[WebPage | None, list[Problem]]:
    """One page file, or ``None`` with the problems that stop it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(str(path), None, "", f"cannot read the file: {error}")]
    try:
        yaml_file = YamlFile(path, text)
    except yaml.YAMLError as error:
        from medialit.authoring.yamlmistakes import syntax_problem

        return None, [syntax_problem(path, text, error)]
    data = yaml_file.data
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(map(str, e.path)))
    problems = [_problem(yaml_file, tuple(e.absolute_path), e.message, _schema_fix(e)) for e in errors]
    if problems:
        return None, problems
    if data["id"] != path.stem:
        problems.append(
            _problem(
                yaml_file,
                ("id",),
                f"the id {data['id']!r} is not the file's name",
                f"rename the file to {data['id']}.yaml, or write `id: {path.stem}`",
            )
        )
    wrong = address_problem(data["address"])
    if wrong:
        problems.append(
            _problem(yaml_file, ("address",), f"{data['address']!r} cannot be a simulated page's address", wrong)
        )
    if not data["fictional"] and "sources" not in data:
        problems.append(
            _problem(
                yaml_file,
                ("fictional",),
                "a page about real people or organisations must name its sources",
                "add `sources:` naming each source (as the book's list of checked facts does), "
                "or make the page fictional",
            )
        )
    if problems:
        return None, problems
    body = tuple(
        Block("list", "", tuple(value)) if kind == "list" else Block(kind, value)
        for raw in data["body"]
        for kind, value in raw.items()
    )
    page = WebPage(
        id=data["id"],
        address=data["address"],
        site=data["site"],
        title=data["title"],
        genre=data["genre"],
        fictional=data["fictional"],
        sources=tuple(data.get("sources", ())),
        body=body,
        links=tuple(WebLink(raw["page"], raw["text"]) for raw in data.get("links", ())),
    )
    return page, []


def load_pages(folder: Path) -> dict[str, WebPage]:
    """Every page in ``folder`` by id (none when there is no folder); :class:`WebPageError` naming every problem."""
    pages, problems = read_pages(folder)
    if problems:
        raise WebPageError(problems)
    return pages


def read_pages(folder: Path) -> tuple[dict[str, WebPage], list[Problem]]:
    """Every valid page in ``folder`` by id, and the problems of the others (``medialit validate`` lists them)."""
    pages: dict[str, WebPage] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        page, found = load_page(path)
        problems += found
        if page is not None:
            pages[page.id] = page
    files = {path.stem for path in folder.glob("*.yaml")} if folder.is_dir() else set()
    for page in pages.values():
        for index, link in enumerate(page.links):
            if link.page not in files:  # a page with problems of its own is reported above
                problems.append(
                    Problem(
                        str(folder / f"{page.id}.yaml"),
                        None,
                        field_path(("links", index, "page")),
                        f"there is no simulated page {link.page!r}",
                        f"link to one of {sorted(files)}, or add {link.page}.yaml to {folder}",
                    )
                )
    return pages, problems
