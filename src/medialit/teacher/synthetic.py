"""Synthetic hand-ins made from the real exercises, for the sample class, the tests and the benchmark.

``python -m medialit.teacher.synthetic`` rewrites the book's sample class (``book/teachers/sample-class/``); run it
after changing the exercises, or the class view shows the old answers as stale.

Each learner has an ability between 0.15 and 0.95: the chance of finding each target. Wrong marks are added with
the complementary chance, so that totals spread out the way a real class's do.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from medialit.handin import Answer, Handin
from medialit.kinds import kind_of
from medialit.learner import handin_from_results
from medialit.model import Exercise
from medialit.modes import Mode

__all__ = ["synthetic_answer", "synthetic_handin", "write_sample_class"]

START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def synthetic_answer(exercise: Exercise, rng: random.Random, ability: float) -> Any:
    """A raw answer a learner of ``ability`` might give."""
    slips = 0 if rng.random() < ability else rng.randint(1, 2)
    return kind_of(exercise).synthetic(exercise, rng, ability, slips)


def synthetic_handin(
    learner: str, exercises: Iterable[Exercise], rng: random.Random, *, mode: Mode = Mode.LEARN, skip: float = 0.0
) -> Handin:
    """A whole hand-in; each exercise is left out with probability ``skip``."""
    ability = rng.uniform(0.15, 0.95)
    created = START + timedelta(minutes=rng.randint(0, 600))
    answers = []
    for exercise in exercises:
        if rng.random() < skip:
            continue
        answered = created + timedelta(minutes=rng.randint(1, 40))
        raw = synthetic_answer(exercise, rng, ability)
        checks = 0 if mode is Mode.EXAM else rng.randint(1, 4)
        confidence = rng.choice([None, 1, 2, 3])
        # Drawn from a second generator, so that the answers above stay what they were before first tries existed.
        tries = random.Random(f"{learner}/{exercise.id}/{ability}")
        first = raw if checks <= 1 else synthetic_answer(exercise, tries, ability * 0.7)
        answers.append(
            Answer(
                exercise=exercise.id,
                content_hash=exercise.content_hash,
                raw=raw,
                checks=checks,
                confidence=confidence,
                revealed=checks > 2 and tries.random() < 0.4,
                answered_at=answered,
                first_raw=first if mode is Mode.LEARN or checks else raw,
            )
        )
    return handin_from_results(learner, answers, mode=mode, created=created, exported=created + timedelta(minutes=45))


SAMPLE_NAMES = ("Ana", "Ben", "Chloé", "Dawit", "Eun-ji", "Farah", "Gustavo", "Hana", "Ivan", "Jamila", "Kofi", "Lena")


def write_sample_class(folder: Path, exercises: Iterable[Exercise], seed: int = 2026) -> list[Path]:
    """The book's sample class: a dozen hand-ins (one from an exam build, one handed in twice) and a truncated file."""
    exercises = tuple(exercises)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    written = []
    for number, name in enumerate(SAMPLE_NAMES):
        mode = Mode.EXAM if name == "Lena" else Mode.LEARN
        handin = synthetic_handin(name, exercises, rng, mode=mode, skip=0.1)
        slug = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
        path = folder / f"{slug}.json"
        path.write_text(json.dumps(handin.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
        if number == 1:
            earlier = synthetic_handin(name, exercises, rng, skip=0.5)
            path = folder / f"{slug}-first-try.json"
            path.write_text(
                json.dumps(handin_as_older(earlier, handin), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            written.append(path)
    text = written[0].read_text(encoding="utf-8")
    broken = folder / "broken-upload.json"
    broken.write_text(text[: len(text) // 3], encoding="utf-8")
    return [*written, broken]


def handin_as_older(handin: Handin, newer: Handin) -> dict[str, Any]:
    """``handin`` as JSON, exported an hour before ``newer``."""
    data = handin.as_json()
    if newer.exported is None:
        raise ValueError("the newer hand-in says nothing of when it was exported")
    data["exported"] = (newer.exported - timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    return data


def main() -> None:  # pragma: no cover - a maintenance script
    """Rewrite ``book/teachers/sample-class/`` from the project's exercises."""
    from medialit.course import Course

    course = Course.load()
    for path in write_sample_class(course.project.book / "teachers" / "sample-class", course.exercises.exercises):
        print(f"Wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
