"""The before-and-after check: forms from the pages, the form order, pre/post/gain in the gradebook and the report."""

from __future__ import annotations

import base64
import csv
import json
import math
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.cli import main
from medialit.course import Course
from medialit.errors import ProjectError
from medialit.forms import CheckForms, Form, FormOrder, check_forms, first_form, read_form_order
from medialit.handin import Answer, learner_key
from medialit.learner import handin_from_results
from medialit.model import Exercise
from medialit.modes import Mode
from medialit.reading_order import reading_order
from medialit.scoring import grade, max_score, parse
from medialit.teacher.grade import ClassGrades, LearnerGrade, grade_paths
from medialit.teacher.report import ClassReport
from medialit.teacher.synthetic import synthetic_answer
from medialit.teacher.tables import gradebook

WEEK_1 = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)
WEEK_5 = WEEK_1 + timedelta(weeks=4)
NAMES = ["Ana", "Ben", "Chloé", "Dawit", "Eun-ji", "Farah", "Gustavo", "Hana", "Ivan", "Jamila", "Kofi", "Lena"]


@pytest.fixture(scope="module")
def course(project) -> Course:
    return Course.load(project.root)


def _answer(exercise: Exercise, raw: object, when: datetime) -> Answer:
    return Answer(exercise.id, exercise.content_hash, raw, 1, None, False, when, raw)


def _write(folder: Path, name: str, learner: str, answers: list[Answer], when: datetime) -> None:
    handin = handin_from_results(learner, answers, created=when, exported=when + timedelta(minutes=30))
    (folder / name).write_text(json.dumps(handin.as_json(), ensure_ascii=False), encoding="utf-8")


def _score(exercise: Exercise, raw: object) -> float:
    """The exercise's score for ``raw``, computed straight from the scoring engine."""
    return grade(exercise, parse(exercise, raw)).score


class Class:
    """A synthetic class: a pre-test file in week 1 and a file with practice and post-test in week 5 per learner."""

    def __init__(self, course: Course, folder: Path, *, seed: int = 11, only_pre: tuple[str, ...] = ()) -> None:
        self.course = course
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        by_id = course.by_id
        self.forms = {form: [by_id[i] for i in course.forms.of(form)] for form in Form}
        checks = {i for form in Form for i in course.forms.of(form)}
        self.practice = [e for e in course.lesson_order if e.id not in checks]
        self.raw: dict[str, dict[str, object]] = {}
        for number, name in enumerate(NAMES):
            ability = 0.2 + 0.6 * number / len(NAMES)
            first = first_form(name)
            pre = {e.id: synthetic_answer(e, rng, ability) for e in self.forms[first]}
            post = {e.id: synthetic_answer(e, rng, min(1.0, ability + 0.2)) for e in self.forms[first.other]}
            rest = {e.id: synthetic_answer(e, rng, ability) for e in self.practice}
            self.raw[name] = {**pre, **rest} if name in only_pre else {**pre, **post, **rest}
            _write(folder, f"{number}-pre.json", name, [_answer(by_id[i], r, WEEK_1) for i, r in pre.items()], WEEK_1)
            later = {**rest} if name in only_pre else {**rest, **post}
            _write(
                folder, f"{number}-post.json", name, [_answer(by_id[i], r, WEEK_5) for i, r in later.items()], WEEK_5
            )

    def percent(self, name: str, exercises: list[Exercise], skill: str | None = None) -> float:
        """Independently: the percent of the points of ``exercises`` (of ``skill``) this learner earned."""
        raw = self.raw[name]
        if not any(e.id in raw for e in exercises):
            return math.nan
        chosen = [e for e in exercises if skill is None or str(e.skill) == skill]
        earned = sum(_score(e, raw[e.id]) for e in chosen if e.id in raw)
        return round(100 * earned / sum(max_score(e) for e in chosen), 1)


def _close(found: float, expected: float) -> bool:
    return (math.isnan(found) and math.isnan(expected)) or found == pytest.approx(expected, abs=0.051)


