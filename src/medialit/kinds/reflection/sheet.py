"""The answer space of a reflection on a printed worksheet: its views, as a question with options has them."""

from __future__ import annotations

from medialit.kinds.choice.sheet import OptionsSpace, answer_space

__all__ = ["OptionsSpace", "answer_space"]
