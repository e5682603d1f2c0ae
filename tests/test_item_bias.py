"""Can choice items be guessed? The figures on small made-up sets, the rules at their edges, and the shipped book."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.cli import main
from medialit.item_bias import BOOK, MIN_ITEMS, Rule, analyse, item_figures, scope_figures
from medialit.model import Exercise, ExerciseType, Option, Skill
from medialit.reading_order import BookPage, reading_order

VERDICTS = ("confirms", "refutes", "unverifiable")


def choice(
    exercise_id: str, texts: list[str], right: set[int], *, multiple: bool = False, ids: tuple[str, ...] | None = None
) -> Exercise:
    """A choice exercise with these option texts; ``right`` holds the 0-based places of the right options."""
    ids = ids or tuple(f"o{n}" for n in range(len(texts)))
    options = tuple(
        Option(id=i, text=t, correct=n in right, feedback="because")
        for n, (i, t) in enumerate(zip(ids, texts, strict=True))
    )
    return Exercise(
        id=exercise_id,
        type=ExerciseType.CHOICE,
        skill=Skill.VERIFICATION,
        title=exercise_id,
        prompt="Which?",
        hints=(),
        documents=(),
        units=(),
        options=options,
        multiple=multiple,
    )


def verdict(exercise_id: str, right: str) -> Exercise:
    return choice(
        exercise_id,
        ["They confirm it.", "They refute it.", "They leave it unverifiable."],
        {VERDICTS.index(right)},
        ids=VERDICTS,
    )


def rules(exercises: list[Exercise]) -> list[Rule]:
    return [w.rule for w in scope_figures("page", exercises).warnings]


# -- one item --------------------------------------------------------------------------------------------------------


def test_a_right_option_longest_by_itself_counts_one():
    assert item_figures(choice("a", ["short", "the longest one", "mid size"], {1})).longest_hits == 1


def test_a_right_option_tied_for_longest_counts_its_share():
    figures = item_figures(choice("a", ["xxxx", "yyyy", "zzzz", "s"], {0}))
    assert figures.longest_hits == Fraction(1, 3)
    assert item_figures(choice("a", ["xxxx", "yyyy", "s"], {2})).longest_hits == 0


def test_positions_are_one_based_and_in_order():
    figures = item_figures(choice("a", ["a", "b", "c", "d"], {3, 1}, multiple=True))
    assert figures.right_positions == (2, 4)
    assert figures.right_ids == ("o1", "o3")


def test_multi_select_ticks_the_k_longest_and_the_first_k():
    # k = 2; the two longest are o0 (right) and o2 (wrong); the first two are o0 (right) and o1 (wrong).
    figures = item_figures(choice("a", ["aaaaaaa", "bb", "ccccccc", "d", "e"], {0, 3}, multiple=True))
    assert figures.longest_hits == 1
    assert figures.first_hits == 1


def test_multi_select_ties_at_the_cut_are_shared():
    # k = 2 and three options tie for longest, two of them right: 2 slots x 2 right / 3 tied.
    figures = item_figures(choice("a", ["aaaa", "bbbb", "cccc", "d"], {0, 1}, multiple=True))
    assert figures.longest_hits == Fraction(4, 3)


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=2, max_size=7))
def test_ties_share_exactly_one_longest_among_all_keys(lengths):
    # Whichever option is keyed right, a learner picking the longest is right 1/t of the time when t tie:
    # summed over every possible key, that is exactly one.
    texts = ["x" * n for n in lengths]
    shares = [item_figures(choice("a", texts, {key})).longest_hits for key in range(len(texts))]
    assert sum(shares) == 1
    assert all(0 <= s <= 1 for s in shares)


@given(
    st.lists(st.tuples(st.integers(min_value=1, max_value=5), st.booleans()), min_size=1, max_size=8),
    st.randoms(use_true_random=False),
)
def test_k_longest_does_not_depend_on_option_order_and_stays_in_range(options, rng):
    texts = [("x" * n, r) for n, r in options]
    shuffled = texts[:]
    rng.shuffle(shuffled)
    first = item_figures(choice("a", [t for t, _ in texts], {n for n, (_, r) in enumerate(texts) if r}, multiple=True))
    second = item_figures(
        choice("a", [t for t, _ in shuffled], {n for n, (_, r) in enumerate(shuffled) if r}, multiple=True)
    )
    assert first.longest_hits == second.longest_hits
    assert 0 <= first.longest_hits <= len(first.right_ids)


# -- the rules ------------------------------------------------------------------------------------------------------


def test_right_option_longest_in_most_items_warns():
    items = [choice(f"e{n}", ["a", "bb", "the long right one"], {2}) for n in range(3)]
    items.append(choice("e3", ["the long wrong one", "a", "bb"], {1}))
    assert Rule.LONGEST in rules(items)


def test_right_option_longest_in_exactly_half_does_not_warn():
    items = [
        choice("e0", ["a", "bb", "the long right one"], {2}),
        choice("e1", ["the long right one", "a", "bb"], {0}),
        choice("e2", ["the long wrong one", "a", "bb"], {1}),
        choice("e3", ["a", "the long wrong one", "bb"], {2}),
    ]
    figures = scope_figures("page", items)
    assert figures.longest == 2
    assert Rule.LONGEST not in rules(items)


def test_ties_count_their_share_towards_the_longest_rule():
    # Three clear wins and two halves: 4 of 5 > half. With the halves counted as wins it would be 5; as losses, 3.
    items = [choice(f"e{n}", ["a", "bb", "the long right one"], {2}) for n in range(3)]
    items += [choice(f"t{n}", ["same", "same", "x"], {0}) for n in range(2)]
    figures = scope_figures("page", items)
    assert figures.longest == 4
    assert Rule.LONGEST in rules(items)
    items = [choice(f"e{n}", ["a", "bb", "the long right one"], {2}) for n in range(2)]
    items += [choice(f"t{n}", ["same", "same", "x"], {0}) for n in range(2)]
    assert scope_figures("page", items).longest == 3
    assert Rule.LONGEST in rules(items)
    items[0] = choice("e0", ["the long wrong one", "a", "bb"], {1})
    assert scope_figures("page", items).longest == 2
    assert Rule.LONGEST not in rules(items)


def test_fewer_items_than_the_minimum_never_warn():
    items = [choice(f"e{n}", ["a", "bb", "the long right one"], {2}) for n in range(MIN_ITEMS - 1)]
    assert rules(items) == []
    assert rules([*items, choice("e9", ["a", "bb", "the long right one"], {2})]) != []


def test_the_same_place_in_more_than_60_percent_warns():
    texts = ["aaaa", "bbbb", "cccc"]
    items = [choice(f"e{n}", texts, {1}) for n in range(4)] + [choice("e4", texts, {0})]
    figures = scope_figures("page", items)
    assert figures.positions == (1, 4, 0)
    assert Rule.POSITION in rules(items)
    three_of_five = [choice(f"e{n}", texts, {1}) for n in range(3)] + [choice(f"f{n}", texts, {n}) for n in (0, 2)]
    assert scope_figures("page", three_of_five).positions == (1, 3, 1)
    assert Rule.POSITION not in rules(three_of_five)


def test_one_verdict_right_in_most_of_a_set_warns_and_a_verdict_never_right_warns():
    items = [verdict(f"v{n}", "refutes") for n in range(4)] + [verdict("v4", "confirms")]
    found = scope_figures("page", items)
    assert [(s.options, s.right) for s in found.verdict_sets] == [(VERDICTS, (1, 4, 0))]
    assert sorted(w.rule for w in found.warnings if w.rule.startswith("verdict")) == [
        Rule.VERDICT_NEVER,
        Rule.VERDICT_SHARE,
    ]
    assert any("“refutes” is right in 4 of 5" in w.message for w in found.warnings)
    assert any("“unverifiable” is offered in 5" in w.message for w in found.warnings)


def test_a_balanced_verdict_set_is_silent():
    items = [
        verdict(f"v{n}", v)
        for n, v in enumerate(["confirms", "refutes", "unverifiable", "refutes", "confirms", "unverifiable"])
    ]
    found = scope_figures("page", items)
    assert found.verdict_sets[0].right == (2, 2, 2)
    assert found.warnings == ()


def test_a_verdict_set_ignores_the_order_of_its_options():
    items = [verdict(f"v{n}", "refutes") for n in range(3)]
    items.append(
        choice(
            "w",
            ["They leave it unverifiable.", "They refute it.", "They confirm it."],
            {1},
            ids=tuple(reversed(VERDICTS)),
        )
    )
    found = scope_figures("page", items)
    assert len(found.verdict_sets) == 1 and found.verdict_sets[0].exercises == ("v0", "v1", "v2", "w")
    assert Rule.VERDICT_SHARE in rules(items)


def test_options_offered_in_several_items_are_counted_across_sets():
    items = [
        choice("a", ["yes", "no", "I can’t tell yet"], {2}, ids=("trust", "reject", "cannot-tell")),
        choice("b", ["yes", "I can’t tell yet", "harmless"], {1}, ids=("trust", "cannot-tell", "harmless")),
        verdict("v", "refutes"),
    ]
    found = scope_figures("page", items).categories
    assert [(c.option, c.right, c.offered) for c in found] == [("cannot-tell", 2, 2), ("trust", 0, 2)]
    assert scope_figures("page", items).verdict_sets == ()


def test_items_with_other_options_are_not_a_verdict_set():
    items = [choice(f"e{n}", ["aaaa", "bbbb", "cccc"], {1}, ids=(f"a{n}", f"b{n}", f"c{n}")) for n in range(5)]
    assert scope_figures("page", items).verdict_sets == ()


def test_multi_select_with_the_right_options_first_warns():
    texts = ["aaaa", "bbbb", "cccc", "dddd"]
    items = [choice(f"m{n}", texts, {0, 1}, multiple=True) for n in range(4)]
    found = rules(items)
    assert Rule.MULTI_FIRST in found
    assert Rule.MULTI_LONGEST not in found  # all tie: 2 slots x 2 right / 4 = 1 per item, half of the right ones


def test_multi_select_with_the_right_options_longest_warns():
    items = [
        choice(f"m{n}", ["a", "a long right option", "b", "another long right one"], {1, 3}, multiple=True)
        for n in range(4)
    ]
    assert rules(items) == [Rule.MULTI_LONGEST]


def test_a_balanced_mix_is_silent():
    items = [
        choice("s0", ["a long wrong option", "right", "wrong"], {1}),
        choice("s1", ["right one", "a long wrong option", "no"], {0}),
        choice("s2", ["wrong", "no", "the longest right option here"], {2}),
        choice("s3", ["wrong", "no", "shorter", "the right one"], {3}),
        choice("m0", ["a long wrong option", "right", "wrong", "right"], {1, 3}, multiple=True),
        choice("m1", ["right", "a long wrong option", "right too", "no"], {0, 2}, multiple=True),
        choice("m2", ["no", "a much longer right one", "wrong", "right"], {1, 3}, multiple=True),
        choice("m3", ["wrong one here", "right", "a long wrong option", "ok"], {1, 3}, multiple=True),
    ]
    assert rules(items) == []


# -- pages and the book ---------------------------------------------------------------------------------------------


def test_pages_and_book_follow_reading_order_and_count_each_item_once():
    long_right = [choice(f"e{n}", ["a", "bb", "the long right one"], {2}) for n in range(4)]
    other = choice("other", ["a long wrong option", "right"], {1})
    pages = [
        BookPage("one", "One", ("e0", "e1")),
        BookPage("text", "Text", ()),
        BookPage("two", "Two", ("e2", "e3", "e0", "missing")),
        BookPage("three", "Three", ("e1",)),
    ]
    bias = analyse([*long_right, other], pages)
    assert [p.scope for p in bias.pages] == ["one", "two", "three"]
    assert [i.exercise for i in bias.pages[1].items] == ["e2", "e3", "e0"]
    assert [i.exercise for i in bias.book.items] == ["e0", "e1", "e2", "e3"]  # "other" is on no page
    assert bias.pages[1].warnings == ()  # three items on the page
    assert {w.scope for w in bias.warnings} == {BOOK}
    assert Rule.LONGEST in {w.rule for w in bias.warnings}


def test_the_shipped_book_is_silent(project, exercise_set):
    bias = analyse(exercise_set.exercises, reading_order(project.book))
    assert len(bias.book.single) >= MIN_ITEMS and len(bias.book.multi) >= MIN_ITEMS
    assert any(len(s.exercises) >= MIN_ITEMS for s in bias.book.verdict_sets)
    assert bias.warnings == ()


def test_the_shipped_verdicts_are_each_right_at_least_once(project, exercise_set):
    bias = analyse(exercise_set.exercises, reading_order(project.book))
    (verdicts,) = [s for s in bias.book.verdict_sets if set(s.options) == set(VERDICTS)]
    assert min(verdicts.right) >= 1


# -- the command ----------------------------------------------------------------------------------------------------

CHOICE = """\
schema_version: 1
id: {id}
type: choice
skill: verification
title: Item {id}
prompt: Which one is right?
hints: []
options:
  - id: short
    text: No.
    correct: false
    feedback: It is not this one.
  - id: middle
    text: Not this one.
    correct: false
    feedback: It is not this one either.
  - id: long
    text: This is the right answer, and it is also the longest.
    correct: true
    feedback: Right, and it is the longest.
