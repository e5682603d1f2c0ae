"""Read exercise files and validate them in two stages: the JSON schema, then the checks a schema cannot express.

Stage two checks that ids are unique, every quote is an exact substring of its document within one paragraph, labels
and documents exist, and that each exercise can tell a careful learner from one who marks everything.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import jsonschema
import yaml

from medialit.authoring.checks import colon_in_list_item, duplicate_ids, look_alike_fix, overlaps, todo_fix
from medialit.authoring.yamlmistakes import syntax_problem
from medialit.catalogue import Catalogue, Document
from medialit.kinds import kind
from medialit.kinds.schema import joined_schema
from medialit.meaning import meaning_hash
from medialit.model import (
    Anchor,
    Distractor,
    Exercise,
    ExerciseType,
    Label,
    Option,
    SearchQuery,
    SearchResult,
    Skill,
    Target,
)
from medialit.nearest import nearest_passage
from medialit.problems import ExerciseFileError, Problem, Severity
from medialit.text import Unit
from medialit.yamlfile import YamlFile, field_path

__all__ = ["ExerciseSet", "load_exercise", "load_exercises", "schema"]


def schema() -> dict[str, Any]:
    """The exercise JSON schema: the fields of every exercise joined with each kind's (:mod:`medialit.kinds.schema`)."""
    return joined_schema()


def _short(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


@dataclass
class _Checker:
    """Collects the problems of one file."""

    yaml_file: YamlFile
    catalogue: Catalogue
    problems: list[Problem] = field(default_factory=list)

    def add(self, where: Iterable[Any], message: str, fix: str = "", severity: Severity = Severity.ERROR) -> None:
        where = tuple(where)
        self.problems.append(
            Problem(
                file=str(self.yaml_file.path),
                line=self.yaml_file.line_of(where),
                field=field_path(where),
                message=message,
                fix=fix,
                severity=severity,
            )
        )

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    # -- stage 1 -----------------------------------------------------------------------------------------------
    def check_schema(self, data: Any) -> None:
        validator = jsonschema.Draft202012Validator(schema())
        errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), str(e.validator)))
        for error in _specific(errors):
            colon = colon_in_list_item(self.yaml_file, tuple(error.absolute_path), error)
            if colon is not None:
                self.add(tuple(error.absolute_path), *colon)
                continue
            for where, message, fix in _schema_problems(error, data):
                self.add(where, message, fix)

    # -- stage 2 -----------------------------------------------------------------------------------------------
    def anchor(
        self, where: tuple[Any, ...], raw: dict[str, Any], default_document: str, allowed: tuple[str, ...]
    ) -> Anchor | None:
        slug = raw.get("document", default_document)
        if slug not in allowed:
            self.add(
                (*where, "document"),
                f"document {slug!r} is not one of this exercise's documents {list(allowed)}",
                fix="use one of the slugs listed under `documents`",
            )
            return None
        document = self.catalogue.get(slug)
        quote = raw["quote"]
        count = document.text.count(quote)
        if count == 0:
            self._quote_not_found((*where, "quote"), document, quote)
            return None
        if count > 1:
            self.add(
                (*where, "quote"),
                f"the quote {_short(quote)!r} occurs {count} times in {slug}",
                fix="quote a few more words so that it points at one place only",
            )
            return None
        start = document.text.index(quote)
        end = start + len(quote)
        if "\n" in quote.strip("\n") or "\n" in document.text[start:end].strip():
            self.add(
                (*where, "quote"),
                "the quote runs across a paragraph break",
                fix="a quote must stay inside one paragraph: split it into two items, or shorten it",
            )
            return None
        units = tuple(u.id for u in document.units_between(start, end))
        return Anchor(document=slug, quote=quote, start=start, end=end, units=units)

    def _quote_not_found(self, where: tuple[Any, ...], document: Document, quote: str) -> None:
        if "TODO" in quote:
            self.add(where, "this quote is still a TODO placeholder", fix=todo_fix(quote))
            return
        suggestion = nearest_passage(document.text, quote)
        if suggestion is None:
            self.add(where, f"the quote is empty or {document.slug} is empty")
            return
        if "\n" in suggestion.passage.strip():
            before = suggestion.passage.strip().split("\n")[0].strip()
            self.add(
                where,
                f"the quote {_short(quote)!r} runs across a paragraph break in {document.slug} ({document.path.name})",
                fix=f"the text starts a new paragraph after {_short(before, 120)!r}; a quote must stay inside one "
                "paragraph: shorten it, or split it into two items",
            )
            return
        self.add(
            where,
            f"the quote {_short(quote)!r} is not in {document.slug} ({document.path.name}) exactly as written",
            fix=f"the nearest passage is {suggestion.passage!r} ({suggestion.reason})"
            + look_alike_fix(self.yaml_file, where, suggestion)
            + "; copy it from the document character for character",
        )