def test_the_book_names_its_two_check_forms_in_front_matter(course):
    assert course.forms.of(Form.A) == ("check-a-sourcing", "check-a-contradictions", "check-a-disclaimer")
    assert course.forms.of(Form.B) == ("check-b-sourcing", "check-b-contradictions", "check-b-disclaimer")
    assert course.forms.pages == ("check-a", "check-b")
    assert course.forms.form_of("check-b-disclaimer") is Form.B
    assert course.forms.form_of("sourcing-troops") is None


def test_an_unknown_check_form_value_is_refused_naming_the_page(project, tmp_path):
    (tmp_path / "_toc.yml").write_text("root: intro\nchapters:\n  - file: pre\n", encoding="utf-8")
    (tmp_path / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (tmp_path / "pre.md").write_text("---\nmedialit-check-form: C\n---\n# Pre\n", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"page 'pre'.*medialit-check-form: C.*A or B"):
        check_forms(tmp_path, reading_order(tmp_path))
    with pytest.raises(ProjectError, match=r"page 'pre'"):
        Course.load(project.root, book=tmp_path)
    (tmp_path / "pre.md").write_text("---\nmedialit-check-form: b\n---\n# Pre\n", encoding="utf-8")
    assert check_forms(tmp_path, reading_order(tmp_path)).pages == ("pre",)
    (tmp_path / "_toc.yml").write_text("root: intro\nchapters:\n  - file: pre\n  - file: post\n", encoding="utf-8")
    for name, form in (("pre", "A"), ("post", "B")):
        text = f"---\nmedialit-check-form: {form}\n---\n# {name}\n\n```{{medialit-exercise}} same-one\n```\n"
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError, match="share the exercise 'same-one'"):
        check_forms(tmp_path, reading_order(tmp_path))


def test_gain_is_post_minus_pre_per_learner_and_skill_across_two_files(course, tmp_path):
    group = Class(course, tmp_path / "class")
    grades = grade_paths([group.folder], course.exercises, forms=course.forms)
    book = gradebook(grades).set_index("learner")
    skills = ["sourcing", "contradictions", "disclaimer"]
    assert {f"{s}_{c}" for s in skills for c in ("pre_percent", "post_percent", "gain")} <= set(book.columns)
    assert set(book["files"]) == {2}
    for name in NAMES:
        row = book.loc[name]
        first = first_form(name)
        pre, post = group.forms[first], group.forms[first.other]
        assert row["first_form"] == str(first) and row["form_order"] == "name"
        assert _close(row["pre_percent"], group.percent(name, pre))
        assert _close(row["post_percent"], group.percent(name, post))
        assert _close(row["gain"], group.percent(name, post) - group.percent(name, pre))
        for skill in skills:
            expected = group.percent(name, post, skill) - group.percent(name, pre, skill)
            assert _close(row[f"{skill}_gain"], expected), (name, skill)
        # The forms stay out of the practice score.
        practice_max = sum(max_score(e) for e in group.practice)
        assert row["max"] == pytest.approx(practice_max)
        practice = sum(_score(e, group.raw[name][e.id]) for e in group.practice)
        assert row["total"] == pytest.approx(practice)
        assert row["percent"] == pytest.approx(round(100 * practice / practice_max, 1))
    assert book["gain"].notna().all()
    assert sorted(set(book["first_form"])) == ["A", "B"]


def test_count_post_changes_total_max_and_percent_only(course, tmp_path):
    group = Class(course, tmp_path / "class", seed=5)
    plain = gradebook(grade_paths([group.folder], course.exercises, forms=course.forms))
    counted = gradebook(grade_paths([group.folder], course.exercises, forms=course.forms, count_post=True))
    changed = {c for c in plain.columns if not plain[c].equals(counted[c])}
    assert changed == {"total", "max", "percent"}
    for _, row in counted.iterrows():
        post = group.forms[first_form(row["learner"]).other]
        scored = group.practice + post
        earned = sum(_score(e, group.raw[row["learner"]][e.id]) for e in scored)
        most = sum(max_score(e) for e in scored)
        assert row["max"] == pytest.approx(most)
        assert row["percent"] == pytest.approx(round(100 * earned / most, 1))