"""


@pytest.fixture
def biased_project(tmp_path, project):
    shutil.copytree(project.seeds, tmp_path / "seeds")
    (tmp_path / "exercises").mkdir()
    for n in range(4):
        (tmp_path / "exercises" / f"item-{n}.yaml").write_text(CHOICE.format(id=f"item-{n}"), encoding="utf-8")
    book = tmp_path / "book"
    book.mkdir()
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: quiz\n", encoding="utf-8")
    (book / "intro.md").write_text("# Intro\n", encoding="utf-8")
    fences = "".join(f"```{{exercise}} item-{n}\n```\n\n" for n in range(4))
    (book / "quiz.md").write_text(f"# Quiz\n\n{fences}", encoding="utf-8")
    return tmp_path


def _summary(out: str) -> tuple[int, int]:
    """Errors and warnings from the last line of ``medialit validate``."""
    words = out.strip().splitlines()[-1].split()
    return int(words[-4]), int(words[-2])


def test_the_command_prints_the_table_and_warns_without_failing(biased_project, capsys):
    assert main(["--root", str(biased_project), "validate"]) == 0
    plain = capsys.readouterr().out
    assert main(["--root", str(biased_project), "validate", "--items"]) == 0
    out = capsys.readouterr().out
    assert "quiz.md: warning: choice items (longest): the right option is the longest in 4 of 4" in out
    assert "_toc.yml: warning: choice items (longest)" in out
    assert "quiz.md: warning: choice items (position): the right option is option 3 in 4 of 4" in out
    assert "“long” is right in 4 of 4 items offering short/middle/long" in out
    assert "“short” is offered in 4 items offering short/middle/long but never right" in out
    # longest, position, verdict-share and verdict-never twice, on the page and for the book
    assert out.count("warning: choice items (") == 10
    assert "\nquiz       4      4/4   0/0/4      0          -        -\n" in out
    assert "\nbook       4      4/4   0/0/4      0          -        -\n" in out
    assert "\nquiz  4      short 0, middle 0, long 4\n" in out
    assert "\nquiz  long 4/4, middle 0/4, short 0/4\n" in out
    assert _summary(out) == (0, _summary(plain)[1] + 10)


def test_plain_validate_does_not_judge_the_items(biased_project, capsys):
    assert main(["--root", str(biased_project), "validate"]) == 0
    out = capsys.readouterr().out
    assert "choice items" not in out and "Verdict sets" not in out
    assert out.strip().splitlines()[-1].startswith("4 exercises valid, 0 errors")


def test_the_command_as_json(biased_project, capsys):
    assert main(["--root", str(biased_project), "validate", "--items", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"]["book"]["single"] == 4 and report["items"]["book"]["longest"] == 4
    assert report["items"]["pages"][0]["scope"] == "quiz"
    assert report["items"]["pages"][0]["positions"] == [0, 0, 4]
    bias = [p for p in report["problems"] if p["field"].startswith("choice items")]
    expected = [
        "choice items (longest)",
        "choice items (position)",
        "choice items (verdict-never)",
        "choice items (verdict-never)",
        "choice items (verdict-share)",
    ] * 2
    assert [p["field"] for p in bias] == expected
    assert {p["severity"] for p in bias} == {"warning"}
    assert [p["file"].rsplit("/", 1)[-1] for p in bias] == ["quiz.md"] * 5 + ["_toc.yml"] * 5


def test_the_shipped_book_through_the_command(capsys):
    assert main(["validate", "--items"]) == 0
    out = capsys.readouterr().out
    assert "choice items (" not in out
    assert "lateral-reading" in out and "Verdict sets" in out