_KINDS = {
    "array": "a list (one item per line, each starting with `- `)",
    "string": "text",
    "object": "a group of fields (`name: value` lines, indented under it)",
    "boolean": "true or false",
    "integer": "a whole number",
}


def _subschema(error: jsonschema.ValidationError) -> dict[str, Any]:
    """The part of the schema that ``error`` broke, as a dict (empty for a ``false`` schema)."""
    return error.schema if isinstance(error.schema, dict) else {}


def _field_names(value: Any) -> set[str]:
    """The field names of an object in the file (none for anything else)."""
    return {str(name) for name in value} if isinstance(value, dict) else set()


def _specific(errors: list[jsonschema.ValidationError]) -> list[jsonschema.ValidationError]:
    """The errors an author can act on: a vague ``oneOf`` goes when a sharper error is there, and a missing field
    goes when a misspelt field next to it will be reported with the right spelling."""
    paths = [tuple(e.absolute_path) for e in errors if e.validator != "oneOf"]
    misspelt = {
        (tuple(e.absolute_path), close)
        for e in errors
        if e.validator == "additionalProperties"
        for name in _field_names(e.instance) - set(_subschema(e).get("properties", {}))
        for close in difflib.get_close_matches(name, _allowed_fields(e), n=1, cutoff=0.7)
    }
    return [
        e
        for e in errors
        if not (e.validator == "oneOf" and any(p[: len(e.absolute_path)] == tuple(e.absolute_path) for p in paths))
        and not (e.validator == "required" and (tuple(e.absolute_path), _missing(e)) in misspelt)
    ]


def _missing(error: jsonschema.ValidationError) -> str:
    """The field a ``required`` error is about."""
    return error.message.split("'")[1]


def _description(subschema: dict[str, Any], name: str) -> str:
    """The schema's description of property ``name``, following one ``$ref``."""
    prop = subschema.get("properties", {}).get(name, {})
    if not isinstance(prop, dict):
        return ""
    if "description" in prop:
        return str(prop["description"])
    ref = prop.get("$ref", "")
    return str(schema()["$defs"].get(ref.rsplit("/", 1)[-1], {}).get("description", "")) if ref else ""


def _allowed_fields(error: jsonschema.ValidationError) -> list[str]:
    return [k for k, v in _subschema(error).get("properties", {}).items() if v is not False]


def _schema_problems(error: jsonschema.ValidationError, data: Any = None) -> list[tuple[tuple[Any, ...], str, str]]:
    """(where, what is wrong, how to fix it) for one schema error, in an author's words."""
    where = tuple(error.absolute_path)
    if not where and error.schema is False and isinstance(data, dict):
        # A field refused by a kind's branch comes without its path: find the field by its value.
        where = tuple(name for name, value in data.items() if value is error.instance)[:1]
    if error.validator == "required":
        name = _missing(error)
        description = _description(_subschema(error), name)
        return [
            (
                where,
                f"the required field '{name}' is missing",
                f"add `{name}:`" + (f" ({description})" if description else ""),
            )
        ]
    if error.validator == "additionalProperties":
        allowed = _allowed_fields(error)
        out = []
        for name in sorted(_field_names(error.instance) - set(_subschema(error).get("properties", {}))):
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.7)
            fix = f"did you mean `{close[0]}`? Rename it." if close else "remove it, or check its spelling."
            out.append(
                (
                    (*where, name),
                    f"`{name}` is not a field medialit knows here",
                    f"{fix} Allowed here: " + ", ".join(f"`{a}`" for a in allowed),
                )
            )
        return out
    if error.validator == "enum":
        choices = ", ".join(map(str, cast(list[Any], error.validator_value)))
        return [(where, f"{error.instance!r} is not allowed here; use one of {choices}", f"write one of {choices}")]
    if error.validator == "const":
        return [(where, f"{error.instance!r} is not allowed here", f"write {error.validator_value!r}")]
    if error.schema is False:
        return [
            (
                where,
                f"`{where[-1] if where else 'a field'}` does not belong in this type of exercise",
                "remove it; the schema's descriptions say which fields each type takes",
            )
        ]
    if error.validator == "type":
        expected: Any = error.validator_value
        kind = expected if isinstance(expected, str) else expected[0]
        return [
            (
                where,
                f"this should be {_KINDS.get(kind, kind)}, not {_short(repr(error.instance), 60)}",
                "check the indentation and the `- ` in front of list items",
            )
        ]
    if error.validator == "pattern":
        better = re.sub(r"[^a-z0-9]+", "-", str(error.instance).lower()).strip("-") or "item-1"
        return [
            (
                where,
                f"{error.instance!r} cannot be used as an id",
                f"use lower-case letters, digits and hyphens only, for example {better!r}",
            )
        ]
    if error.validator in ("minLength", "minItems"):
        size = "characters" if error.validator == "minLength" else "items"
        return [(where, f"this is too short: it needs at least {error.validator_value} {size}", "")]
    if error.validator == "oneOf":
        return [
            (
                where,
                "this item does not have the fields its type needs",
                "compare it with the examples in the schema's descriptions",
            )
        ]
    return [(where, error.message, "")]