def test_a_learner_with_one_form_has_no_gain(course, tmp_path):
    group = Class(course, tmp_path / "class", seed=3, only_pre=("Ana", "Kofi"))
    grades = grade_paths([group.folder], course.exercises, forms=course.forms)
    book = gradebook(grades).set_index("learner")
    for name in ("Ana", "Kofi"):
        assert not math.isnan(book.loc[name, "pre_percent"])
        assert math.isnan(book.loc[name, "post_percent"]) and math.isnan(book.loc[name, "gain"])
        assert math.isnan(book.loc[name, "sourcing_gain"])
    report = ClassReport(grades)
    assert (report.paired.both, report.paired.only_one) == (len(NAMES) - 2, 2)
    out = tmp_path / "out"
    assert main(["--root", str(course.project.root), "grade", str(group.folder), "-o", str(out)]) == 0
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["learner"]: row for row in csv.DictReader(handle)}
    assert rows["Ana"]["gain"] == "" and rows["Ana"]["post_percent"] == "" and rows["Ana"]["pre_percent"] != ""
    assert rows["Ben"]["gain"] != ""


def test_the_teachers_file_overrides_the_hash(course, tmp_path, capsys):
    flipped = list(NAMES[:4])
    order_file = tmp_path / "order.csv"
    lines = ["learner,first", "Zara  Typo,A"]
    lines += [f"  {name.upper()} ,{first_form(name).other.lower()}" for name in flipped]
    order_file.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    order = read_form_order(order_file)
    for name in flipped:
        assert order.first(name) is first_form(name).other and order.decided_by(name) == "file"
    assert order.first("Zoe") is first_form("Zoe") and order.decided_by("Zoe") == "name"

    group = Class(course, tmp_path / "class", seed=9)
    out = tmp_path / "out"
    args = ["--root", str(course.project.root), "grade", str(group.folder), "-o", str(out), "--forms", str(order_file)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert f"Check forms: {len(NAMES)} learners took both, 0 only one" in printed
    assert "The form-order file names 1 learner with no hand-in here (check the spelling):\n  Zara Typo\n" in printed
    book = pd.read_csv(out / "gradebook.csv").set_index("learner")
    for name in NAMES:
        first = first_form(name).other if name in flipped else first_form(name)
        assert book.loc[name, "first_form"] == str(first)
        assert book.loc[name, "form_order"] == ("file" if name in flipped else "name")
        # The file says this learner did the other form first: the forms swap roles.
        assert _close(book.loc[name, "pre_percent"], group.percent(name, group.forms[first]))
        assert _close(book.loc[name, "post_percent"], group.percent(name, group.forms[first.other]))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,form\nAna,A\n", "learner,first"),
        ("learner,first\n ,A\n", "line 2: the learner's name is blank"),
        ("learner,first\nAna,C\n", "line 2: `first` must be A or B"),
        ("learner,first\nAna,A\nana ,B\n", "line 3: this learner is given form A"),
        ("", "empty"),
    ],
)
def test_a_form_order_file_it_cannot_use_is_refused_by_line(tmp_path, text, message):
    path = tmp_path / "order.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError, match=message):
        read_form_order(path)
    path.write_bytes(b"learner,first\n\xff\xfe,A\n")
    with pytest.raises(ProjectError, match="not UTF-8"):
        read_form_order(path)
    with pytest.raises(ProjectError, match="cannot be read"):
        read_form_order(tmp_path / "missing.csv")


def test_the_report_shows_the_paired_plot_and_the_counts(course, tmp_path):
    group = Class(course, tmp_path / "class", seed=4, only_pre=("Lena",))
    report = ClassReport(grade_paths([group.folder], course.exercises, forms=course.forms))
    paired = report.paired
    assert (paired.both, paired.only_one) == (len(NAMES) - 1, 1)
    both = [n for n in NAMES if n != "Lena"]
    for skill in paired.skills:
        gains = [
            group.percent(n, group.forms[first_form(n).other], skill)
            - group.percent(n, group.forms[first_form(n)], skill)
            for n in both
        ]
        assert paired.mean_gain[skill] == pytest.approx(sum(gains) / len(gains), abs=0.06)
    figure = report.figures()["before_after"]
    for axes, skill in zip(figure.axes, paired.skills, strict=True):
        assert axes.get_title() == skill
        assert len(axes.lines) == len(both) + 1  # one line per learner, and the class mean
    html = report.html()
    assert "Before and after" in html
    assert f"{len(both)} learners took both check forms. 1 took only one" in html
    assert "how many points higher the second form was" in html
    uri = html.split('alt="Per skill, one line per learner', 1)[0].rsplit('src="', 1)[1].split('"', 1)[0]
    svg = base64.b64decode(uri.removeprefix("data:image/svg+xml;base64,")).decode("utf-8")
    assert "<svg" in svg and "Before and after, per skill" not in html.split("<h2>Charts</h2>")[1]


