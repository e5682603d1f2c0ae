"""pandas tables built from the exercises and documents: the source ledger used in the lab."""

from __future__ import annotations

import pandas as pd

from medialit.catalogue import Catalogue, Origin
from medialit.exercises import ExerciseSet
from medialit.model import ExerciseType, Skill

__all__ = ["source_ledger"]


def source_ledger(exercises: ExerciseSet, catalogue: Catalogue) -> pd.DataFrame:
    """One row per unverifiable attribution found in the sourcing exercises on the case studies, deduplicated by quote.

    Columns: ``document`` (e.g. "Document A"), ``paragraph``, ``quote``, ``kind`` (the label's name where a labelled
    exercise classifies it, else ``"unverifiable"``), ``can_be_checked`` (always ``False`` for these targets).
    Only exercises on the original case studies (``origin: case-study``) count: the texts written for the module
    include the check forms and the Final challenge, whose keys the book never shows.
    """
    case_studies = {document.slug for document in catalogue.of_origin(Origin.CASE_STUDY)}
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for exercise in exercises.exercises:
        if exercise.type is not ExerciseType.HIGHLIGHT or exercise.skill is not Skill.SOURCING:
            continue
        if not set(exercise.documents) <= case_studies:
            continue
        names = {label.id: label.name for label in exercise.labels}
        for target in exercise.targets:
            anchor = target.anchors[0]
            document = catalogue.get(anchor.document)
            key = (anchor.document, anchor.quote)
            row = rows.setdefault(
                key,
                {
                    "document": document.label,
                    "paragraph": document.unit_index[anchor.units[0]].paragraph,
                    "quote": anchor.quote,
                    "kind": "unverifiable",
                    "can_be_checked": False,
                },
            )
            if target.label:
                row["kind"] = names[target.label]
    frame = pd.DataFrame(list(rows.values()), columns=["document", "paragraph", "quote", "kind", "can_be_checked"])
    return frame.sort_values(["document", "paragraph"], kind="stable").reset_index(drop=True)