def _placeholders(checker: _Checker, data: Any, where: tuple[Any, ...] = ()) -> None:
    """Warn about every TODO left by ``medialit new-case``; quotes are the document's own words and are skipped."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "quote":
                _placeholders(checker, value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _placeholders(checker, value, (*where, index))
    elif isinstance(data, str) and "TODO" in data:
        checker.add(where, "this is still a TODO placeholder", fix=todo_fix(data), severity=Severity.WARNING)


def _sentence(catalogue: Catalogue, unit: Unit) -> str:
    return catalogue.get(unit.document).text[unit.start : unit.end]


def load_exercise(path: Path, catalogue: Catalogue) -> tuple[Exercise | None, list[Problem]]:
    """One exercise file compiled, or ``None`` with the problems that stopped it; warnings come either way."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(file=str(path), line=None, field="", message=f"cannot read the file: {error}")]
    try:
        yaml_file = YamlFile(path, text)
    except yaml.YAMLError as error:
        return None, [syntax_problem(path, text, error)]
    checker = _Checker(yaml_file, catalogue)
    data = yaml_file.data
    checker.check_schema(data)
    if checker.failed:
        return None, checker.problems
    _placeholders(checker, data)
    exercise = _compile(checker, data, path)
    return (None if checker.failed else exercise), checker.problems


def _compile(checker: _Checker, data: dict[str, Any], path: Path) -> Exercise:
    exercise_type = ExerciseType(data["type"])
    documents = tuple(data.get("documents", ()))
    for index, slug in enumerate(documents):
        if slug not in checker.catalogue.slugs:
            checker.add(
                ("documents", index),
                f"there is no document {slug!r} in the catalogue",
                fix=f"use one of {list(checker.catalogue.slugs)}",
            )
    if checker.failed:
        documents = ()
    default = documents[0] if documents else ""
    units = tuple(u for slug in documents for u in checker.catalogue.get(slug).units)
    hints = tuple(data["hints"])
    if len(hints) == 1:
        checker.add(("hints",), "give at least two graduated hints, or none at all")
    labels = tuple(Label(**raw) for raw in data.get("labels", ()))
    kind(exercise_type).check_fields(data, checker)

    targets: list[Target] = []
    discussions: list[Target] = []
    for index, raw in enumerate(data.get("targets", ())):
        where = ("targets", index)
        anchors = _anchors(checker, where, raw, default, documents, exercise_type)
        if not raw.get("explanation", "").strip():
            checker.add(
                (*where, "id"),
                f"the target {raw['id']!r} has no explanation",
                fix="add `explanation:` saying why it counts; learners who miss it see nothing otherwise",
                severity=Severity.WARNING,
            )
        if anchors is not None:
            found = discussions if raw.get("discussion") else targets
            found.append(
                Target(
                    raw["id"], anchors, raw.get("explanation", ""), raw.get("label"), tuple(raw.get("also_accept", ()))
                )
            )
    distractors = []
    for index, raw in enumerate(data.get("distractors", ())):
        anchors = _anchors(checker, ("distractors", index), raw, default, documents, exercise_type)
        if anchors is not None:
            distractors.append(Distractor(raw["id"], anchors, raw["explanation"]))
    context = None
    if "context" in data:
        context = checker.anchor(
            ("context",), data["context"], data["context"].get("document", ""), checker.catalogue.slugs
        )
    exercise = Exercise(
        id=data["id"],
        type=exercise_type,
        skill=Skill(data["skill"]),
        title=data["title"],
        prompt=data["prompt"],
        hints=hints,
        documents=documents,
        units=units,
        targets=tuple(targets),
        discussions=tuple(discussions),
        distractors=tuple(distractors),
        labels=labels,
        allow_none=data.get("allow_none", False),
        none_feedback=data.get("none_feedback", ""),
        options=tuple(
            Option(raw["id"], raw["text"], raw.get("correct", False), raw["feedback"], raw.get("discussion", False))
            for raw in [*data.get("options", ()), *data.get("verdicts", ())]  # a search task's verdicts are options
        ),
        queries=tuple(
            SearchQuery(raw["id"], raw["text"], tuple(raw.get("words", ())), tuple(raw["results"]))
            for raw in data.get("queries", ())
        ),
        results=tuple(
            SearchResult(
                raw["id"],
                raw["page"],
                raw["title"],
                raw["address"],
                raw["snippet"],
                None if raw["supports"] == "either" else bool(raw["supports"]),
                raw["why"],
            )
            for raw in data.get("results", ())
        ),
        multiple=data.get("multiple", False),
        context=context,
        takeaway=data.get("takeaway", ""),
        assessment=data.get("assessment", False),
        source=str(path),
        content_hash=meaning_hash(data, ((u.id, _sentence(checker.catalogue, u)) for u in units)),
    )
    if not checker.failed:
        _check_items(checker, exercise, data)
    return exercise


