"""Highlight: mark the sentences that hold what the prompt asks for, optionally saying which kind each is.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``;
the other modules as :mod:`medialit.kinds.base` names them. Below: the kind's settings.
"""

FRONT_END = ("sentences.js", "highlight/score.js", "highlight/view.js")
NONE_WITHOUT_KEY = True
PRINTS_DOCUMENTS = True
