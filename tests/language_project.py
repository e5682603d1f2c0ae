"""A tiny medialit project of the test texts in Arabic, Hebrew, Korean and Japanese: one highlight exercise each."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet, load_exercises
from tests.languages import DIRECTIONS, SENTENCES, TEXTS

NAMES = {"ar": "Arabic", "he": "Hebrew", "ko": "Korean", "ja": "Japanese"}
"""Each test text's language, in words."""


def write_project(root: Path) -> tuple[Catalogue, ExerciseSet]:
    """Write ``seeds/`` and ``exercises/`` into ``root``; the catalogue and the exercises, loaded and checked."""
    seeds, exercises = root / "seeds", root / "exercises"
    seeds.mkdir(parents=True)
    exercises.mkdir()
    entries = []
    for lang, text in TEXTS.items():
        seed = seeds / f"bakery-{lang}.txt"
        seed.write_text(text, encoding="utf-8")
        entries.append(
            {
                "slug": f"bakery-{lang}",
                "label": f"The {NAMES[lang]} text",
                "title": "A new bakery",
                "file": seed.name,
                "sha256": hashlib.sha256(seed.read_bytes()).hexdigest(),
                "origin": "written-for-module",
                "lang": lang,
                "dir": DIRECTIONS[lang],
            }
        )
        sentences = SENTENCES[lang]
        exercise = {
            "schema_version": 1,
            "id": f"bakery-{lang}",
            "type": "highlight",
            "skill": "sourcing",
            "title": f"Who works at the bakery? ({NAMES[lang]})",
            "documents": [f"bakery-{lang}"],
            "prompt": "Select the sentence that names the cook or the owner. Then press Check.",
            "hints": ["Look for a person's name.", "Two sentences name a person."],
            "targets": [
                {"id": "owner", "quote": sentences[1], "explanation": "This sentence names the owner."},
                {"id": "cook", "quote": sentences[2], "explanation": "This sentence names someone who works there."},
            ],
            "distractors": [{"id": "opening", "quote": sentences[0], "explanation": "This says when it opened."}],
        }
        (exercises / f"bakery-{lang}.yaml").write_text(yaml.safe_dump(exercise, allow_unicode=True), encoding="utf-8")
    (seeds / "catalogue.yaml").write_text(
        yaml.safe_dump({"schema_version": 1, "documents": entries}, allow_unicode=True), encoding="utf-8"
    )
    catalogue = Catalogue.load(seeds / "catalogue.yaml")
    return catalogue, load_exercises(exercises, catalogue)