def test_without_check_forms_the_gradebook_is_unchanged(course, tmp_path):
    group = Class(course, tmp_path / "class", seed=2)
    plain = gradebook(grade_paths([group.folder], course.exercises))
    assert "gain" not in plain.columns
    assert plain["max"].iloc[0] == pytest.approx(sum(max_score(e) for e in course.exercises.exercises))
    assert not ClassReport(grade_paths([group.folder], course.exercises, forms=CheckForms())).paired.both


def test_the_form_order_is_balanced_on_a_thousand_names():
    rng = random.Random(2026)
    letters = "abcdefghijklmnopqrstuvwxyzéüñøçłß"
    names = {
        " ".join("".join(rng.choice(letters) for _ in range(rng.randint(2, 9))).title() for _ in range(2))
        for _ in range(1000)
    }
    share = sum(first_form(name) is Form.A for name in names) / len(names)
    assert len(names) == 1000
    assert 0.45 <= share <= 0.55


def test_the_form_order_follows_the_name_as_the_grader_compares_names():
    for name in NAMES:
        for variant in (name.upper(), f"  {name} ", name.replace("a", "a\u200b")):
            assert learner_key(variant) == learner_key(name)
            assert first_form(variant) is first_form(name)
    assert FormOrder().first("Ana") is first_form("Ana")


def _learner(name: str, exercises: list[Exercise], rng: random.Random, skip: float) -> LearnerGrade:
    results = []
    for exercise in exercises:
        if rng.random() < skip:
            continue
        raw = synthetic_answer(exercise, rng, rng.random())
        results.append(grade(exercise, parse(exercise, raw)))
    return LearnerGrade(name, (f"{name}.json",), Mode.LEARN, tuple(results))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32), count_post=st.booleans(), skip=st.sampled_from([0.0, 0.3, 0.8]))
def test_gain_and_percent_follow_the_forms_for_any_answers(course, seed, count_post, skip):
    rng = random.Random(seed)
    exercises = list(course.lesson_order)
    learners = tuple(_learner(name, exercises, rng, skip) for name in NAMES[:6])
    grades = ClassGrades(tuple(exercises), learners, forms=course.forms, count_post=count_post)
    book = gradebook(grades).set_index("learner")
    checks = {i for form in Form for i in course.forms.of(form)}
    for learner in learners:
        row = book.loc[learner.learner]
        scores = {r.exercise: r.score for r in learner.results}
        first = first_form(learner.learner)

        def percent(form: Form, scores: dict[str, float] = scores) -> float:
            ids = course.forms.of(form)
            if not any(i in scores for i in ids):
                return math.nan
            most = sum(max_score(course.by_id[i]) for i in ids)
            return round(100 * sum(scores.get(i, 0.0) for i in ids) / most, 1)

        assert _close(row["pre_percent"], percent(first))
        assert _close(row["post_percent"], percent(first.other))
        assert _close(row["gain"], percent(first.other) - percent(first))
        counted = {e.id for e in exercises if e.id not in checks} | (
            set(course.forms.of(first.other)) if count_post else set()
        )
        assert row["total"] == pytest.approx(sum(s for i, s in scores.items() if i in counted))
        assert row["max"] == pytest.approx(sum(max_score(course.by_id[i]) for i in counted))
        # The pre form never counts: the learner's percent is the same with the pre form left unanswered.
        without_pre = LearnerGrade(
            learner.learner,
            learner.sources,
            learner.mode,
            tuple(r for r in learner.results if r.exercise not in course.forms.of(first)),
        )
        other = ClassGrades(tuple(exercises), (without_pre,), forms=course.forms, count_post=count_post)
        assert gradebook(other)["percent"].iloc[0] == row["percent"]
