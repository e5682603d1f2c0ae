"""The texts written for the module: their origin, their exercises, the two matched check forms, and where each is used.

The practice texts each carry exercises on all three skills; the accurate text rewards good sourcing; check forms A and
B are built item by item alike; the final text and the two check texts appear on one page each, and no practice text
appears in the Final challenge or a check form.
"""

from __future__ import annotations

import re
import shutil

import pytest

from medialit.authoring.register import register
from medialit.catalogue import Catalogue, Origin
from medialit.kinds import ExerciseType
from medialit.model import Exercise, Skill
from medialit.project import Project
from medialit.reading_order import page_is_assessed, page_text, reading_order

PRACTICE = ("bridge", "bus-thread", "sleep-report", "troops-record")
"""The practice texts, in reading order; the last one is accurate."""
ACCURATE = "troops-record"
CHECK_TEXTS = {"check-a": "check-a", "check-b": "check-b"}
"""Check form page → the one text it uses."""
FINAL_TEXT = "final-lake"
SEARCH_CHAPTER = "search-it"
"""The simulated search chapter, whose tasks may check a claim from a practice text."""
SKILLS = (Skill.SOURCING, Skill.CONTRADICTIONS, Skill.DISCLAIMER)
TEACHER_SAYS = "Do one form before the module and the other at the end."
_DOCUMENT = re.compile(r"^[ \t]*(?:`{3,}|~{3,})\{(?:medialit-)?document\}[ \t]+(\S+)", re.MULTILINE)


def _slugs_of(exercise: Exercise) -> set[str]:
    """Every document an exercise shows or quotes."""
    slugs = set(exercise.documents)
    if exercise.context is not None and exercise.context.document:
        slugs.add(exercise.context.document)
    return slugs


@pytest.fixture(scope="module")
def pages(project):
    return reading_order(project.book)


@pytest.fixture(scope="module")
def uses(project, pages, exercise_set) -> dict[str, set[str]]:
    """Document slug → the pages that show it or embed an exercise on it."""
    found: dict[str, set[str]] = {}
    for page in pages:
        text = page_text(project.book, page)
        slugs = set(_DOCUMENT.findall(text))
        for exercise_id in page.exercise_ids:
            slugs |= _slugs_of(exercise_set.get(exercise_id))
        for slug in slugs:
            found.setdefault(slug, set()).add(page.name)
    return found


def test_the_texts_written_for_the_module_are_all_in_the_catalogue(catalogue):
    written = {d.slug for d in catalogue.of_origin(Origin.WRITTEN_FOR_MODULE)}
    assert written == {*PRACTICE, *CHECK_TEXTS.values(), FINAL_TEXT}
    for document in catalogue.of_origin(Origin.WRITTEN_FOR_MODULE):
        assert document.path.name == f"{document.slug}.txt"


@pytest.mark.parametrize("slug", [*PRACTICE, *CHECK_TEXTS.values(), FINAL_TEXT])
def test_every_new_text_is_short_and_has_exercises_on_all_three_skills(catalogue, exercise_set, slug):
    words = len(catalogue.get(slug).text.split())
    assert 120 <= words <= 300, (slug, words)
    skills = {e.skill for e in exercise_set.exercises if slug in _slugs_of(e)}
    assert skills >= set(SKILLS), (slug, skills)


def test_new_case_writes_that_a_text_was_written_for_the_module(tmp_path, project):
    root = tmp_path / "project"
    shutil.copytree(project.seeds, root / "seeds")
    source = tmp_path / "post.txt"
    source.write_text("First line here.\nA second line.\nA third and last line.\n", encoding="utf-8")
    document = register(Project(root), source, "post", "A post", "The post")
    assert document.origin is Origin.WRITTEN_FOR_MODULE
    entry = (root / "seeds" / "catalogue.yaml").read_text(encoding="utf-8").split("- slug: post\n")[1]
    assert "    origin: written-for-module\n" in entry
    reloaded = Catalogue.load(root / "seeds" / "catalogue.yaml")
    assert (
        reloaded.get("kursk").origin is Origin.CASE_STUDY and reloaded.get("post").origin is Origin.WRITTEN_FOR_MODULE
    )


def test_the_final_and_check_texts_are_used_on_one_page_each(uses):
    assert uses[FINAL_TEXT] == {"final-challenge"}
    for page, slug in CHECK_TEXTS.items():
        assert uses[slug] == {page}


def test_no_practice_text_is_used_in_the_final_challenge_or_a_check_form(uses):
    for slug in PRACTICE:
        assert f"cases/{slug}" in uses[slug], slug
        assert not uses[slug] & {"final-challenge", *CHECK_TEXTS}, slug
        assert uses[slug] <= {f"cases/{slug}", SEARCH_CHAPTER}, slug


def test_every_page_with_a_new_text_says_what_it_is_before_the_text(project, pages, catalogue):
    written = {d.slug for d in catalogue.of_origin(Origin.WRITTEN_FOR_MODULE)}
    seen = set()
    for page in pages:
        text = page_text(project.book, page)
        for found in _DOCUMENT.finditer(text):
            slug = found.group(1)
            if slug not in written:
                continue
            seen.add(slug)
            before = " ".join(text[: found.start()].lower().split())
            assert "written for this module" in before, (page.name, slug)
            assert ("is **accurate**" if slug == ACCURATE else "it is fabricated") in before, (page.name, slug)
    assert seen == written


