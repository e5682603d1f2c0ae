"""The short form of the learner's answers in suspend_data (scorm/codec.js), run in Chromium: a learner who answered
every exercise of the book fits SCORM 1.2's 4,096 characters, and what is encoded comes back as it was (times to the
second); text that is not the short form is refused, never guessed."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import scoring
from medialit.course import Course
from medialit.kinds import kind_of
from medialit.scorm.package import answer_ids
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CODEC = str(resources.files("medialit").joinpath("scorm", "codec.js"))
LIMIT_1_2 = 4096
ROUND_TRIP = """([book, saved]) => {
  const text = window.medialit.scormCodec.encode(book, saved);
  const { records, dropped } = window.medialit.scormCodec.decode(book, text);
  return { text, dropped, records: Object.fromEntries([...records].map(([i, r]) => [String(i), r])) };
}"""


@pytest.fixture(scope="module")
def book():
    """The book's exercises in reading order, with the ids an answer can name and the points available."""
    exercises = Course.load(ROOT).lesson_order
    return exercises, [{"ids": answer_ids(e), "max_score": scoring.max_score(e)} for e in exercises]


@pytest.fixture
def codec_page(page):
    page.set_content("<!DOCTYPE html><html lang='en'><title>codec</title><body></body></html>")
    page.add_script_tag(path=CODEC)
    return page


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record(answer, first, checks: int, confidence, hints: int, revealed: bool, at: datetime, score):
    """A saved answer as the book's shim.js keeps it."""
    return {
        "submission": {"answer": answer, "count": checks, "confidence": confidence, "first_answer": first},
        "revealed": revealed,
        "hints_shown": hints,
        "answered_at": stamp(at),
        "score": score,
        "max_score": None,
    }


def expected(saved: dict, book_entry: dict) -> dict:
    """What decoding gives back: the time to the second; the maximum from the book when there is a score."""
    back = json.loads(json.dumps(saved))
    at = datetime.fromisoformat(saved["answered_at"].replace("Z", "+00:00")).replace(microsecond=0)
    back["answered_at"] = stamp(at)
    back["max_score"] = book_entry["max_score"] if saved["score"] is not None else None
    return back


def test_a_learner_who_answered_everything_fits_scorm_1_2(codec_page, book):
    exercises, entries = book
    start = datetime(2026, 3, 2, 8, 15, 7, 123000, tzinfo=UTC)
    saved = []
    for n, exercise in enumerate(exercises):
        examples = scoring.examples(exercise)
        # The worst case: a first answer that differs from the last, three checks, hints, confidence, four weeks.
        saved.append(
            record(
                examples.correct,
                examples.incorrect,
                3,
                3,
                len(exercise.hints),
                n % 2 == 0,
                start + timedelta(days=28 * n / len(exercises), milliseconds=n),
                scoring.max_score(exercise),
            )
        )
    done = codec_page.evaluate(ROUND_TRIP, [entries, saved])
    plain = len(json.dumps(saved, separators=(",", ":")))
    assert len(done["text"]) <= LIMIT_1_2, f"{len(done['text'])} characters (the records' JSON: {plain})"
    assert done["dropped"] == 0
    assert done["records"] == {str(n): expected(s, entries[n]) for n, s in enumerate(saved)}
    assert codec_page.console_errors == []


answered = st.lists(
    st.tuples(
        st.integers(0, 10_000),  # which exercise (modulo their number)
        st.floats(0, 1),  # ability
        st.integers(0, 3),  # slips
        st.integers(0, 9),  # checks
        st.sampled_from([None, 1, 2, 3]),
        st.integers(0, 4),  # hints shown
        st.booleans(),  # revealed
        st.integers(0, 60 * 60 * 24 * 365),  # seconds after the first answer
        st.booleans(),  # keep the first answer
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answered, st.integers(0, 2**32))
def test_any_answers_come_back_as_they_were(codec_page, book, picks, seed):
    exercises, entries = book
    rng = random.Random(seed)
    saved: list = [None] * len(exercises)
    start = datetime(2026, 1, 5, 9, 0, 0, 500000, tzinfo=UTC)
    for index, ability, slips, checks, confidence, hints, revealed, seconds, keep_first in picks:
        n = index % len(exercises)
        exercise = exercises[n]
        answer = kind_of(exercise).synthetic(exercise, rng, ability, slips)
        first = kind_of(exercise).synthetic(exercise, rng, ability, slips) if keep_first else None
        result = scoring.score(exercise, answer)
        at = start + timedelta(seconds=seconds)
        saved[n] = record(answer, first, checks, confidence, hints, revealed, at, result.score)
    done = codec_page.evaluate(ROUND_TRIP, [entries, saved])
    assert done["dropped"] == 0
    assert done["records"] == {str(n): expected(s, entries[n]) for n, s in enumerate(saved) if s is not None}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=40),
        st.builds(lambda v: "1" + json.dumps(v), st.recursive(st.integers() | st.text(max_size=3), st.lists)),
    )
)
def test_text_that_is_not_the_short_form_is_refused_and_counted(codec_page, book, text):
    _, entries = book
    done = codec_page.evaluate(
        "([book, text]) => { const d = window.medialit.scormCodec.decode(book, text); "
        "return { n: d.records.size, dropped: d.dropped }; }",
        [entries, text],
    )
    counts = expected_counts(text)
    if counts is None:  # the layout: every row is read or counted as dropped
        rows = json.loads(text[1:])[1:]
        assert done["n"] + done["dropped"] == len(rows)
        assert done["n"] <= sum(isinstance(r, list) and len(r) >= 2 and isinstance(r[1], list) for r in rows)
    else:
        assert done == counts


def strict_json(name: str) -> None:
    """JSON.parse knows no NaN or Infinity."""
    raise ValueError(name)


def expected_counts(text: str) -> dict | None:
    """Records read and dropped for a text that is not the layout (one dropped whole); None for the layout."""
    if text == "":
        return {"n": 0, "dropped": 0}
    try:
        data = json.loads(text[1:], parse_constant=strict_json) if text.startswith("1") else None
    except ValueError:
        data = None
    if not isinstance(data, list) or not data or type(data[0]) not in (int, float):
        return {"n": 0, "dropped": 1}
    return None
