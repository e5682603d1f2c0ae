"""The reading order finds an exercise directive in every form a page may write it."""

from __future__ import annotations

from pathlib import Path

from medialit.reading_order import exercise_directives, reading_order

PAGE = """# Harbour

```{medialit-exercise} one
```

~~~{exercise} two
~~~

:::{medialit-exercise} three
:::

.. medialit-exercise:: four

```{note}
Not an exercise: ```{medialit-exercise} five``` inside a sentence.
```

```{medialit-exercise}
```
"""


def test_every_directive_form_is_found_with_its_line() -> None:
    assert list(exercise_directives(PAGE)) == [(3, "one"), (6, "two"), (9, "three"), (12, "four"), (18, "")]


def test_lesson_order_counts_colon_fences_and_rst_directives(tmp_path: Path) -> None:
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: harbour\n", encoding="utf-8")
    (tmp_path / "harbour.md").write_text(PAGE, encoding="utf-8")
    (page,) = reading_order(tmp_path)
    assert page.exercise_ids == ("one", "two", "three", "four")
