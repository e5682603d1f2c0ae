"""The content of the simulated search: its pages (``book/web/``), its tasks and where they sit in the book.

Every page is reached from a result or a link; a page about real people or organisations names its sources; no site,
address or invented page passes itself off as a real outlet or organisation; every task can cost a point for a weak
source; the search chapter has its tasks, one on a practice text; the Final challenge uses only its unseen text.
"""

from __future__ import annotations

import re

import pytest

from medialit.catalogue import Origin
from medialit.kinds import ExerciseType
from medialit.kinds.search.pages import load_pages, web_folder
from medialit.model import Exercise
from medialit.reading_order import reading_order
from tests.conftest import ROOT

CHAPTER = "search-it"
FINAL = "final-challenge"
FINAL_TEXT = "final-lake"
REAL_OUTLETS = (
    "KCNA",
    "NHK",
    "Chosun Ilbo",
    "Reuters",
    "Bloomberg",
    "TASS",
    "Yonhap",
    "KBS",
    "Financial Times",
    "Asan Institute for Policy Studies",
    "National Intelligence Service",
    "State Duma",
    "Federation Council",
    "Kremlin",
)
"""The real outlets and organisations that ``FACTS.md`` names as sources or actors."""
REAL_PEOPLE = ("Putin", "Kim Jong Un", "Peskov", "Gerasimov", "Zakharova", "Yang Uk")
"""The real people that ``FACTS.md`` names."""
REAL_HOST_WORDS = {
    "kcna",
    "nhk",
    "chosun",
    "reuters",
    "bloomberg",
    "tass",
    "yonhap",
    "kbs",
    "ft",
    "asan",
    "nis",
    "kremlin",
    "duma",
    "un",
}
"""Words that would make an address look like a real outlet's or organisation's."""


@pytest.fixture(scope="module")
def pages():
    return load_pages(web_folder(ROOT))


@pytest.fixture(scope="module")
def tasks(exercise_set) -> list[Exercise]:
    return [e for e in exercise_set.exercises if e.type is ExerciseType.SEARCH]


@pytest.fixture(scope="module")
def book_pages(project):
    return {page.name: page for page in reading_order(project.book)}


def _host(address: str) -> str:
    return address.split("/", 1)[0]


def test_there_are_ten_to_sixteen_pages_and_each_is_opened_by_a_result_or_a_link(pages, tasks):
    assert 10 <= len(pages) <= 16, sorted(pages)
    opened = {result.page for task in tasks for result in task.results}
    linked = {link.page for page in pages.values() for link in page.links}
    assert set(pages) - opened - linked == set()
    assert opened <= set(pages)


def test_a_page_about_real_people_or_organisations_names_its_sources(pages):
    for page in pages.values():
        text = " ".join([page.site, page.title, *(b.text for b in page.body), *(i for b in page.body for i in b.items)])
        names_real = [name for name in (*REAL_OUTLETS, *REAL_PEOPLE) if name in text]
        if page.fictional:
            assert names_real == [], (page.id, names_real)
        else:
            assert page.sources, page.id
            assert any(name in " ".join(page.sources) for name in REAL_OUTLETS), (page.id, page.sources)


def test_no_site_or_address_is_a_real_outlet_or_organisation(pages, tasks):
    addresses = [page.address for page in pages.values()]
    addresses += [result.address for task in tasks for result in task.results]
    for address in addresses:
        host = _host(address)
        assert host.endswith(".example"), address
        assert not set(re.split(r"[.-]", host)) & REAL_HOST_WORDS, address
    for page in pages.values():
        assert not any(name.lower() in page.site.lower() for name in REAL_OUTLETS), (page.id, page.site)


def test_every_result_shows_the_address_and_site_of_the_page_it_opens(pages, tasks):
    for task in tasks:
        for result in task.results:
            page = pages[result.page]
            assert result.address == page.address, (task.id, result.id)
            assert result.title == f"{page.title} - {page.site}", (task.id, result.id)


def test_every_task_has_evidence_to_find_and_a_weak_source_that_costs(tasks):
    assert tasks
    for task in tasks:
        supports = [result.supports for result in task.results]
        assert True in supports and False in supports, task.id
        assert any(option.correct for option in task.options), task.id
        assert 2 <= len(task.options) <= 4, task.id


def test_every_task_ranks_a_weak_source_first_at_least_once(tasks):
    for task in tasks:
        weak = {r.id for r in task.results if r.supports is False}
        assert any(query.results[0] in weak for query in task.queries), task.id


def test_the_chapter_follows_lateral_reading_and_holds_four_tasks_one_on_a_practice_text(
    project, book_pages, exercise_set, catalogue
):
    names = list(book_pages)
    assert names.index(CHAPTER) == names.index("lateral-reading") + 1
    on_chapter = [exercise_set.get(i) for i in book_pages[CHAPTER].exercise_ids]
    searches = [e for e in on_chapter if e.type is ExerciseType.SEARCH]
    assert len(searches) >= 4
    practice = {d.slug for d in catalogue.of_origin(Origin.WRITTEN_FOR_MODULE)} - {FINAL_TEXT}
    assert any(e.context is not None and e.context.document in practice for e in searches)
    text = (project.book / f"{CHAPTER}.md").read_text(encoding="utf-8")
    assert "simulation" in text and "nothing leaves the book" in text
    for move in ("Stop", "Investigate the source", "Find better coverage", "Trace claims"):
        assert f"**{move}" in text, move


def test_the_final_challenge_uses_only_its_unseen_text_and_has_a_search_task(book_pages, exercise_set):
    final = [exercise_set.get(i) for i in book_pages[FINAL].exercise_ids]
    assert final
    for exercise in final:
        documents = set(exercise.documents) | ({exercise.context.document} if exercise.context else set())
        assert documents == {FINAL_TEXT}, exercise.id
    assert [e.id for e in final if e.type is ExerciseType.SEARCH] == ["final-lake-search"]


def test_the_moved_checks_are_more_practice_in_lateral_reading(book_pages, exercise_set):
    moved = ("final-verify", "final-verify-date", "final-verify-vladivostok")
    assert set(moved) <= set(book_pages["lateral-reading"].exercise_ids)
    assert "final-trust" in book_pages[CHAPTER].exercise_ids
    for exercise_id in (*moved, "final-trust"):
        assert not exercise_set.get(exercise_id).title.startswith("Final"), exercise_id
