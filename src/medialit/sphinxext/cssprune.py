"""Stylesheets without the rules no page can match.

The theme's stylesheet holds rules for every component the theme and Bootstrap offer (386 KB as shipped); the book
uses a few of them. A selector that needs a class or id which appears in no built page and in no script cannot match
anything, now or after a script has run, so it is dropped; a rule is dropped when all its selectors are. The test is
conservative:

* the names a page uses are the tokens of every ``class`` and ``id`` attribute; the names scripts may add are every
  word of every script (the ``_static`` files and the pages' inline scripts), so a class a script adds is kept;
* classes and ids inside a functional pseudo-class (``:not(.x)``, ``:is()``, ``:where()``, ``:has()``) and attribute
  selectors are ignored, since ``:not(.unused)`` still matches;
* licence notices (``/*! … */``) are kept, other comments dropped;
* at-rules other than ``@media``, ``@supports``, ``@layer`` and ``@container`` (``@font-face``, ``@keyframes`` …) are
  kept whole; those four are pruned inside and dropped when empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tinycss2  # type: ignore[import-untyped]

__all__ = ["names_in_pages", "names_in_scripts", "prune_css", "selector_can_match", "site_names"]

ATTRIBUTE = re.compile(r'\b(?:class|id)\s*=\s*"([^"]*)"')
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
WORD = re.compile(r"[A-Za-z_][\w-]*")
FUNCTIONAL = re.compile(r":[\w-]+\(")
NAMED = re.compile(r"[.#]((?:[\w-]|\\.)+)")
GROUPING = ("media", "supports", "layer", "container")
"""At-rules whose inner rules are pruned."""


def names_in_pages(pages: Iterable[str]) -> set[str]:
    """Every class and id the HTML ``pages`` name, and every word of their inline scripts."""
    names: set[str] = set()
    for page in pages:
        for match in ATTRIBUTE.finditer(page):
            names.update(match.group(1).split())
        names.update(names_in_scripts(INLINE_SCRIPT.findall(page)))
    return names


def names_in_scripts(scripts: Iterable[str]) -> set[str]:
    """Every word of ``scripts``: each may be a class or id a script adds."""
    return {word for script in scripts for word in WORD.findall(script)}


def _without_functional(selector: str) -> str:
    """``selector`` with the arguments of every functional pseudo-class removed (``a:not(.x)`` → ``a``)."""
    kept, index = [], 0
    while match := FUNCTIONAL.search(selector, index):
        kept.append(selector[index : match.start()])
        depth, index = 1, match.end()
        while index < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[index], 0)
            index += 1
    kept.append(selector[index:])
    return "".join(kept)


def selector_can_match(selector: str, names: set[str]) -> bool:
    """Whether every class and id ``selector`` requires is in ``names``."""
    core = re.sub(r"\[[^\]]*\]", "", _without_functional(selector))
    return all(name.replace("\\", "") in names for name in NAMED.findall(core))


def _selectors(prelude: list[Any]) -> list[str]:
    """The comma-separated selectors of a rule's prelude (commas inside brackets or parentheses do not split)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in tinycss2.serialize(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def _prune_rules(rules: list[Any], names: set[str]) -> list[str]:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [selector for selector in _selectors(rule.prelude) if selector_can_match(selector, names)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = _prune_rules(inner, names)
            if body:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(body)}}}")
        elif rule.type == "comment":
            if rule.value.startswith("!"):  # a licence notice (``/*! … */``) stays
                kept.append(rule.serialize())
        elif rule.type != "whitespace":
            kept.append(rule.serialize())
    return kept


def prune_css(css: str, names: set[str]) -> str:
    """``css`` without the rules whose every selector needs a class or id missing from ``names``."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    return "".join(_prune_rules(rules, names))


def site_names(site: Path) -> set[str]:
    """The classes and ids the built ``site``'s pages name, and every word of its scripts."""
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    scripts = [path.read_text(encoding="utf-8") for path in (site / "_static").rglob("*.js")]
    return names_in_pages(pages) | names_in_scripts(scripts)
