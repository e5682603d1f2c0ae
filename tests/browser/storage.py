"""The book's storage layout in localStorage (static/learners.js, with the key prefixes of medialit.handin that the
manifest carries), for tests that seed or read it.

The learner key is the teacher's :func:`medialit.handin.learner_key` of the name (cut to 200 characters), encoded as
JavaScript's ``encodeURIComponent`` does; the unnamed learner's key is empty.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from medialit.handin import STORAGE_ANSWERS, STORAGE_CURRENT, STORAGE_META, learner_key

CURRENT = STORAGE_CURRENT
UNNAMED = ""


def key_of(name: str) -> str:
    """The storage key of a learner's name, as the book computes it."""
    return quote(learner_key("".join(list(name.strip())[:200])), safe="-_.!~*'()")


def answer_name(learner: str, exercise_id: str, content_hash: str) -> str:
    """The storage key of one answer of the learner with key ``learner``."""
    return f"{STORAGE_ANSWERS}{learner}:{exercise_id}:{content_hash}"


def meta_name(learner: str) -> str:
    """The storage key of the record {created, learner} of the learner with key ``learner``."""
    return f"{STORAGE_META}{learner}"


def seed_script(storage: dict[str, str]) -> str:
    """An init script that writes ``storage`` into localStorage once per tab (not again on a reload)."""
    return (
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1'); "
        f"for (const [k, v] of Object.entries({json.dumps(storage)})) localStorage.setItem(k, v); }}"
    )


SAVED = "Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('medialit')))"
"""A page expression: every key and value the book keeps in localStorage."""