def test_the_practice_pages_come_after_the_skills_and_before_the_final_challenge(pages):
    names = [p.name for p in pages]
    practice = [names.index(f"cases/{slug}") for slug in PRACTICE]
    assert names.index("lateral-reading") < min(practice)
    assert practice == sorted(practice) and max(practice) < names.index("final-challenge")


def test_the_accurate_text_rewards_good_sourcing(exercise_set):
    on_it = [e for e in exercise_set.exercises if ACCURATE in _slugs_of(e) or e.id.startswith(f"{ACCURATE}-")]
    highlights = [e for e in on_it if e.type is ExerciseType.HIGHLIGHT]
    assert {e.skill for e in highlights} == {Skill.SOURCING, Skill.DISCLAIMER}
    for exercise in highlights:
        assert exercise.allow_none and not exercise.targets and exercise.distractors, exercise.id
    sources = exercise_set.get(f"{ACCURATE}-sources")
    assert [o.id for o in sources.options if o.correct] == ["checkable"]


def _shape(exercise: Exercise) -> tuple[object, ...]:
    """What must match between the two forms, item by item."""
    return (
        exercise.type,
        exercise.skill,
        len(exercise.targets),
        len(exercise.distractors),
        len(exercise.options),
        exercise.allow_none,
        exercise.assessment,
        exercise.multiple,
        len(exercise.documents),
        [len(t.anchors) for t in exercise.targets],
        len(exercise.discussions),
    )


def _form(exercise_set, letter: str) -> dict[str, Exercise]:
    return {
        e.id.removeprefix(f"check-{letter}-"): e for e in exercise_set.exercises if e.id.startswith(f"check-{letter}-")
    }


def test_check_forms_a_and_b_are_matched_item_by_item(exercise_set):
    form_a, form_b = _form(exercise_set, "a"), _form(exercise_set, "b")
    assert set(form_a) == set(form_b) == {"sourcing", "contradictions", "disclaimer"}
    for item in form_a:
        assert _shape(form_a[item]) == _shape(form_b[item]), item
        for exercise in (form_a[item], form_b[item]):
            assert exercise.assessment and not exercise.hints, exercise.id
    skills = {e.skill for e in form_a.values()}
    assert skills == set(SKILLS)


def test_check_forms_a_and_b_use_the_same_kinds_of_traps(exercise_set):
    """Same target ids (the kinds of source to find) and same distractor ids (the kinds of trap) in each item."""
    form_a, form_b = _form(exercise_set, "a"), _form(exercise_set, "b")
    for item in form_a:
        a, b = form_a[item], form_b[item]
        assert [t.id for t in a.targets] == [t.id for t in b.targets], item
        assert [d.id for d in a.distractors] == [d.id for d in b.distractors], item


def test_the_check_pages_say_which_form_comes_first_and_are_listed_in_the_book(project, pages):
    names = {p.name: p for p in pages}
    for page_name, slug in CHECK_TEXTS.items():
        page = names[page_name]
        assert TEACHER_SAYS in page_text(project.book, page)
        assert set(page.exercise_ids) == {f"{slug}-sourcing", f"{slug}-contradictions", f"{slug}-disclaimer"}


def test_the_final_challenge_is_assessed_and_covers_every_skill_and_a_check(project, pages, exercise_set):
    final = next(p for p in pages if p.name == "final-challenge")
    assert page_is_assessed(page_text(project.book, final))
    on_text = [exercise_set.get(i) for i in final.exercise_ids if FINAL_TEXT in _slugs_of(exercise_set.get(i))]
    assert {e.skill for e in on_text} == {*SKILLS, Skill.VERIFICATION}


def _asks(exercise: Exercise) -> frozenset[tuple[str, ...]]:
    """What an exercise asks about: its targets' passages and its options' texts."""
    passages = {tuple(a.quote for a in t.anchors) for t in (*exercise.targets, *exercise.distractors)}
    return frozenset(passages | {(o.text,) for o in exercise.options})


def test_the_final_challenge_repeats_no_earlier_item(pages, exercise_set):
    earlier: list[Exercise] = []
    for page in pages:
        if page.name == "final-challenge":
            break
        earlier += [exercise_set.get(i) for i in page.exercise_ids]
    final = next(p for p in pages if p.name == "final-challenge")
    for exercise_id in final.exercise_ids:
        asks = _asks(exercise_set.get(exercise_id))
        for before in earlier:
            assert not asks & _asks(before), (exercise_id, before.id, sorted(asks & _asks(before)))


def test_the_lab_s_source_ledger_lists_the_case_studies_only(exercise_set, catalogue):
    from medialit.tables import source_ledger

    ledger = source_ledger(exercise_set, catalogue)
    case_studies = {d.label for d in catalogue.of_origin(Origin.CASE_STUDY)}
    assert set(ledger["document"]) == case_studies
    new_quotes = {
        a.quote
        for e in exercise_set.exercises
        if not set(e.documents) <= {d.slug for d in catalogue.of_origin(Origin.CASE_STUDY)}
        for t in e.targets
        for a in t.anchors
    }
    assert new_quotes and not new_quotes & set(ledger["quote"])
