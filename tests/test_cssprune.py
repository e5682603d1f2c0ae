"""Pruning stylesheets: a rule goes only when no page or script can make its selectors match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from medialit.sphinxext.cssprune import names_in_pages, names_in_scripts, prune_css, selector_can_match


def test_a_rule_for_an_unused_class_goes_and_a_used_one_stays():
    css = ".used{color:red}.unused{color:blue}p{margin:0}"
    assert prune_css(css, {"used"}) == ".used{color:red}p{margin:0}"


def test_only_the_selectors_that_cannot_match_leave_a_list():
    assert prune_css(".a .b,.c>.d,#e{top:0}", {"a", "b", "e"}) == ".a .b,#e{top:0}"


def test_classes_inside_not_is_where_has_and_attributes_never_remove_a_selector():
    css = "a:not(.gone){x:1}p:is(.gone,.also-gone){x:2}div:has(> .gone){x:3}[class*=gone]{x:4}"
    assert prune_css(css, set()) == css


def test_grouping_rules_are_pruned_inside_and_dropped_when_empty():
    css = "@media (min-width:960px){.gone{x:1}}@media print{.kept{x:2}.gone{x:3}}@supports (display:grid){.gone{x:4}}"
    assert prune_css(css, {"kept"}) == "@media print{.kept{x:2}}"


def test_other_at_rules_and_licence_notices_stay_and_other_comments_go():
    css = (
        '@charset "UTF-8";/*! Licence: keep me */\n/* a note */'
        "@font-face{font-family:X;src:url(x.woff)}@keyframes spin{from{top:0}to{top:1px}}.gone{x:1}"
    )
    out = prune_css(css, set())
    assert "/*! Licence: keep me */" in out and "a note" not in out
    assert "@font-face{font-family:X;src:url(x.woff)}" in out and "@keyframes spin{from{top:0}to{top:1px}}" in out
    assert ".gone" not in out


def test_escaped_class_names_are_matched_unescaped():
    assert selector_can_match(r".md\:flex", {"md:flex"})
    assert not selector_can_match(r".md\:flex", {"flex"})


def test_names_come_from_attributes_inline_scripts_and_script_words():
    page = '<div class="a  b" id="c"><script>el.classList.add("shown")</script></div>'
    names = names_in_pages([page])
    assert {"a", "b", "c", "shown"} <= names
    assert names_in_scripts(['x.className = "bd-open is-active"']) >= {"bd-open", "is-active"}


CLASS = st.sampled_from(["a", "b", "c", "d", "nav-x", "btn-y"])
SELECTOR = st.lists(CLASS, min_size=1, max_size=3).map(lambda names: " ".join(f".{name}" for name in names))
RULE = st.tuples(st.lists(SELECTOR, min_size=1, max_size=3), st.sampled_from(["x:1", "y:2"])).map(
    lambda rule: ",".join(rule[0]) + "{" + rule[1] + "}"
)
SHEET = st.lists(st.one_of(RULE, RULE.map(lambda rule: "@media print{" + rule + "}")), max_size=8).map("".join)


@given(SHEET, st.sets(CLASS))
def test_pruning_keeps_exactly_the_selectors_whose_classes_are_all_used(css, used):
    pruned = prune_css(css, used)
    assert prune_css(pruned, used) == pruned
    for selector in re.findall(r"([^{}@,]+)(?=[,{])", pruned):
        if selector.strip() != "@media print":
            assert set(re.findall(r"\.([\w-]+)", selector)) <= used, selector
    kept_everything = prune_css(css, {"a", "b", "c", "d", "nav-x", "btn-y"})
    assert kept_everything == css