def _anchors(
    checker: _Checker,
    where: tuple[Any, ...],
    raw: dict[str, Any],
    default: str,
    documents: tuple[str, ...],
    exercise_type: ExerciseType,
) -> tuple[Anchor, ...] | None:
    """The item's quotes: the item itself, or the fields the kind names (both in different sentences)."""
    fields = kind(exercise_type).anchor_fields
    if not fields:
        anchor = checker.anchor(where, raw, default, documents)
        return None if anchor is None else (anchor,)
    found = [checker.anchor((*where, name), raw[name], default, documents) for name in fields]
    anchors = tuple(anchor for anchor in found if anchor is not None)
    if len(anchors) < len(found):
        return None
    seen: set[str] = set()
    for anchor in anchors:
        if seen & set(anchor.units):
            checker.add(
                where, "both sides of the pair are in the same sentence", fix="a pair links two different sentences"
            )
            return None
        seen.update(anchor.units)
    return anchors


def _check_items(checker: _Checker, exercise: Exercise, data: dict[str, Any]) -> None:
    """Rules on the exercise as a whole."""
    items = [
        (group, i, raw["id"])
        for group in ("targets", "distractors", "options")
        for i, raw in enumerate(data.get(group, ()))
    ]
    counts = Counter(item_id for _, _, item_id in items)
    for group, index, item_id in items:
        if counts[item_id] > 1:
            checker.add(
                (group, index, "id"),
                f"the item id {item_id!r} is used {counts[item_id]} times",
                fix="give every target, distractor and option its own id",
            )
    for where, message, fix in overlaps(exercise, data):
        checker.add(where, message, fix)
    kind(exercise.type).check(exercise, data, checker)


@dataclass(frozen=True)
class ExerciseSet:
    """Every exercise of a project, with the problems found."""

    exercises: tuple[Exercise, ...]
    """The valid exercises, ordered by file name."""
    problems: tuple[Problem, ...]
    """Errors and warnings from every file."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; ``KeyError`` if there is none."""
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(exercise_id)

    def require_valid(self) -> ExerciseSet:
        """Self, or :class:`ExerciseFileError` if any file has an error."""
        if self.errors:
            raise ExerciseFileError(list(self.errors))
        return self


def load_exercises(folder: Path, catalogue: Catalogue) -> ExerciseSet:
    """Every ``*.yaml`` / ``*.yml`` file in ``folder``, validated; exercise ids must be unique across files."""
    exercises: list[Exercise] = []
    problems: list[Problem] = []
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    for path in paths:
        exercise, found = load_exercise(path, catalogue)
        problems.extend(found)
        if exercise is not None:
            exercises.append(exercise)
    kept, copies = duplicate_ids(exercises)
    problems.extend(copies)
    return ExerciseSet(tuple(kept), tuple(problems))
