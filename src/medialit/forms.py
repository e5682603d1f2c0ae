"""The two check forms: which exercises form A and form B, and which form each learner does first.

A page says it is a check form in its front matter: ``medialit-check-form: A`` (or ``B``). Its exercises are that
form's. The learner does one form before the module (the *pre* form) and the other at the end (the *post* form).

Half of a class does form A first. Which half is decided from the learner's name: :func:`first_form` hashes the name as
:func:`medialit.handin.learner_key` normalises it (32-bit FNV-1a over its UTF-8 bytes, then MurmurHash3's final mix;
an even hash is form A). The book's ``static/forms.js`` computes the same hash, so the learner sees the same order on
the check pages. A teacher may set the order instead, with a CSV file of ``learner,first`` rows
(:func:`read_form_order`), which wins over the hash.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from medialit.errors import ProjectError
from medialit.handin import learner_key
from medialit.reading_order import BookPage, front_matter, page_text

__all__ = [
    "FRONT_MATTER_KEY",
    "CheckForms",
    "Form",
    "FormOrder",
    "check_forms",
    "first_form",
    "form_hash",
    "read_form_order",
]

FRONT_MATTER_KEY = "medialit-check-form"
"""The front-matter key of a check form's page."""
MAX_ORDER_BYTES = 2 * 1024 * 1024
"""The largest form-order file read."""
_MASK = 0xFFFFFFFF


class Form(StrEnum):
    """One of the two check forms."""

    A = "A"
    """Form A."""
    B = "B"
    """Form B."""

    @property
    def other(self) -> Form:
        """The other form."""
        return Form.B if self is Form.A else Form.A


def form_hash(key: str) -> int:
    """A 32-bit hash of ``key`` (a normalised name): FNV-1a over its UTF-8 bytes, then MurmurHash3's ``fmix32``.

    The final mix spreads every input bit over every output bit, so that the lowest bit splits names evenly.
    ``static/forms.js`` computes the same number.
    """
    value = 0x811C9DC5
    for byte in key.encode("utf-8", "replace"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & _MASK
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & _MASK
    value ^= value >> 16
    return value


def first_form(name: str) -> Form:
    """The form the learner called ``name`` does first, from the hash of the name as the grader compares names."""
    return Form.A if form_hash(learner_key(name)) % 2 == 0 else Form.B


@dataclass(frozen=True)
class CheckForms:
    """Which exercises make up each check form (both empty when the book has no check forms)."""

    exercises: Mapping[Form, tuple[str, ...]] = field(default_factory=dict)
    """Per form, the ids of its exercises in reading order."""
    pages: tuple[str, ...] = ()
    """The names of the check forms' pages (as ``_toc.yml`` names them), in reading order."""

    def __bool__(self) -> bool:
        return bool(self.exercises.get(Form.A)) and bool(self.exercises.get(Form.B))

    def of(self, form: Form) -> tuple[str, ...]:
        """The exercise ids of ``form``."""
        return self.exercises.get(form, ())

    def form_of(self, exercise_id: str) -> Form | None:
        """The form that holds ``exercise_id``; ``None`` for an exercise of no form."""
        for form in Form:
            if exercise_id in self.of(form):
                return form
        return None


def page_form(page: BookPage, text: str) -> Form | None:
    """The form the page source ``text`` says it is; :class:`ProjectError` naming the page for any other value."""
    data = front_matter(text)
    if FRONT_MATTER_KEY not in data:
        return None
    value = data[FRONT_MATTER_KEY]
    if isinstance(value, str) and value.strip().upper() in ("A", "B"):
        return Form(value.strip().upper())
    raise ProjectError(f"page {page.name!r}: `{FRONT_MATTER_KEY}: {value!s:.40}` is not a check form; write A or B")


def check_forms(book: Path, pages: Iterable[BookPage]) -> CheckForms:
    """The check forms of the book in ``book`` from its pages' front matter (pages of one form are joined).

    :class:`ProjectError` for a page naming another form than A or B, or an exercise on a page of each form.
    """
    found: dict[Form, list[str]] = {}
    names = []
    for page in pages:
        form = page_form(page, page_text(book, page))
        if form is not None:
            found.setdefault(form, []).extend(page.exercise_ids)
            names.append(page.name)
    shared = sorted(set(found.get(Form.A, ())) & set(found.get(Form.B, ())))
    if shared:
        raise ProjectError(f"the check forms A and B share the exercise {shared[0]!r}; each form needs its own")
    return CheckForms({form: tuple(dict.fromkeys(ids)) for form, ids in found.items()}, tuple(names))


@dataclass(frozen=True)
class FormOrder:
    """Which form each learner does first: the teacher's file where it names the learner, else the name's hash."""

    set_by_teacher: Mapping[str, Form] = field(default_factory=dict)
    """The first form by :func:`~medialit.handin.learner_key`, from the teacher's file."""
    names: Mapping[str, str] = field(default_factory=dict)
    """The names as the teacher's file writes them, by :func:`~medialit.handin.learner_key`."""

    def unmatched(self, learners: Iterable[str]) -> list[str]:
        """The names of the teacher's file that are none of ``learners`` (a typing error, or no hand-in yet)."""
        known = {learner_key(name) for name in learners}
        return sorted(self.names.get(key, key) for key in self.set_by_teacher if key not in known)

    def first(self, name: str) -> Form:
        """The first form of the learner called ``name``."""
        return self.set_by_teacher.get(learner_key(name)) or first_form(name)

    def decided_by(self, name: str) -> str:
        """``"file"`` when the teacher's file sets the learner's order, else ``"name"``."""
        return "file" if learner_key(name) in self.set_by_teacher else "name"


def read_form_order(path: Path) -> FormOrder:
    """The teacher's form order: a CSV file with the columns ``learner`` and ``first`` (``A`` or ``B``).

    Raises :class:`ProjectError` naming the file, and the line, for anything it cannot use: an unreadable or too large
    file, missing columns, a blank name, another value than A or B, one learner given two different forms.
    """
    try:
        size = path.stat().st_size
        if size > MAX_ORDER_BYTES:
            raise ProjectError(f"{path}: the form-order file is larger than {MAX_ORDER_BYTES // (1024 * 1024)} MB")
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ProjectError(f"{path}: the form-order file cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ProjectError(f"{path}: the form-order file is not UTF-8; save it as UTF-8 (CSV)") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ProjectError(f"{path}: the form-order file is not a CSV file: {error}") from None
    if not rows:
        raise ProjectError(f"{path}: the form-order file is empty; it needs the columns learner,first")
    header = [cell.strip().lower() for cell in rows[0]]
    if "learner" not in header or "first" not in header:
        raise ProjectError(f"{path}: the first line must name the columns learner,first")
    name_at, form_at = header.index("learner"), header.index("first")
    found: dict[str, Form] = {}
    names: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        name = row[name_at] if name_at < len(row) else ""
        value = (row[form_at] if form_at < len(row) else "").strip().upper()
        key = learner_key(name)
        if not key:
            raise ProjectError(f"{path}, line {line}: the learner's name is blank")
        if value not in ("A", "B"):
            raise ProjectError(f"{path}, line {line}: `first` must be A or B, not {value[:20]!r}")
        if key in found and found[key] is not Form(value):
            raise ProjectError(f"{path}, line {line}: this learner is given form {found[key]} on an earlier line")
        found[key] = Form(value)
        names.setdefault(key, " ".join(name.split()))
    return FormOrder(found, names)
