"""An exam build holds only what its allow-list permits (``allowlist.py``); learn builds are left as they are.

In exam mode (``medialit_mode`` or ``$MEDIALIT_MODE``):

* ``config-inited`` (after ``sphinx_external_toc`` has read the table of contents) reads the allow-list
  (``medialit_exam_allowlist``, default ``_exam.yml`` in the book folder), keeps only its pages in the table of
  contents, excludes every other source page, stops copying page sources (``html_copy_source``) and sets the tag
  ``exam`` so that a page can hold ``{only} not exam`` passages;
* a post-transform turns a link to a page left out of the exam into its plain text, so that the build stays free
  of warnings;
* ``build-finished`` (after every other extension has written its files) fails the build if a page outside the
  allow-list was built, or if any file in the output folder is not permitted, naming each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.matching import Matcher

from medialit.modes import Mode
from medialit.sphinxext.allowlist import AllowList, AllowListError, disallowed_files, load_allowlist
from medialit.sphinxext.config import mode

__all__ = ["EXAM_TAG", "ExamBuild", "setup"]

EXAM_TAG = "exam"
"""The Sphinx tag set in exam builds (``{only} not exam`` keeps a passage out of them)."""
TOC_PRIORITY = 950
"""After ``sphinx_external_toc`` reads the table of contents at ``config-inited`` (priority 900)."""
LAST = 999
"""``build-finished`` priority: check the output after every other extension has written into it."""


@dataclass(frozen=True)
class ExamBuild:
    """What an exam build contains and what it leaves out."""

    allow: AllowList
    """The allow-list the build follows."""
    left_out: frozenset[str]
    """Docnames of the book's source pages that the exam does not contain."""


def exam_build(app: Sphinx) -> ExamBuild | None:
    """The exam set-up of this build, or ``None`` in a learn build."""
    return getattr(app, "_medialit_exam", None)


def _strip(docname: str, suffixes: list[str]) -> str:
    for suffix in suffixes:
        if docname.endswith(suffix):
            return docname[: -len(suffix)]
    return docname


def _source_pages(app: Sphinx, config: Any) -> dict[str, str]:
    """Every source page of the book not already excluded: docname → path relative to the source folder."""
    suffixes = list(config.source_suffix)
    excluded = Matcher(list(config.exclude_patterns))
    found = {}
    for path in sorted(Path(app.srcdir).rglob("*")):
        relative = path.relative_to(app.srcdir).as_posix()
        if not path.is_file() or not any(relative.endswith(s) for s in suffixes):
            continue
        parts = relative.split("/")
        if any(excluded("/".join(parts[: i + 1])) for i in range(len(parts))):
            continue
        found[_strip(relative, suffixes)] = relative
    return found


def _restrict_toc(site_map: Any, pages: set[str], suffixes: list[str], source: str) -> None:
    """Keep only ``pages`` in the table of contents (in place); empty parts go too."""
    root = _strip(site_map.root.docname, suffixes)
    if root not in pages:
        raise ExtensionError(f"medialit: {source}: the book's first page {root!r} must be one of the exam's pages")
    listed = {_strip(name, suffixes) for name in site_map}
    missing = sorted(pages - listed)
    if missing:
        raise ExtensionError(f"medialit: {source}: pages not in the book's table of contents: {', '.join(missing)}")
    for name in list(site_map):
        if _strip(name, suffixes) not in pages:
            del site_map[name]
    for name in site_map:
        document = site_map[name]
        for tree in document.subtrees:
            tree.items[:] = [
                item for item in tree.items if not isinstance(item, str) or _strip(str(item), suffixes) in pages
            ]
        document.subtrees[:] = [tree for tree in document.subtrees if tree.items]


def _on_config_inited(app: Sphinx, config: Any) -> None:
    """config-inited: in exam mode, restrict the book to the allow-list's pages."""
    if mode(app) is not Mode.EXAM:
        return
    path = Path(app.srcdir, config.medialit_exam_allowlist)
    try:
        allow = load_allowlist(path)
    except AllowListError as error:
        raise ExtensionError(f"medialit: an exam build needs a valid allow-list:\n{error}") from None
    pages = set(allow.pages)
    suffixes = list(config.source_suffix)
    site_map = getattr(config, "external_site_map", None)
    if site_map is not None:
        _restrict_toc(site_map, pages, suffixes, str(path))
    sources = _source_pages(app, config)
    unknown = sorted(pages - set(sources))
    if unknown:
        raise ExtensionError(f"medialit: {path}: no such page in the book: {', '.join(unknown)}")
    left_out = {docname: relative for docname, relative in sources.items() if docname not in pages}
    config.exclude_patterns = [*config.exclude_patterns, *sorted(left_out.values())]
    config.html_copy_source = False
    app.tags.add(EXAM_TAG)
    app._medialit_exam = ExamBuild(  # type: ignore[attr-defined]
        allow=allow, left_out=frozenset(left_out)
    )


class LinksToLeftOutPages(SphinxPostTransform):
    """A link to a page that the exam leaves out becomes its text (before MyST resolves links, priority 9)."""

    default_priority = 8
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        exam = exam_build(self.app)
        if exam is None:
            return
        for node in list(self.document.findall(addnodes.pending_xref)):
            target = node.get("reftarget", "")
            myst_doc = node.get("reftype") == "myst" and node.get("refdomain") == "doc"
            std_doc = node.get("reftype") == "doc" and node.get("refdomain") == "std"
            if (myst_doc or std_doc) and target in exam.left_out:
                node.replace_self(nodes.inline(node.astext(), node.astext()))


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: every page and every file of an exam build must be allowed."""
    exam = exam_build(app)
    if exception is not None or exam is None or app.builder.format != "html":
        return
    problems = [
        f"page {name!r} is not in the allow-list" for name in sorted(set(app.env.found_docs) - set(exam.allow.pages))
    ]
    problems += [f"file {name!r} is not allowed" for name in disallowed_files(Path(app.outdir), exam.allow)]
    if problems:
        raise ExtensionError(
            f"medialit: the exam build holds what its allow-list ({exam.allow.source}) does not permit:\n  "
            + "\n  ".join(problems)
            + "\nLeave these out of the exam, or add them to the allow-list if they carry nothing of the key."
        )


def setup(app: Sphinx) -> None:
    """Register the setting, the link transform and the hooks above."""
    app.add_config_value("medialit_exam_allowlist", "_exam.yml", "env", [str])
    app.add_post_transform(LinksToLeftOutPages)
    app.connect("config-inited", _on_config_inited, priority=TOC_PRIORITY)
    app.connect("build-finished", _on_build_finished, priority=LAST)
