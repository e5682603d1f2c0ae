"""Exercise YAML written by the authoring page reads back as the draft, whatever text the draft holds."""

from __future__ import annotations

from string import Template

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from medialit.author.yamlout import edited_text, new_text
from medialit.authoring.templates import template
from medialit.authoring.yamltext import quoted

SENTENCES = ("THE HARBOUR POST — local news", "Insiders say the decision was taken months ago.")
STARTER = Template(template("case-sourcing.yaml")).substitute(
    slug="harbour",
    label="Document C",
    label_q="Document C",
    title="The harbour ferry",
    target_unit="harbour:1.1",
    target_quote=quoted(SENTENCES[0]),
    distractor_unit="harbour:5.1",
    distractor_quote=quoted(SENTENCES[1]),
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(title="", hints=[], quote="", explanation=" ", takeaway=None)
@example(title=" x", hints=["y "], quote="\t", explanation="  ", takeaway=" ")
@given(title=TEXT, hints=st.lists(TEXT, max_size=3), quote=TEXT, explanation=TEXT, takeaway=st.none() | TEXT)
def test_any_text_reads_back_as_written(title, hints, quote, explanation, takeaway):
    data = yaml.safe_load(STARTER)
    data["title"], data["hints"] = title, hints
    data["targets"][0] |= {"quote": quote, "explanation": explanation}
    if takeaway is None:
        del data["takeaway"]
    else:
        data["takeaway"] = takeaway
    assert yaml.safe_load(new_text(data)) == data
    edited = edited_text(STARTER, data)
    assert yaml.safe_load(edited) == data
    assert edited.startswith("# Exercise: who says so in Document C")


def test_a_new_file_has_the_usual_order_and_readable_text():
    data = {
        "targets": [{"explanation": "Nobody is named.", "quote": "Insiders say: “soon”.", "id": "insiders"}],
        "hints": ["Ask: who says so?", "Could you ask them?"],
        "prompt": " ".join(["Select every sentence whose source you could not check."] * 3),
        "documents": ["harbour"],
        "title": "Who says so?",
        "skill": "sourcing",
        "type": "highlight",
        "id": "harbour-who",
        "schema_version": 1,
    }
    text = new_text(data)
    assert list(yaml.safe_load(text)) == [
        "schema_version",
        "id",
        "type",
        "skill",
        "title",
        "documents",
        "prompt",
        "hints",
        "targets",
    ]
    assert "documents: [harbour]\n" in text
    assert "prompt: >-\n  Select every sentence" in text
    assert max(len(line) for line in text.splitlines()) <= 120
    assert "  - id: insiders\n    quote: 'Insiders say: “soon”.'\n    explanation: Nobody is named.\n" in text
