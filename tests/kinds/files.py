"""Exercise files written into a copy of the project's seeds, for the validation tests of every kind."""

import hashlib
import textwrap

import yaml

from medialit.catalogue import Catalogue
from medialit.exercises import ExerciseSet, load_exercises

__all__ = ["SHORT_TARGETS", "problems_for", "short_case", "short_workspace"]


def problems_for(workspace, text, name="broken.yaml") -> ExerciseSet:
    """The exercises of the workspace once ``text`` is written into ``exercises/<name>``."""
    (workspace / "exercises" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    catalogue = Catalogue.load(workspace / "seeds" / "catalogue.yaml")
    return load_exercises(workspace / "exercises", catalogue)


SHORT_TEXT = (
    "Officials say the plan works. Experts agree, insiders add. A secret memo confirms it.\n"
    "The mayor spoke on Monday. Sources close to the mayor call it a success.\n"
    "Analysts are said to be impressed. A leaked report backs them. The plan began in May.\n"
)
SHORT_TARGETS = [  # (id, quote, explanation, label): six of the eight sentences
    ("officials", "Officials say the plan works.", "No official is named.", "group"),
    ("experts", "Experts agree, insiders add.", "Which experts? Which insiders?", "group"),
    ("memo", "A secret memo confirms it.", "Nobody can read a secret memo.", "doc"),
    ("sources", "Sources close to the mayor call it a success.", "The sources have no names.", "anon"),
    ("analysts", "Analysts are said to be impressed.", "No analyst is named.", "group"),
    ("leaked", "A leaked report backs them.", "Nobody can read the report.", "doc"),
]
SHORT_LABELS = [
    {"id": "anon", "name": "Anonymous"},
    {"id": "group", "name": "Vague group"},
    {"id": "doc", "name": "Secret document"},
]


def short_case(targets=SHORT_TARGETS, labelled=False, also=None) -> str:
    """A highlight exercise on the eight-sentence text; ``also`` maps target ids to their `also_accept`."""
    data = {
        "schema_version": 1,
        "id": "short",
        "type": "highlight",
        "skill": "sourcing",
        "title": "Who says so?",
        "documents": ["short"],
        "prompt": "Mark every sentence that leans on a source no reader could check.",
        "hints": [],
        "targets": [
            {"id": i, "quote": q, "explanation": e}
            | ({"label": k} if labelled else {})
            | ({"also_accept": (also or {})[i]} if i in (also or {}) else {})
            for i, q, e, k in targets
        ],
        "distractors": [{"id": "mayor", "quote": "on Monday", "explanation": "A named person on a named day."}],
    }
    if labelled:
        data["labels"] = SHORT_LABELS
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def short_workspace(workspace):
    """The workspace with one more document of eight sentences, listed in the catalogue with its checksum."""
    seed = workspace / "seeds" / "short.txt"
    seed.write_text(SHORT_TEXT, encoding="utf-8")
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    with (workspace / "seeds" / "catalogue.yaml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(
            f"  - slug: short\n    label: Document S\n    title: A short text\n    file: short.txt\n"
            f"    sha256: {digest}\n    origin: written-for-module\n"
        )
    return workspace
